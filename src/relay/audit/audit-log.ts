// Append-only audit chain: row hash = SHA-256(previous hash ‖ canonical row). Appends are group-committed:
// concurrent callers are queued and written in one transaction that holds an advisory lock, so any number
// of writers (and relay instances) still form one linear chain without a hot single-row head.
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/db';
import { bytes, num } from '../db/db';

export type AuditAction =
  'register' | 'challenge' | 'login' | 'logout' | 'revoke_all' | 'chat' | 'history_list' | 'history_fetch';
export type AuditOutcome = 'ok' | 'denied' | 'replay' | 'invalid' | 'upstream_error' | 'rate_limited';

export interface AuditEntry {
  accountId: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  requestId: string | null;
}

export interface AuditRow extends AuditEntry {
  seq: number;
  at: string;
}

export const GENESIS = Buffer.alloc(32);
const LOCK = 727002;

/** Canonical encoding: JSON array in fixed field order (JSON escaping makes it unambiguous). */
export function canonical(r: AuditRow): Buffer {
  return Buffer.from(JSON.stringify([r.seq, r.at, r.accountId, r.action, r.outcome, r.requestId]), 'utf8');
}
export function chainHash(prev: Uint8Array, r: AuditRow): Buffer {
  return createHash('sha256').update(prev).update(canonical(r)).digest();
}

async function head(tx: Queryable): Promise<{ seq: number; hash: Buffer }> {
  const [last] = await tx.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return last ? { seq: num(last.seq), hash: bytes(last.hash) } : { seq: 0, hash: GENESIS };
}

interface Pending<C> {
  entry: AuditEntry;
  /** A record that must commit atomically with this entry (the sealed history record). */
  companion?: C;
  done: (err?: unknown) => void;
}

const HEAD_SQL = `SELECT pg_advisory_xact_lock(${LOCK}); SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`;

/**
 * `C`: companion records written in the same transaction as their audit entries, by one batched call to
 * `writeCompanions` (one multi-row INSERT per flush instead of one round trip per request).
 */
export class AuditLog<C = never> {
  private queue: Pending<C>[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly writeCompanions?: (tx: Queryable, items: C[]) => Promise<void>,
  ) {}

  append(entry: AuditEntry, companion?: C): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, companion, done: (err) => (err ? reject(err) : resolve()) });
      this.flushing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 500);
      try {
        await this.write(batch);
        batch.forEach((p) => p.done());
      } catch (err) {
        batch.forEach((p) => p.done(err));
      }
    }
    this.flushing = null;
  }

  private async write(batch: Pending<C>[]): Promise<void> {
    const entries = batch.map((p) => p.entry);
    await this.db.transaction(async (tx, headRows) => {
      const last = headRows[0];
      let seq = last ? num(last.seq) : 0;
      let hash = last ? bytes(last.hash) : GENESIS;
      const companions = batch.flatMap((p) => (p.companion === undefined ? [] : [p.companion]));
      if (companions.length > 0 && this.writeCompanions) await this.writeCompanions(tx, companions);
      const at = new Date().toISOString();
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (const e of entries) {
        const row: AuditRow = { ...e, seq: seq + 1, at };
        const h = chainHash(hash, row);
        const b = values.length;
        tuples.push(`($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8})`);
        values.push(row.seq, at, e.accountId, e.action, e.outcome, e.requestId, hash, h);
        seq = row.seq;
        hash = h;
      }
      await tx.query(
        `INSERT INTO audit_log(seq, at, account_id, action, outcome, request_id, prev_hash, hash) VALUES ${tuples.join(',')}`,
        values,
      );
    }, HEAD_SQL);
  }

  /** Records the current chain head; external copies of checkpoints make tail truncation detectable. */
  async checkpoint(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${LOCK})`);
      const h = await head(tx);
      if (h.seq === 0) return;
      await tx.query('INSERT INTO audit_checkpoints(seq, hash, at) VALUES ($1, $2, $3) ON CONFLICT (seq) DO NOTHING', [
        h.seq,
        h.hash,
        new Date().toISOString(),
      ]);
    });
  }

  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }
}

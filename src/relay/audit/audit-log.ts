// Append-only audit chain: row hash = SHA-256(previous hash ‖ canonical row). Appends are group-committed
// and optimistic (see AuditLog), so any number of writers (and relay instances) still form one linear chain
// without a hot single-row head.
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

/**
 * Companion records (the sealed history rows) written by the same statement as their audit entries: a
 * data-modifying CTE whose rows come from array parameters, so the statement text is fixed whatever the
 * batch size and can be prepared once per connection.
 */
export interface CompanionWriter<C> {
  /** `INSERT ...` taking its rows from array parameters numbered from `$first`. */
  cte(first: number): string;
  params(items: C[]): unknown[];
}

const HEAD_SQL = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';
const isSeqConflict = (err: unknown): boolean => {
  const e = err as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint ?? e.message ?? '').includes('audit_log_pkey');
};

/**
 * Appends are group-committed (concurrent callers are queued and written together) and optimistic: the
 * chain head is remembered from the last write, and the whole batch — audit rows plus companions — is ONE
 * statement, so a request pays one round trip instead of BEGIN, lock, head, inserts and COMMIT. `seq` is
 * the primary key, so if another instance extended the chain meanwhile the statement fails as a whole
 * (nothing half-written) and the batch is retried in the locked transaction, which re-reads the head.
 * Every writer takes the same advisory lock inside its statement, so the locked retry cannot be overtaken.
 */
export class AuditLog<C = never> {
  private queue: Pending<C>[] = [];
  private flushing: Promise<void> | null = null;
  private head: { seq: number; hash: Buffer } | null = null;
  private readonly sql: string;
  private readonly statementName: string;

  constructor(
    private readonly db: Db,
    private readonly companions?: CompanionWriter<C>,
  ) {
    const audit = `INSERT INTO audit_log(seq, at, account_id, action, outcome, request_id, prev_hash, hash)
      SELECT u.* FROM (SELECT pg_advisory_xact_lock(${LOCK})) l,
        unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[], $8::bytea[])
          AS u(seq, at, account_id, action, outcome, request_id, prev_hash, hash)`;
    this.sql = companions ? `WITH companions AS (${companions.cte(9)}) ${audit}` : audit;
    // Prepared once per connection; named by its text so different companion writers never collide.
    this.statementName = `audit_${createHash('sha256').update(this.sql).digest('hex').slice(0, 16)}`;
  }

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
        this.head = null;
        batch.forEach((p) => p.done(err));
      }
    }
    this.flushing = null;
  }

  private async write(batch: Pending<C>[]): Promise<void> {
    if (this.head) {
      try {
        this.head = await this.insert(this.db, this.head, batch);
        return;
      } catch (err) {
        this.head = null;
        if (!isSeqConflict(err)) throw err;
      }
    }
    this.head = await this.db.transaction(async (tx, rows) => {
      const last = rows[0];
      return this.insert(tx, last ? { seq: num(last.seq), hash: bytes(last.hash) } : { seq: 0, hash: GENESIS }, batch);
    }, `SELECT pg_advisory_xact_lock(${LOCK}); ${HEAD_SQL}`);
  }

  /** One statement: companions and chained audit rows after `head`. Returns the new head. */
  private async insert(q: Queryable, head: { seq: number; hash: Buffer }, batch: Pending<C>[]) {
    let { seq, hash } = head;
    const at = new Date().toISOString();
    const cols: unknown[][] = [[], [], [], [], [], [], [], []];
    for (const { entry: e } of batch) {
      const row: AuditRow = { ...e, seq: seq + 1, at };
      const h = chainHash(hash, row);
      [row.seq, at, e.accountId, e.action, e.outcome, e.requestId, hash, h].forEach((v, i) => cols[i]!.push(v));
      seq = row.seq;
      hash = h;
    }
    const params: unknown[] = cols;
    if (this.companions) {
      const items = batch.flatMap((p) => (p.companion === undefined ? [] : [p.companion]));
      params.push(...this.companions.params(items));
    }
    await q.query(this.sql, params, this.statementName);
    return { seq, hash };
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

// Verifies the audit chain end to end and names the first row that does not fit.
import type { Queryable } from '../db/db';
import { bytes, num } from '../db/db';
import { chainHash, GENESIS, type AuditRow } from './audit-log';

export interface VerifyResult {
  ok: boolean;
  rows: number;
  checkpoints: number;
  /** Hex hash of the last row: keep a copy outside the database to detect later rewrites. */
  headHash?: string;
  firstBad?: { seq: number; reason: string };
}

const PAGE = 1000;

export async function verifyAuditChain(db: Queryable): Promise<VerifyResult> {
  let prev: Buffer = GENESIS;
  let expected = 1;
  let rows = 0;
  const hashes = new Map<number, Buffer>();
  for (;;) {
    const page = await db.query(
      'SELECT seq, at, account_id, action, outcome, request_id, prev_hash, hash FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expected, PAGE],
    );
    for (const r of page) {
      const row: AuditRow = {
        seq: num(r.seq),
        at: String(r.at),
        accountId: (r.account_id as string | null) ?? null,
        action: r.action as AuditRow['action'],
        outcome: r.outcome as AuditRow['outcome'],
        requestId: (r.request_id as string | null) ?? null,
      };
      const bad = (reason: string): VerifyResult => ({
        ok: false,
        rows,
        checkpoints: 0,
        firstBad: { seq: row.seq, reason },
      });
      if (row.seq !== expected) return bad(`sequence gap: expected row ${expected}`);
      if (!bytes(r.prev_hash).equals(prev)) return bad('previous-hash link broken');
      const h = chainHash(prev, row);
      if (!bytes(r.hash).equals(h)) return bad('row hash does not match its contents');
      hashes.set(row.seq, h);
      prev = h;
      expected++;
      rows++;
    }
    if (page.length < PAGE) break;
  }
  const cps = await db.query('SELECT seq, hash FROM audit_checkpoints ORDER BY seq');
  for (const c of cps) {
    const seq = num(c.seq);
    const h = hashes.get(seq);
    if (!h)
      return { ok: false, rows, checkpoints: cps.length, firstBad: { seq, reason: 'checkpointed row is missing' } };
    if (!h.equals(bytes(c.hash))) {
      return { ok: false, rows, checkpoints: cps.length, firstBad: { seq, reason: 'row differs from its checkpoint' } };
    }
  }
  return { ok: true, rows, checkpoints: cps.length, headHash: prev.toString('hex') };
}

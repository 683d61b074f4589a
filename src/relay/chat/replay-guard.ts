// The replay guard, shared by every instance through the database: a request id or encapsulated key is
// accepted once. Rows outlive the skew window, after which the timestamp check refuses the request anyway.
// Each check also re-reads the token, so a token revoked on another instance is refused at once even when
// this instance authenticated it from its short cache.
//
// Checks are group-committed like audit appends: while one statement is in flight, new checks queue, and
// the queue goes out as ONE statement over array parameters. A lone request still costs one round trip;
// under load, dozens of requests share one (one WAL commit, one backend wake-up instead of dozens).
import type { Db } from '../db/db';

export interface ReplayCheck {
  requestId: string;
  /** SHA-256 of the HPKE encapsulated key. */
  encHash: Buffer;
  expiresAt: number;
  tokenHash: Buffer;
}
export interface ReplayVerdict {
  /** The token still exists and has not expired. */
  authed: boolean;
  /** Recorded now: neither the request id nor the encapsulated key was seen before. */
  fresh: boolean;
}

// Only requests whose token is valid are recorded; `ins` returns the ones actually inserted.
const SQL = `WITH req AS (
    SELECT * FROM unnest($1::text[], $2::bytea[], $3::bigint[], $4::bytea[]) WITH ORDINALITY
      AS r(request_id, enc_hash, expires_at, token_hash, i)),
  ok AS (SELECT * FROM req WHERE EXISTS (
    SELECT 1 FROM tokens t WHERE t.hash = req.token_hash AND t.expires_at > $5::bigint)),
  ins AS (INSERT INTO seen_requests(request_id, enc_hash, expires_at)
    SELECT request_id, enc_hash, expires_at FROM ok ON CONFLICT DO NOTHING RETURNING request_id)
  SELECT req.i::int AS i,
    EXISTS (SELECT 1 FROM ok WHERE ok.i = req.i) AS authed,
    EXISTS (SELECT 1 FROM ins WHERE ins.request_id = req.request_id) AS fresh
  FROM req`;

interface Pending {
  check: ReplayCheck;
  done: (v: ReplayVerdict | Error) => void;
}

export class ReplayGuard {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  check(c: ReplayCheck): Promise<ReplayVerdict> {
    return new Promise((resolve, reject) => {
      this.queue.push({ check: c, done: (v) => (v instanceof Error ? reject(v) : resolve(v)) });
      if (!this.flushing) void this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      // Two checks with the same request id or key in one statement would both look fresh (`ins` is
      // matched by request id), so a duplicate waits for the next statement, which then sees the first.
      const batch: Pending[] = [];
      const rest: Pending[] = [];
      const ids = new Set<string>();
      const encs = new Set<string>();
      for (const p of this.queue) {
        const enc = p.check.encHash.toString('hex');
        if (batch.length >= 500 || ids.has(p.check.requestId) || encs.has(enc)) rest.push(p);
        else {
          ids.add(p.check.requestId);
          encs.add(enc);
          batch.push(p);
        }
      }
      this.queue = rest;
      try {
        const rows = await this.db.query<{ i: number; authed: boolean; fresh: boolean }>(
          SQL,
          [
            batch.map((p) => p.check.requestId),
            batch.map((p) => p.check.encHash),
            batch.map((p) => p.check.expiresAt),
            batch.map((p) => p.check.tokenHash),
            this.now(),
          ],
          'chat_replay_guard',
        );
        const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
        batch.forEach((p, k) => {
          const r = byIndex.get(k + 1);
          p.done(r ? { authed: r.authed === true, fresh: r.fresh === true } : new Error('replay guard: missing row'));
        });
      } catch (err) {
        const e = err instanceof Error ? err : new Error('replay guard failed');
        batch.forEach((p) => p.done(e));
      }
    }
    this.flushing = false;
  }
}

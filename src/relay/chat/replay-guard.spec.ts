// The batched replay guard: one statement per batch must still accept each request id and each
// encapsulated key once, and must record nothing for a token that is gone.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDb } from '../db/db';
import { migrate } from '../db/migrate';
import { ReplayGuard, type ReplayCheck } from './replay-guard';

let db: PgliteDb;
const NOW = 1_000_000;
const token = createHash('sha256').update('token').digest();
const expired = createHash('sha256').update('expired').digest();

// PGlite boots slowly on a busy 2-core machine: boot it once here, under the hook timeout.
beforeAll(async () => {
  db = await PgliteDb.open();
  await migrate(db);
  await db.query(`INSERT INTO accounts VALUES ('acct0001', '\\x01', '\\x02', 'x', 1)`);
  await db.query('INSERT INTO tokens VALUES ($1, $2, 1, $3), ($4, $2, 1, $5)', [
    token,
    'acct0001',
    NOW + 1,
    expired,
    NOW,
  ]);
}, 180_000);
afterAll(async () => db?.close());

const check = (requestId: string, over: Partial<ReplayCheck> = {}): ReplayCheck => ({
  requestId,
  encHash: randomBytes(32),
  expiresAt: NOW + 1000,
  tokenHash: token,
  ...over,
});

describe('ReplayGuard', () => {
  it('accepts a request id once, even when the copies arrive in the same batch', async () => {
    const guard = new ReplayGuard(db, () => NOW);
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => guard.check(check('same-request-id'))));
    expect(verdicts.every((v) => v.authed)).toBe(true);
    expect(verdicts.filter((v) => v.fresh)).toHaveLength(1);
  });

  it('accepts an encapsulated key once under different request ids', async () => {
    const guard = new ReplayGuard(db, () => NOW);
    const encHash = randomBytes(32);
    const verdicts = await Promise.all(
      ['enc-reuse-1', 'enc-reuse-2', 'enc-reuse-3'].map((id) => guard.check(check(id, { encHash }))),
    );
    expect(verdicts.filter((v) => v.fresh)).toHaveLength(1);
  });

  it('refuses and records nothing for an unknown or expired token; other requests in the batch are unaffected', async () => {
    const guard = new ReplayGuard(db, () => NOW);
    const [unknown, late, good] = await Promise.all([
      guard.check(check('tok-unknown1', { tokenHash: randomBytes(32) })),
      guard.check(check('tok-expired1', { tokenHash: expired })),
      guard.check(check('tok-good0001')),
    ]);
    expect(unknown).toEqual({ authed: false, fresh: false });
    expect(late).toEqual({ authed: false, fresh: false });
    expect(good).toEqual({ authed: true, fresh: true });
    // Nothing was recorded for the refused ones: with a valid token the same ids are still fresh.
    expect(await guard.check(check('tok-unknown1'))).toEqual({ authed: true, fresh: true });
    expect(await guard.check(check('tok-good0001'))).toEqual({ authed: true, fresh: false });
  });

  it('treats injection strings as data', async () => {
    const guard = new ReplayGuard(db, () => NOW);
    const id = "x'); DROP TABLE seen_requests; --";
    expect(await guard.check(check(id))).toEqual({ authed: true, fresh: true });
    expect(await guard.check(check(id))).toEqual({ authed: true, fresh: false });
  });
});

// Tampering with the audit table as the database superuser is detected, and the first bad row is named.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PgDb, PgliteDb, type Db } from '../db/db';
import { migrate } from '../db/migrate';
import { pgSkipReason, startPgCluster, type PgCluster } from '../testing/pg-cluster';
import { AuditLog } from './audit-log';
import { verifyAuditChain } from './audit-verify';
import { main } from '../cli';

const skip = pgSkipReason();
let cluster: PgCluster | undefined;
beforeAll(async () => {
  if (!skip) cluster = await startPgCluster();
});
afterAll(async () => cluster?.stop());

let n = 0;
let pglite: PgliteDb | undefined;
// PGlite boots slowly on a busy 2-core machine: boot it once here, under the hook timeout, not inside a test.
beforeAll(async () => {
  pglite = await PgliteDb.open();
}, 180_000);
afterAll(async () => pglite?.close());

async function seeded(backend: 'pglite' | 'postgres'): Promise<{ db: Db; url?: string }> {
  const url = backend === 'postgres' ? await cluster!.createDatabase(`audit_${++n}`) : undefined;
  let db: Db;
  if (url) db = new PgDb(url);
  else {
    // One PGlite for all cases (it boots slowly); each case starts from empty audit tables.
    pglite ??= await PgliteDb.open();
    await migrate(pglite);
    await pglite.query('DELETE FROM audit_log');
    await pglite.query('DELETE FROM audit_checkpoints');
    db = Object.assign(Object.create(pglite) as PgliteDb, { close: async () => undefined });
  }
  await migrate(db);
  // 50 concurrent writers, each its own AuditLog (as 50 relay instances would be), on a pool of connections.
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      new AuditLog(db).append({ accountId: `acct${i % 5}`, action: 'chat', outcome: 'ok', requestId: `r${i}` }),
    ),
  );
  await new AuditLog(db).checkpoint();
  return { db, url };
}

describe.each(['pglite', 'postgres'] as const)('audit chain on %s', (backend) => {
  const run = backend === 'postgres' && skip ? it.skip : it;

  run('verifies an untouched chain of 50 concurrent appends', async () => {
    const { db } = await seeded(backend);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      rows: 50,
      checkpoints: 1,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const seqs = (await db.query('SELECT seq::int AS s FROM audit_log ORDER BY seq')).map((r) => r.s);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await db.close();
  });

  const tampers: [string, string[], number, RegExp][] = [
    ['edit', [`UPDATE audit_log SET outcome = 'denied' WHERE seq = 17`], 17, /hash does not match/],
    ['delete', [`DELETE FROM audit_log WHERE seq = 9`], 10, /sequence gap/],
    [
      'reorder',
      [
        `UPDATE audit_log SET seq = -1 WHERE seq = 21`,
        `UPDATE audit_log SET seq = 21 WHERE seq = 22`,
        `UPDATE audit_log SET seq = 22 WHERE seq = -1`,
      ],
      21,
      /link broken|hash does not match/,
    ],
    [
      'insert',
      [
        `UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 30`,
        `UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1030`,
        `INSERT INTO audit_log SELECT 30, at, account_id, 'login', outcome, request_id, prev_hash, hash FROM audit_log WHERE seq = 29`,
      ],
      30,
      /link broken|hash does not match/,
    ],
    ['truncate tail', [`DELETE FROM audit_log WHERE seq > 45`], 50, /checkpointed row is missing/],
  ];

  for (const [name, sql, seq, reason] of tampers) {
    run(`names the first bad row after a superuser ${name}`, async () => {
      const { db } = await seeded(backend);
      for (const s of sql) await db.query(s);
      const v = await verifyAuditChain(db);
      expect(v.ok).toBe(false);
      expect(v.firstBad?.seq).toBe(seq);
      expect(v.firstBad?.reason).toMatch(reason);
      await db.close();
    });
  }

  run('`dbt-coach relay audit-verify` exits 0 on a good chain and 1 naming the row on a bad one', async () => {
    if (backend === 'pglite') return; // the CLI path for PGlite is covered in cli.spec.ts
    const { db, url } = await seeded(backend);
    const env = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    const errors: string[] = [];
    const spies = [
      vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m)),
      vi.spyOn(console, 'log').mockImplementation(() => undefined),
    ];
    try {
      expect(await main(['relay', 'audit-verify'])).toBe(0);
      await db.query(`UPDATE audit_log SET action = 'logout' WHERE seq = 3`);
      expect(await main(['relay', 'audit-verify'])).toBe(1);
      expect(errors.join('\n')).toMatch(/row 3/);
    } finally {
      spies.forEach((s) => s.mockRestore());
      if (env === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = env;
      await db.close();
    }
  });
});

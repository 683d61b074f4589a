import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDb, PgliteDb, type Db } from './db';
import { checkOrder, migrate, MigrationError, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { pgSkipReason, startPgCluster, type PgCluster } from '../testing/pg-cluster';

const skip = pgSkipReason();
let cluster: PgCluster | undefined;
beforeAll(async () => {
  if (!skip) cluster = await startPgCluster();
});
afterAll(async () => cluster?.stop());

let n = 0;
let lastUrl = '';
const backends: [string, () => Promise<Db>][] = [
  ['pglite', () => PgliteDb.open()],
  ['postgres', async () => new PgDb((lastUrl = await cluster!.createDatabase(`mig_${++n}`)))],
];

describe.each(backends)('migrations on %s', (name, open) => {
  const run = name === 'postgres' && skip ? it.skip : it;

  run('0001 creates the schema; 0002 keeps data and (on PostgreSQL) restricts the audit table', async () => {
    const db = await open();
    expect(await migrate(db, MIGRATIONS, 1)).toBe(1);
    await db.query(`INSERT INTO accounts VALUES ('a1', '\\x01', '\\x02', 'x', 1)`);
    await db.query(`INSERT INTO audit_log VALUES (1, 't', 'a1', 'register', 'ok', null, '\\x00', '\\x01')`);
    expect(await migrate(db)).toBe(2);
    expect(await db.query(`SELECT id FROM accounts`)).toEqual([{ id: 'a1' }]);
    if (db.dialect === 'postgres') {
      const relay = new PgDb(lastUrl, { role: 'dbt_coach_relay', max: 1 });
      await relay.query(`INSERT INTO audit_log VALUES (2, 't', 'a1', 'login', 'ok', null, '\\x00', '\\x01')`);
      for (const bad of [`UPDATE audit_log SET outcome = 'x'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`]) {
        await expect(relay.query(bad)).rejects.toThrow(/permission denied/);
      }
      expect(await relay.query(`SELECT count(*)::int AS n FROM audit_log`)).toEqual([{ n: 2 }]);
      await relay.close();
      // A role that cannot be assumed fails the connection instead of running as the login user.
      const wrong = new PgDb(lastUrl, { role: 'no_such_relay_role', max: 1 });
      await expect(wrong.query('SELECT 1')).rejects.toThrow(/does not exist/);
      await wrong.close();
    }
    await db.close();
  });

  run('is idempotent and refuses a database from the future', async () => {
    const db = await open();
    await migrate(db);
    expect(await migrate(db)).toBe(2);
    await db.query(`INSERT INTO relay_migrations VALUES (99, 'future', 0)`);
    await expect(migrate(db)).rejects.toMatchObject({ code: 'DB_FROM_FUTURE' });
    expect(await schemaVersion(db)).toBe(99);
    await db.close();
  });
});

describe('migration order check', () => {
  it('rejects gaps and bad names', () => {
    expect(() => checkOrder([MIGRATIONS[1]!])).toThrow(MigrationError);
    expect(() => checkOrder([{ ...MIGRATIONS[0]!, name: 'Bad Name' }])).toThrow(MigrationError);
    expect(() => checkOrder(MIGRATIONS)).not.toThrow();
  });
});

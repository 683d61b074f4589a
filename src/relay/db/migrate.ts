// Migration runner: ordered files, all pending ones in one transaction, a relay_migrations table, and
// a refusal to open a database written by a newer relay (same discipline as the desktop store).
import type { Db, Queryable } from './db';
import { num } from './db';
import { MIGRATIONS } from './migrations';

export interface Migration {
  version: number;
  name: string;
  up(tx: Queryable, dialect: Db['dialect']): Promise<void>;
}

export class MigrationError extends Error {
  constructor(
    readonly code: 'DB_FROM_FUTURE' | 'MIGRATIONS_OUT_OF_ORDER',
    message: string,
  ) {
    super(message);
  }
}

export function checkOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1 || !/^[a-z0-9-]+$/.test(m.name)) {
      throw new MigrationError('MIGRATIONS_OUT_OF_ORDER', `migration #${i + 1} has version ${m.version} (${m.name})`);
    }
  });
}

export async function schemaVersion(db: Queryable): Promise<number> {
  const [row] = await db.query(`SELECT to_regclass('relay_migrations') IS NOT NULL AS present`);
  if (!row?.present) return 0;
  const [v] = await db.query(`SELECT coalesce(max(version), 0) AS v FROM relay_migrations`);
  return num(v?.v ?? 0);
}

/** Applies pending migrations up to `target` (default: all). Returns the resulting version. */
export async function migrate(db: Db, list: readonly Migration[] = MIGRATIONS, target = list.length): Promise<number> {
  checkOrder(list);
  return db.transaction(async (tx) => {
    // Several relay instances may start at once: serialize migrators on a fixed advisory lock.
    await tx.query('SELECT pg_advisory_xact_lock(727001)');
    await tx.query(
      `CREATE TABLE IF NOT EXISTS relay_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`,
    );
    const current = await schemaVersion(tx);
    if (current > list.length) {
      throw new MigrationError(
        'DB_FROM_FUTURE',
        `The database is at schema version ${current}, newer than this relay knows (${list.length}). Upgrade the relay.`,
      );
    }
    for (const m of list.slice(current, target)) {
      await m.up(tx, db.dialect);
      await tx.query('INSERT INTO relay_migrations(version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        Date.now(),
      ]);
    }
    return Math.max(current, target);
  });
}

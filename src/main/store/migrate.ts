import { MESSAGES, StoreError } from './errors';
import { MIGRATIONS, type Migration } from './migrations/index';
import type { Db } from './open';

/** Throws unless the list is 1, 2, 3… with kebab-case names: a gap or duplicate is a programming error. */
export function checkOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration #${i} has version ${m.version}; expected ${i + 1}.`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.name)) throw new Error(`Migration ${m.version} has a bad name.`);
  });
}

export const latestVersion = (list: readonly Migration[] = MIGRATIONS): number => list.length;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to `target` (default: latest) in ONE transaction: either every pending
 * migration and the new user_version commit together, or nothing changes. Refuses a database
 * whose version is newer than this app knows (DB_FROM_FUTURE) before writing anything.
 */
export function migrate(db: Db, list: readonly Migration[] = MIGRATIONS, target = list.length): number {
  checkOrder(list);
  const current = schemaVersion(db);
  if (current > list.length) throw new StoreError('DB_FROM_FUTURE', MESSAGES.fromFuture);
  if (target > list.length || target < current) throw new Error('Invalid migration target.');
  if (current === target) return current;
  db.transaction(() => {
    for (const m of list.slice(current, target)) m.up(db);
    db.pragma(`user_version = ${Number(target) | 0}`);
  }).immediate();
  return target;
}

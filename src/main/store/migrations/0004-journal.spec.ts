import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { configureConnection, keyConnection, type Db } from '../open';
import { newKey, tempDir } from '../test-util';
import { MIGRATIONS } from './index';

let t: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  t = tempDir();
  db = new Database(`${t.dir}/m.db`);
  keyConnection(db, newKey());
  configureConnection(db);
});
afterEach(() => {
  db.close();
  t.cleanup();
});

it('0004 journal: keeps earlier data and adds diary, safety plan and chain tables with their checks', () => {
  migrate(db, MIGRATIONS, 3);
  db.prepare("INSERT INTO notes (id, kind, body, created_at, updated_at) VALUES ('n1', 'note', 'kept', 1, 1)").run();
  migrate(db, MIGRATIONS, 4);
  expect(db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'kept' }]);

  db.prepare("INSERT INTO diary_entries (day, data, created_at, updated_at) VALUES ('2025-03-01', '{}', 1, 1)").run();
  expect(() =>
    db.prepare("INSERT INTO diary_entries (day, data, created_at, updated_at) VALUES ('March 1', '{}', 1, 1)").run(),
  ).toThrow(/CHECK/);
  expect(() =>
    db
      .prepare("INSERT INTO diary_entries (day, data, created_at, updated_at) VALUES ('2025-03-02', 'nope', 1, 1)")
      .run(),
  ).toThrow(/CHECK/);

  db.prepare("INSERT INTO safety_plan_versions (data, saved_at) VALUES ('{}', 1)").run();
  db.prepare("INSERT INTO safety_plan_versions (data, saved_at) VALUES ('{}', 2)").run();
  expect(db.prepare('SELECT version FROM safety_plan_versions ORDER BY version').all()).toEqual([
    { version: 1 },
    { version: 2 },
  ]);

  db.prepare("INSERT INTO chain_analyses (id, data, created_at, updated_at) VALUES ('c1', '{}', 1, 1)").run();
  expect(() =>
    db.prepare("INSERT INTO chain_analyses (id, data, created_at, updated_at) VALUES ('c1', '{}', 1, 1)").run(),
  ).toThrow(/UNIQUE|PRIMARY/);
});

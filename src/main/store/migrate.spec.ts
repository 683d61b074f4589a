import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOrder, migrate, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations/index';
import { configureConnection, keyConnection, type Db } from './open';
import { newKey, tempDir } from './test-util';

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

const insertConversation = (id = 'c1') =>
  db
    .prepare('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(id, 'title', 1, 1);
const insertMessage = (id: string, content: string) =>
  db
    .prepare(
      `INSERT INTO messages (id, conversation_id, role, content, created_at, status) VALUES (?, 'c1', 'user', ?, 2, 'complete')`,
    )
    .run(id, content);

describe('migration discipline', () => {
  it('the shipped list is in order', () => {
    expect(() => checkOrder(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
  });

  it.each([
    ['a gap', [MIGRATIONS[0], { ...MIGRATIONS[1], version: 3 }]],
    ['a duplicate', [MIGRATIONS[0], MIGRATIONS[0]]],
    ['a bad name', [{ ...MIGRATIONS[0], name: 'Bad Name' }]],
  ])('refuses %s', (_n, list) => {
    expect(() => checkOrder(list as Migration[])).toThrow();
  });

  it('runs all pending migrations in one transaction: a failure leaves version 0 and no tables', () => {
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'boom',
      up: () => {
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'conversations'").get()).toEqual({ n: 0 });
  });

  it('refuses a database from the future', () => {
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'DB_FROM_FUTURE' }));
    expect(schemaVersion(db)).toBe(99);
  });

  it('is idempotent at the latest version', () => {
    migrate(db);
    expect(migrate(db)).toBe(MIGRATIONS.length);
  });
});

describe('each migration (migrate to N-1, insert, migrate to N, assert)', () => {
  it('0001 conversations-messages: creates the tables with their constraints', () => {
    migrate(db, MIGRATIONS, 0);
    migrate(db, MIGRATIONS, 1);
    insertConversation();
    insertMessage('m1', 'hello');
    expect(() => db.exec("UPDATE messages SET status = 'weird'")).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO messages (id, conversation_id, role, content, created_at, status) VALUES ('m9', 'nope', 'user', 'x', 1, 'complete')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('0002 notes-search: indexes messages that existed before the migration', () => {
    migrate(db, MIGRATIONS, 1);
    insertConversation();
    insertMessage('m1', 'an old message about radical acceptance');
    migrate(db, MIGRATIONS, 2);
    const hits = db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'acceptance'").all();
    expect(hits).toHaveLength(1);
    insertMessage('m2', 'a new message about acceptance');
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'acceptance'").all()).toHaveLength(2);
  });

  it('0003 audit: keeps earlier data and adds the audit trail', () => {
    migrate(db, MIGRATIONS, 2);
    insertConversation();
    insertMessage('m1', 'kept');
    migrate(db, MIGRATIONS, 3);
    expect(db.prepare('SELECT content FROM messages').all()).toEqual([{ content: 'kept' }]);
    db.prepare("INSERT INTO audit (at, event, detail) VALUES (1, 'vault.unlock', '{}')").run();
    expect(() => db.prepare("INSERT INTO audit (at, event, detail) VALUES (1, 'x', 'not json')").run()).toThrow();
  });
});

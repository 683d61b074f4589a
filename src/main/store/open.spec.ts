import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readFileSync, truncateSync, writeSync, unlinkSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyPragma, keyToHex } from './key';
import { openStore } from './store';
import { freshStore, newKey, sha256, tempDir } from './test-util';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const flipByte = (file: string, offset: number) => {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  b[0] = (readFileSync(file)[offset] ?? 0) ^ 0xff;
  writeSync(fd, b, 0, 1, offset);
  closeSync(fd);
};

describe('opening the encrypted history', () => {
  it('writes an encrypted file that persists across reopen', () => {
    const { store, key, file } = freshStore(t.dir);
    const c = store.createConversation({ title: 'hello' });
    store.close();
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const again = openStore({ file, dataKey: key });
    expect(again.getConversation(c.id).title).toBe('hello');
    again.close();
  });

  it('uses SQLCipher 4 settings on the connection', () => {
    const { store } = freshStore(t.dir);
    expect(store.db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(String(store.db.pragma('legacy', { simple: true }))).toBe('4');
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(store.db.pragma('temp_store', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('reports WRONG_KEY for another key and leaves the file untouched', () => {
    const { store, file } = freshStore(t.dir);
    store.close();
    const before = sha256(file);
    expect(() => openStore({ file, dataKey: newKey() })).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(sha256(file)).toBe(before);
  });

  it('reports WRONG_KEY without a key check value too (copied file)', () => {
    const { store, file } = freshStore(t.dir);
    store.close();
    unlinkSync(`${file}.keycheck`);
    expect(() => openStore({ file, dataKey: newKey() })).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
  });

  it('reports CORRUPT for a damaged header with the right key (key check value decides)', () => {
    const { store, key, file } = freshStore(t.dir);
    store.close();
    flipByte(file, 3); // inside the salt: the HMAC of page 1 no longer verifies
    const before = sha256(file);
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(sha256(file)).toBe(before);
  });

  it('fails on the first read with the wrong cipher (library default ChaCha20)', () => {
    const { store, key, file } = freshStore(t.dir);
    store.close();
    const db = new Database(file);
    db.pragma(keyPragma(keyToHex(key)));
    expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    db.close();
  });

  it('refuses a database written with another cipher', () => {
    const file = `${t.dir}/history.db`;
    const key = newKey();
    const db = new Database(file);
    db.pragma(keyPragma(keyToHex(key)));
    db.exec('CREATE TABLE x (y)');
    db.close();
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
  });

  it.each([
    ['short', Buffer.alloc(16)],
    ['long', Buffer.alloc(33)],
  ])('rejects a %s key before any PRAGMA', (_n, key) => {
    expect(() => openStore({ file: `${t.dir}/h.db`, dataKey: key })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it.each(["ab'; DROP TABLE x; --", 'AB'.repeat(32), 'g'.repeat(64), `${'a'.repeat(64)}\n`])(
    'never builds a key PRAGMA from non-hex %j',
    (hex) => {
      expect(() => keyPragma(hex)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    },
  );

  it('refuses to recreate a missing or emptied database that existed', () => {
    const { store, key, file } = freshStore(t.dir);
    store.close();
    truncateSync(file, 0);
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(readFileSync(file).length).toBe(0);
    unlinkSync(file);
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
  });

  it('refuses a database from a newer app without writing to it', () => {
    const { store, key, file } = freshStore(t.dir);
    store.db.pragma('user_version = 999');
    store.close();
    const before = sha256(file);
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'DB_FROM_FUTURE' }));
    expect(sha256(file)).toBe(before);
  });

  it('throws LOCKED after close', () => {
    const { store } = freshStore(t.dir);
    store.close();
    expect(() => store.listByDay({ tzOffsetMinutes: 0 })).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });
});

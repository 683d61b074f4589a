import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBackup } from './backup';
import { openStore, type Store } from './store';
import { freshStore, newKey, sha256, tempDir } from './test-util';

let t: ReturnType<typeof tempDir>;
let store: Store;
let key: Buffer;
let file: string;
let out: string;
beforeEach(() => {
  t = tempDir();
  const vault = path.join(t.dir, 'vault');
  mkdirSync(vault);
  out = path.join(t.dir, 'exports');
  mkdirSync(out);
  ({ store, key, file } = freshStore(vault));
});
afterEach(() => {
  store.close();
  t.cleanup();
});

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1, 9);

describe('backups', () => {
  it('writes an encrypted, verified backup that lists newest first', () => {
    const c = store.createConversation({ title: 'keep me' });
    const b1 = store.backupNow(T0);
    const b2 = store.backupNow(T0); // same second: a distinct name
    expect(b1.name).toBe('history-20250101-090000.db');
    expect(b2.name).not.toBe(b1.name);
    expect(store.listBackups().map((b) => b.name)).toEqual([b2.name, b1.name]);
    const bfile = path.join(store.backupDir, b1.name);
    expect(readFileSync(bfile).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(() => verifyBackup(bfile, key)).not.toThrow();
    expect(() => verifyBackup(bfile, newKey())).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(c.title).toBe('keep me');
  });

  it('makes a daily backup at most once a day and keeps the newest N', () => {
    store.setSetting('backup.retention', 3);
    for (let d = 0; d < 5; d++) {
      expect(store.dailyBackup(T0 + d * DAY)).not.toBeNull();
      expect(store.dailyBackup(T0 + d * DAY + 3_600_000)).toBeNull();
    }
    expect(store.listBackups().map((b) => b.name)).toEqual([
      'history-20250105-090000.db',
      'history-20250104-090000.db',
      'history-20250103-090000.db',
    ]);
  });

  it('restores a backup atomically and reopens', () => {
    const before = store.createConversation({ title: 'before' });
    const b = store.backupNow(T0);
    store.createConversation({ title: 'after' });
    store.restore(b.name);
    expect(store.listByDay({ tzOffsetMinutes: 0 }).days.flatMap((d) => d.conversations.map((c) => c.id))).toEqual([
      before.id,
    ]);
    expect(
      readdirSync(path.dirname(file)).filter((n) => n.includes('pre-restore') || n.includes('restore-tmp')),
    ).toEqual([]);
  });

  it('refuses a damaged backup before touching the database', () => {
    store.createConversation({ title: 'live' });
    const b = store.backupNow(T0);
    const bfile = path.join(store.backupDir, b.name);
    const bytes = readFileSync(bfile);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(bfile, bytes);
    store.close();
    const live = sha256(file);
    store = openStore({ file, dataKey: key });
    expect(() => store.restore(b.name)).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(store.listByDay({ tzOffsetMinutes: 0 }).days).toHaveLength(1);
    store.close();
    expect(sha256(file)).toBe(live);
    store = openStore({ file, dataKey: key });
  });

  it.each(['../history.db', 'history-20250101-090000.db/../../x', 'other.db'])('refuses backup name %j', (name) => {
    expect(() => store.restore(name)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('export and import', () => {
  const seed = () => {
    const c = store.createConversation({ title: 'My chat' });
    store.appendMessage({ conversationId: c.id, role: 'user', content: 'I felt overwhelmed' });
    store.appendMessage({ conversationId: c.id, role: 'assistant', content: 'Try TIPP', status: 'partial' });
    return c;
  };

  it('writes Markdown with a not-encrypted warning', () => {
    const c = seed();
    const target = path.join(out, 'chat.md');
    expect(store.exportConversation(c.id, 'markdown', target, path.dirname(file))).toEqual({
      path: target,
      encrypted: false,
    });
    const md = readFileSync(target, 'utf8');
    expect(md).toContain('# My chat');
    expect(md).toContain('NOT encrypted');
    expect(md).toContain('I felt overwhelmed');
    expect(md).toContain('(partial)');
  });

  it('round-trips an encrypted export inside the same vault only', () => {
    const c = seed();
    const target = path.join(out, 'chat.dbtc');
    store.exportConversation(c.id, 'encrypted', target, path.dirname(file));
    expect(readFileSync(target).includes(Buffer.from('overwhelmed'))).toBe(false);
    const { conversationId } = store.importConversation(target);
    expect(conversationId).not.toBe(c.id);
    expect(store.pageMessages(conversationId).messages.map((m) => m.content)).toEqual([
      'I felt overwhelmed',
      'Try TIPP',
    ]);
    const other = freshStore(path.join(t.dir, 'exports')).store;
    expect(() => other.importConversation(target)).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    other.close();
    writeFileSync(path.join(out, 'junk.dbtc'), 'not an export');
    expect(() => store.importConversation(path.join(out, 'junk.dbtc'))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it.each([
    ['relative', 'chat.md'],
    ['wrong extension', '/tmp/chat.txt'],
    ['missing folder', '/nonexistent-folder/chat.md'],
    ['NUL byte', '/tmp/ch\0at.md'],
  ])('refuses a %s export path', (_n, target) => {
    const c = seed();
    expect(() => store.exportConversation(c.id, 'markdown', target, path.dirname(file))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('refuses to export into the vault folder (it could overwrite the database)', () => {
    const c = seed();
    const target = path.join(path.dirname(file), 'history.md');
    expect(() => store.exportConversation(c.id, 'markdown', target, path.dirname(file))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('delete all history', () => {
  it('removes the database, its side files and every backup', () => {
    seed2();
    store.backupNow(T0);
    store.deleteAll();
    expect(readdirSync(path.dirname(file))).toEqual([]);
    expect(existsSync(store.backupDir)).toBe(false);
    expect(() => store.listByDay({ tzOffsetMinutes: 0 })).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    store = openStore({ file, dataKey: newKey() }); // a fresh start is allowed after an explicit delete
  });
});

function seed2() {
  const c = store.createConversation({ title: 'x' });
  store.appendMessage({ conversationId: c.id, role: 'user', content: 'to be deleted' });
}

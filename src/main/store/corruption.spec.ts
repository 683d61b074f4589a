import { closeSync, copyFileSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './store';
import { freshStore, sha256, tempDir } from './test-util';
import { checkWal } from './wal-check';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const PAGE = 4096;

function flip(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from([(readFileSync(file)[offset] ?? 0) ^ 0x5a]), 0, 1, offset);
  closeSync(fd);
}

/** A closed, checkpointed database with enough rows to span many pages. */
function populated() {
  const { store, key, file } = freshStore(t.dir);
  const c = store.createConversation({ title: 't' });
  store.db.transaction(() => {
    for (let i = 0; i < 300; i++)
      store.appendMessage({ conversationId: c.id, role: 'user', content: `row ${i} `.repeat(40) });
  })();
  store.close();
  return { key, file };
}

/** A database whose recent commits still live in the WAL: copied while the writer is open. */
function withWal() {
  const { store, key } = freshStore(t.dir);
  const c = store.createConversation({ title: 't' });
  store.db.pragma('wal_autocheckpoint = 0');
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  for (let i = 0; i < 20; i++) store.appendMessage({ conversationId: c.id, role: 'user', content: `wal row ${i}` });
  const file = path.join(t.dir, 'copy.db');
  for (const suffix of ['', '-wal', '.keycheck']) copyFileSync(`${store.file}${suffix}`, `${file}${suffix}`);
  store.close();
  return { key, file };
}

describe('corruption is reported, never repaired', () => {
  it('a flipped byte in a data page: CORRUPT, file untouched', () => {
    const { key, file } = populated();
    flip(file, 10 * PAGE + 1000);
    const before = sha256(file);
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(sha256(file)).toBe(before);
  });

  it('a truncated file: CORRUPT, file untouched', () => {
    const { key, file } = populated();
    truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
    const before = sha256(file);
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(sha256(file)).toBe(before);
  });

  it('a file truncated on a page boundary: CORRUPT, file untouched', () => {
    const { key, file } = populated();
    truncateSync(file, PAGE * 8);
    const before = sha256(file);
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(sha256(file)).toBe(before);
  });

  it('an intact WAL is replayed: every committed row is there', () => {
    const { key, file } = withWal();
    expect(checkWal(`${file}-wal`)).toBe('ok');
    const store = openStore({ file, dataKey: key });
    expect(store.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 20 });
    store.close();
  });

  it('a flipped byte in the middle of the WAL: CORRUPT before SQLite sees it, both files untouched', () => {
    const { key, file } = withWal();
    const wal = `${file}-wal`;
    const frames = (statSync(wal).size - 32) / (24 + PAGE);
    expect(frames).toBeGreaterThan(4);
    flip(wal, 32 + 2 * (24 + PAGE) + 24 + 500); // page data of the third frame
    const [db, w] = [sha256(file), sha256(wal)];
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect([sha256(file), sha256(wal)]).toEqual([db, w]);
  });

  it('a damaged WAL header: CORRUPT', () => {
    const { key, file } = withWal();
    flip(`${file}-wal`, 17);
    expect(() => openStore({ file, dataKey: key })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
  });

  it('reads that hit a damaged page later become CORRUPT, not INTERNAL', () => {
    const { key, file } = populated();
    const store = openStore({ file, dataKey: key });
    const c = store.db.prepare('SELECT id FROM conversations').get() as { id: string };
    store.close();
    flip(file, statSync(file).size - PAGE + 2000);
    expect(() => {
      const s = openStore({ file, dataKey: key });
      try {
        s.pageMessages(c.id, { limit: 200 });
      } finally {
        s.close();
      }
    }).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
  });
});

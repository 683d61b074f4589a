import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, tempDir } from './test-util';

/** Every file below `dir`, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The canary as UTF-8, UTF-16LE and base64 at all three byte alignments. */
function needles(canary: string): Buffer[] {
  const b64 = [0, 1, 2].map((pad) =>
    Buffer.from('x'.repeat(pad) + canary)
      .toString('base64')
      .slice(4, -4),
  );
  return [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le'), ...b64.map((s) => Buffer.from(s))];
}

function hits(dirs: string[], canary: string): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap(walk)) {
    const bytes = readFileSync(file);
    needles(canary).forEach((n, i) => bytes.includes(n) && found.push(`${path.basename(file)}#${i}`));
  }
  return found;
}

let t: ReturnType<typeof tempDir>;
const saved = { TMPDIR: process.env.TMPDIR, SQLITE_TMPDIR: process.env.SQLITE_TMPDIR };
beforeAll(() => (t = tempDir('dbt-canary-')));
afterAll(() => {
  process.env.TMPDIR = saved.TMPDIR;
  process.env.SQLITE_TMPDIR = saved.SQLITE_TMPDIR;
  t.cleanup();
});

describe('canary: no plaintext anywhere the store writes', () => {
  it('the scanner itself finds a planted canary in each encoding (positive control)', () => {
    const dir = path.join(t.dir, 'control');
    mkdirSync(dir);
    const canary = `CANARY-${randomBytes(12).toString('hex')}`;
    writeFileSync(path.join(dir, 'a'), Buffer.concat([Buffer.from('zz'), Buffer.from(canary, 'utf16le')]));
    writeFileSync(path.join(dir, 'b'), Buffer.from(`y${canary}`).toString('base64'));
    expect(hits([dir], canary).sort()).toEqual(['a#1', 'b#3']);
  });

  it('finds the canary in no file after ORDER BY, CREATE INDEX, VACUUM and a backup', () => {
    const data = path.join(t.dir, 'data');
    const watched = path.join(t.dir, 'tmp');
    mkdirSync(data);
    mkdirSync(watched);
    // SQLite reads these when it needs a temp file; temp_store=MEMORY means it never should.
    process.env.TMPDIR = watched;
    process.env.SQLITE_TMPDIR = watched;
    const canary = `CANARY-${randomBytes(12).toString('hex')}`;
    const { store, file } = freshStore(data);
    const c = store.createConversation({ title: 'canary' });
    store.appendMessage({ conversationId: c.id, role: 'user', content: `my secret is ${canary}` });
    store.upsertNote({ kind: 'diary', title: canary, body: `note ${canary}` });
    store.db.pragma('cache_size = 50'); // tiny cache: sorts and index builds would spill if they could
    store.db.transaction(() => {
      for (let i = 0; i < 5000; i++)
        store.appendMessage({ conversationId: c.id, role: 'assistant', content: `${canary} filler ${i} `.repeat(8) });
    })();
    const sorted = store.db.prepare('SELECT content FROM messages ORDER BY substr(content, 40), random()').all();
    expect(sorted.length).toBe(5001);
    store.db.exec('CREATE INDEX canary_idx ON messages (content)');
    expect(store.search(canary.slice(7, 20)).hits.length).toBeGreaterThan(0);
    expect(hits([data, watched], canary)).toEqual([]); // while open: db, -wal, -shm
    store.db.exec('VACUUM');
    store.backupNow();
    expect(hits([data, watched], canary)).toEqual([]);
    store.close();
    expect(hits([data, watched], canary)).toEqual([]);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(walk(data).length).toBeGreaterThan(1);
  });
});

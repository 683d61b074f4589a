import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadModel } from './downloader';
import { ModelStore } from './model-store';
import { OutboundGuard } from './outbound-guard';
import { minimalGguf } from './test-fixtures';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'models-'));
const gguf = minimalGguf();
const sha = createHash('sha256').update(gguf).digest('hex');

function source(name: string, bytes: Buffer, manifest?: object): string {
  const dir = tmp();
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  if (manifest) writeFileSync(p.replace(/\.gguf$/, '.json'), JSON.stringify(manifest));
  return p;
}

describe('ModelStore', () => {
  it('imports with a matching manifest, lists, verifies and removes', async () => {
    const store = new ModelStore(tmp());
    const progress: number[] = [];
    const m = await store.import(
      source('tiny.Q4.gguf', gguf, { file: 'tiny.Q4.gguf', sha256: sha, size: gguf.length, license: 'MIT' }),
      (f) => f !== null && progress.push(f),
    );
    expect(m.record).toMatchObject({ id: 'tiny-Q4', sha256: sha, verified: true, license: 'MIT' });
    expect(progress.at(-1)).toBe(1);
    expect((await store.list()).map((x) => x.record.id)).toEqual(['tiny-Q4']);
    expect(await store.verify('tiny-Q4')).toEqual({ ok: true, sha256: sha });
    appendFileSync(store.pathOf('tiny-Q4'), 'tampered');
    expect((await store.verify('tiny-Q4')).ok).toBe(false);
    expect(await store.unchanged('tiny-Q4')).toBe(false);
    expect(await store.remove('tiny-Q4')).toBe(true);
    expect(await store.list()).toEqual([]);
  });

  it('refuses a manifest hash mismatch and leaves nothing listed', async () => {
    const store = new ModelStore(tmp());
    const p = source('x.gguf', gguf, { file: 'x.gguf', sha256: '0'.repeat(64) });
    await expect(store.import(p)).rejects.toMatchObject({ code: 'MODEL_INVALID' });
    expect(await store.list()).toEqual([]);
  });

  it('refuses a broken manifest, a text file renamed .gguf, and a duplicate', async () => {
    const store = new ModelStore(tmp());
    const bad = source('y.gguf', gguf);
    writeFileSync(bad.replace(/\.gguf$/, '.json'), '{nope');
    await expect(store.import(bad)).rejects.toMatchObject({ code: 'MODEL_INVALID' });
    await expect(store.import(source('notes.gguf', Buffer.from('just some notes\n')))).rejects.toMatchObject({
      code: 'MODEL_INVALID',
    });
    await store.import(source('dup.gguf', gguf));
    await expect(store.import(source('dup.gguf', gguf))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await store.list()).map((m) => m.record.id)).toEqual(['dup']);
  });
});

describe('downloadModel (loopback server only)', () => {
  let base = '';
  let cutFirst = true;
  const ranges: Array<string | undefined> = [];
  const server = http.createServer((req, res): void => {
    ranges.push(req.headers.range);
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/model.gguf' }).end();
      return;
    }
    const from = Number(/bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
    const body = gguf.subarray(from);
    res.writeHead(from ? 206 : 200, { 'content-length': body.length, 'x-linked-etag': `"${sha}"` });
    if (cutFirst) {
      cutFirst = false;
      res.write(body.subarray(0, 40)); // then the connection drops
      setTimeout(() => res.destroy(), 20);
      return;
    }
    res.end(body);
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());
  const entry = (url: string, hash: string | null = sha) => ({
    id: 'tiny-dl',
    name: 'Tiny',
    fileName: 'tiny.gguf',
    sizeBytes: gguf.length,
    license: 'MIT',
    url,
    sha256: hash,
  });

  it('is refused in offline mode before any connection', async () => {
    const guard = new OutboundGuard({ offline: true });
    const store = new ModelStore(tmp());
    await expect(downloadModel(entry(`${base}/model.gguf`), { store, guard })).rejects.toMatchObject({
      code: 'OFFLINE',
    });
    expect(await guard.connections()).toEqual([]);
  });

  it('reports a dropped connection as PROVIDER_ERROR, then resumes with a Range request and verifies', async () => {
    const guard = new OutboundGuard({ offline: false });
    const store = new ModelStore(tmp());
    await expect(downloadModel(entry(`${base}/redirect`), { store, guard })).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
    });
    // What an interrupted attempt leaves behind, made exact so the resume point is known.
    writeFileSync(path.join(store.dir, '.tiny-dl.download'), gguf.subarray(0, 40));
    const m = await downloadModel(entry(`${base}/redirect`), { store, guard });
    expect(m.record).toMatchObject({ id: 'tiny-dl', sha256: sha, verified: true, license: 'MIT' });
    expect(ranges.at(-1)).toBe('bytes=40-');
    expect(readFileSync(store.pathOf('tiny-dl'))).toEqual(gguf);
    expect((await guard.connections()).every((c) => c.host === '127.0.0.1')).toBe(true);
  });

  it('deletes a download whose hash does not match', async () => {
    const store = new ModelStore(tmp());
    const guard = new OutboundGuard({ offline: false });
    await expect(downloadModel(entry(`${base}/model.gguf`, 'f'.repeat(64)), { store, guard })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
    });
    expect(await store.list()).toEqual([]);
  });
});

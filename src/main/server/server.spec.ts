import { mkdtempSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../api/index';
import { PortInUseError, startServer, type RunningServer } from './server';
import { cookieFrom, FAKE_JS, makeStaticDir, rawGet } from './test-support';

let app: App;
let server: RunningServer;
let dirs: { root: string; outside: string };
let cookie: string;

beforeAll(async () => {
  dirs = makeStaticDir();
  symlinkSync(dirs.outside, path.join(dirs.root, 'escape.txt'));
  app = await createApp({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'dbt-data-')) });
  server = await startServer({ app, staticDir: dirs.root, port: 0 });
  cookie = cookieFrom(await rawGet(server.port, `/?token=${server.token}`));
});

afterAll(async () => {
  await server.close();
  await app.close();
});

const get = (p: string, headers: Record<string, string> = {}) => rawGet(server.port, p, { cookie, ...headers });

describe('binding and the URL line', () => {
  it('listens on 127.0.0.1 only and hands out a 32-byte hex token in the URL', () => {
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });
});

describe('token exchange', () => {
  it('swaps a valid token for an HttpOnly, SameSite=Strict session cookie and drops the token from the URL', async () => {
    const res = await rawGet(server.port, `/?token=${server.token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toContain(server.token);
    const ok = await rawGet(server.port, '/', { cookie: cookieFrom(res) });
    expect(ok.status).toBe(200);
  });

  it.each([
    ['no token and no cookie', '/', {}],
    ['a wrong token', `/?token=${'0'.repeat(64)}`, {}],
    ['a token of the wrong length', '/?token=abc', {}],
    ['an empty token', '/?token=', {}],
    ['an unknown session cookie', '/', { cookie: `dbt_session_1=${'a'.repeat(64)}` }],
    ['a static file without a cookie', '/main-ABCD1234.js', {}],
  ])('refuses %s with a bare 401', async (_label, p, headers: Record<string, string>) => {
    const res = await rawGet(server.port, p, headers);
    expect(res.status).toBe(401);
    expect(res.body.toString()).toBe('Unauthorized');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a valid cookie sent with a wrong token (a token in the URL must be right)', async () => {
    expect((await get('/?token=nope')).status).toBe(401);
  });
});

describe('Host and Origin (DNS rebinding, cross-site requests)', () => {
  it.each([
    ['a foreign host', { host: 'evil.example:80' }],
    ['a rebinding host on our port', { host: 'attacker.test:PORT' }],
    ['our host on another port', { host: '127.0.0.1:1' }],
    ['a host without port', { host: '127.0.0.1' }],
    ['a foreign origin', { origin: 'https://evil.example' }],
    ['a null origin', { origin: 'null' }],
    ['a look-alike origin', { origin: 'http://127.0.0.1:PORT.evil.example' }],
    ['the other loopback spelling as origin', { origin: 'http://localhost:PORT' }],
  ])('refuses %s with 403 even with a valid cookie', async (_label, raw: Record<string, string>) => {
    const headers = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, v.replace('PORT', String(server.port))]),
    );
    const res = await get('/', headers);
    expect(res.status).toBe(403);
    expect(res.body.toString()).toBe('Forbidden');
  });

  it('accepts localhost:<port> with a matching origin', async () => {
    const host = `localhost:${server.port}`;
    const c = cookieFrom(await rawGet(server.port, `/?token=${server.token}`, { host }));
    expect((await rawGet(server.port, '/', { host, origin: `http://${host}`, cookie: c })).status).toBe(200);
  });
});

describe('index.html and headers', () => {
  it('sends the CSP with a fresh nonce per load, injected into the page', async () => {
    const a = await get('/');
    const b = await get('/');
    const nonceOf = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp))?.[1];
    const na = nonceOf(a.headers['content-security-policy']);
    expect(na).toBeTruthy();
    expect(na).not.toBe(nonceOf(b.headers['content-security-policy']));
    expect(a.body.toString()).toContain(`nonce="${na}"`);
    expect(a.body.toString()).not.toContain('CSP_NONCE_PLACEHOLDER');
    expect(String(a.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(a.headers['content-security-policy'])).not.toContain('unsafe-');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['referrer-policy']).toBe('no-referrer');
    expect(a.headers['cache-control']).toBe('no-store');
  });

  it('answers client-side routes with the app, but unknown assets with 404', async () => {
    expect((await get('/diary-card')).headers['content-type']).toMatch(/text\/html/);
    expect((await get('/missing-12345678.js')).status).toBe(404);
  });

  it('allows only GET and HEAD', async () => {
    expect((await rawGet(server.port, '/', { cookie }, 'POST')).status).toBe(405);
    expect((await rawGet(server.port, '/', { cookie }, 'HEAD')).status).toBe(200);
  });
});

describe('static files', () => {
  it('serves JS with the right type, compressed with brotli or gzip as accepted', async () => {
    const br = await get('/main-ABCD1234.js', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe(FAKE_JS);
    const gz = await get('/main-ABCD1234.js', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gz.body).toString()).toBe(FAKE_JS);
    const plain = await get('/main-ABCD1234.js', { 'accept-encoding': 'br;q=0' });
    expect(plain.body.toString()).toBe(FAKE_JS);
  });

  it('serves nested files with their MIME type', async () => {
    const svg = await get('/media/icon.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect((await get('/styles-EFGH5678.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/media/..%2f..%2fsecret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..\\secret.txt',
    '/.env',
    '/%2eenv',
    '/escape.txt',
    '/media%00/icon.svg',
    '/%E0%A4%A',
    '//etc/passwd',
    '/C:/Windows/win.ini',
  ])('never serves a file outside the app folder: %s', async (p) => {
    const res = await get(p);
    // 200 only ever means the app shell (a route-like path falls back to index.html).
    if (res.status === 200) expect(res.body.toString()).toContain('<app-root');
    else expect([400, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain('TOP-SECRET');
    expect(res.body.toString()).not.toContain('SECRET=1');
    expect(res.body.toString()).not.toContain('root:');
  });
});

describe('port in use', () => {
  it('fails with PortInUseError, not a crash', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    await expect(startServer({ app, staticDir: dirs.root, port })).rejects.toBeInstanceOf(PortInUseError);
    await new Promise((r) => blocker.close(r));
  });
});

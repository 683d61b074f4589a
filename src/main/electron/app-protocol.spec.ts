import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsp } from '../../shared/csp';
import { createAppProtocolHandler, resolveAppPath } from './app-protocol';

const INDEX = '<!doctype html><html><body><app-root ngCspNonce="CSP_NONCE_PLACEHOLDER"></app-root></body></html>';
const SECRET = 'top secret outside the renderer root';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;
let nonces: string[];

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'dbt-app-protocol-'));
  root = path.join(base, 'browser');
  mkdirSync(path.join(root, 'media'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), INDEX);
  writeFileSync(path.join(root, 'main-ABC123.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'styles-XYZ.css'), 'body{}');
  writeFileSync(path.join(root, 'media', 'font.woff2'), 'woff2');
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'escape.txt'));
  let n = 0;
  nonces = [];
  handler = createAppProtocolHandler({
    root,
    makeNonce: () => {
      const nonce = `testnonce${String(n++).padStart(8, '0')}`;
      nonces.push(nonce);
      return nonce;
    },
  });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('resolveAppPath', () => {
  it.each([
    ['app://dbt-coach/', 'index.html'],
    ['app://dbt-coach/index.html', 'index.html'],
    ['app://dbt-coach/main-ABC123.js?v=1#x', 'main-ABC123.js'],
    ['app://dbt-coach/media/font.woff2', 'media/font.woff2'],
    ['app://dbt-coach/diary%20card', 'diary card'],
  ])('maps %s to %s', (url, relPath) => {
    expect(resolveAppPath(url)).toEqual({ kind: 'file', relPath });
  });

  it.each([
    'app://dbt-coach/../secret.txt',
    'app://dbt-coach/media/../../secret.txt',
    'app://dbt-coach/%2e%2e/secret.txt',
    'app://dbt-coach/%2E%2E/secret.txt',
    'app://dbt-coach/.%2e/secret.txt',
    'app://dbt-coach/%252e%252e/secret.txt',
    'app://dbt-coach/..%2fsecret.txt',
    'app://dbt-coach/..%5csecret.txt',
    'app://dbt-coach/%5c..%5csecret.txt',
    'app://dbt-coach/media\\..\\..\\secret.txt',
    'app://dbt-coach//etc/passwd',
    'app://dbt-coach/%2fetc/passwd',
    'app://dbt-coach/C:/Windows/win.ini',
    'app://dbt-coach/C%3a/Windows/win.ini',
    'app://dbt-coach/index.html%00.js',
    'app://dbt-coach/index.html\u0000.js',
    'app://dbt-coach/%E0%A4%A',
    'app://evil/index.html',
    'app://user@dbt-coach/index.html',
    'https://dbt-coach/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url)).toMatchObject({ kind: 'refused' });
  });
});

describe('createAppProtocolHandler', () => {
  it('serves index.html with a fresh nonce per load and the matching CSP', async () => {
    const first = await get('app://dbt-coach/');
    const second = await get('app://dbt-coach/index.html');
    const [html1, html2] = [await first.text(), await second.text()];
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html1).not.toContain('CSP_NONCE_PLACEHOLDER');
    const nonce1 = /ngCspNonce="([^"]+)"/.exec(html1)?.[1];
    const nonce2 = /ngCspNonce="([^"]+)"/.exec(html2)?.[1];
    expect(nonce1).toBeDefined();
    expect(nonce1).not.toBe(nonce2);
    expect(first.headers.get('content-security-policy')).toBe(buildCsp(nonce1 ?? ''));
    expect(first.headers.get('cache-control')).toBe('no-store');
  });

  it('serves assets with their content type and the CSP', async () => {
    const js = await get('app://dbt-coach/main-ABC123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://dbt-coach/media/font.woff2')).headers.get('content-type')).toBe('font/woff2');
  });

  it('answers Angular deep links with the app shell, missing assets with 404', async () => {
    const route = await get('app://dbt-coach/diary-card');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<app-root');
    expect((await get('app://dbt-coach/missing.js')).status).toBe(404);
  });

  it.each([
    'app://dbt-coach/../secret.txt',
    'app://dbt-coach/%2e%2e/secret.txt',
    'app://dbt-coach/%2e%2e%2fsecret.txt',
    'app://dbt-coach/..%5csecret.txt',
    'app://dbt-coach//' + path.join(base ?? '/tmp', 'secret.txt'),
    'app://dbt-coach/escape.txt',
    'app://evil/index.html',
  ])('never serves what lies outside the root: %s', async (url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain(SECRET);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self';/);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://dbt-coach/index.html', 'POST')).status).toBe(405);
    expect((await get('app://dbt-coach/index.html', 'HEAD')).status).toBe(200);
  });

  it('never sends unsafe-inline or unsafe-eval', async () => {
    for (const url of ['app://dbt-coach/', 'app://dbt-coach/main-ABC123.js', 'app://dbt-coach/../x']) {
      const csp = (await get(url)).headers.get('content-security-policy') ?? '';
      expect(csp).not.toMatch(/unsafe-(inline|eval)/);
      expect(csp).toContain("object-src 'none'");
    }
  });
});

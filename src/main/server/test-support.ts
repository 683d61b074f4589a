// Helpers shared by the server specs: a throwaway built-renderer folder and raw HTTP requests
// (node:http sends the path and headers exactly as given, which hostile-input tests need).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const FAKE_INDEX =
  '<!doctype html><html><head><style nonce="CSP_NONCE_PLACEHOLDER">body{}</style></head>' +
  '<body><app-root ngCspNonce="CSP_NONCE_PLACEHOLDER"></app-root>' +
  '<script src="main-ABCD1234.js" type="module"></script></body></html>';
export const FAKE_JS = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;

/** A temp folder shaped like dist/renderer/browser, plus a secret file next to it for traversal tests. */
export function makeStaticDir(): { root: string; outside: string } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'dbt-serve-'));
  const root = path.join(base, 'browser');
  mkdirSync(path.join(root, 'media'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), FAKE_INDEX);
  writeFileSync(path.join(root, 'main-ABCD1234.js'), FAKE_JS);
  writeFileSync(path.join(root, 'styles-EFGH5678.css'), `body{color:red}${' '.repeat(2000)}`);
  writeFileSync(path.join(root, 'media', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(root, '.env'), 'SECRET=1');
  const outside = path.join(base, 'secret.txt');
  writeFileSync(outside, 'TOP-SECRET');
  return { root, outside };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export function rawGet(
  port: number,
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: pathname, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** `name=value` of the session cookie set by a token exchange. */
export function cookieFrom(res: RawResponse): string {
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  if (!first) throw new Error('no Set-Cookie');
  return first.split(';')[0] ?? '';
}

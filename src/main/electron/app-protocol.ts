import { randomBytes } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { buildCsp, injectNonce } from '../../shared/csp';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-url';

/**
 * Serves the built Angular app (dist/renderer/browser) on app://dbt-coach/. Pure Node so it is
 * tested against a real folder; main.ts hands `handleAppRequest` to protocol.handle().
 */

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Checked on the raw URL *and* on the decoded path: Chromium normalizes most of these before we
// see them, but the handler must not rely on that. A `%` left after decoding means double encoding.
// eslint-disable-next-line no-control-regex
const RAW_FORBIDDEN = /\.\.|%2e|%2f|%5c|%00|\\|\u0000/i;
// eslint-disable-next-line no-control-regex
const DECODED_FORBIDDEN = /\.\.|%|\\|[\u0000-\u001f\u007f]|^\/\/|^\/[a-zA-Z]:|:/;

export type ResolvedPath = { kind: 'file'; relPath: string } | { kind: 'refused'; status: 403 | 404 };

/**
 * Maps a request URL to a path relative to the renderer root, or refuses it. Refuses traversal
 * (`..`, `%2e%2e`, encoded slashes), backslashes, NUL, absolute or drive paths, and other hosts.
 */
export function resolveAppPath(rawUrl: string): ResolvedPath {
  if (RAW_FORBIDDEN.test(rawUrl)) return { kind: 'refused', status: 403 };
  const url = parseUrl(rawUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:`) return { kind: 'refused', status: 403 };
  if (url.host !== APP_HOST || url.username !== '' || url.password !== '') return { kind: 'refused', status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 403 };
  }
  if (DECODED_FORBIDDEN.test(decoded)) return { kind: 'refused', status: 403 };
  const relPath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (path.posix.normalize(relPath) !== relPath || path.isAbsolute(relPath)) return { kind: 'refused', status: 403 };
  return { kind: 'file', relPath };
}

export interface AppProtocolOptions {
  /** Absolute path of the Angular build output (dist/renderer/browser). */
  root: string;
  /** Injectable for tests; a fresh random value per response in production. */
  makeNonce?: () => string;
}

type ResponseBody = ConstructorParameters<typeof Response>[0];

const freshNonce = (): string => randomBytes(18).toString('base64');

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const makeNonce = options.makeNonce ?? freshNonce;
  const rootPromise = realpath(options.root).catch(() => path.resolve(options.root));

  const respond = (status: number, body: ResponseBody, contentType: string | null, nonce = makeNonce()) => {
    const headers = new Headers({
      'Content-Security-Policy': buildCsp(nonce),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    if (contentType) headers.set('Content-Type', contentType);
    return new Response(body, { status, headers });
  };

  /** Reads a file only if its real path (symlinks resolved) is still inside the root. */
  const readInside = async (root: string, relPath: string): Promise<Buffer | null> => {
    try {
      const real = await realpath(path.join(root, ...relPath.split('/')));
      if (real !== root && !real.startsWith(root + path.sep)) return null;
      return await readFile(real);
    } catch {
      return null;
    }
  };

  const serveIndex = async (root: string) => {
    const html = await readInside(root, 'index.html');
    if (html === null) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    const nonce = makeNonce();
    const response = respond(200, injectNonce(html.toString('utf8'), nonce), CONTENT_TYPES['.html'] ?? null, nonce);
    response.headers.set('Cache-Control', 'no-store');
    return response;
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain');
    const resolved = resolveAppPath(request.url);
    if (resolved.kind === 'refused') {
      return respond(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not found', 'text/plain');
    }
    const root = await rootPromise;
    if (resolved.relPath === 'index.html') return serveIndex(root);
    const ext = path.posix.extname(resolved.relPath).toLowerCase();
    const body = await readInside(root, resolved.relPath);
    if (body === null) {
      // Extension-less paths are Angular routes (deep links, reloads): they get the app shell.
      return ext === '' ? serveIndex(root) : respond(404, 'Not found', 'text/plain');
    }
    // readFile never hands back a SharedArrayBuffer-backed Buffer, which is all the cast rules out.
    return respond(200, body as Uint8Array<ArrayBuffer>, CONTENT_TYPES[ext] ?? 'application/octet-stream');
  };
}

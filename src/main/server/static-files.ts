import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants as zc, gzip } from 'node:zlib';
import { buildCsp, injectNonce } from '../../shared/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.json', '.webmanifest', '.map', '.txt', '.svg', '.html']);
/** Angular's production build puts a content hash in file names, so those can be cached for good. */
const HASHED = /-[A-Z0-9]{8,}\.(?:js|mjs|css)$/;
/**
 * Files are compressed once per launch, on the critical path to first paint. On the app's bundles
 * quality 5 is 10-20x faster than 9 or 11 for only 3-8 % more bytes (measured; see docs/benchmarks.md).
 */
const BROTLI_QUALITY = 5;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface Entry {
  readonly type: string;
  readonly cacheControl: string;
  readonly identity: Buffer;
  readonly br?: Buffer;
  /** Made on the first gzip request only: browsers take brotli, so start-up does not pay for both. */
  gzip?: Promise<Buffer>;
}

export type Encoding = 'br' | 'gzip' | 'identity';

export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((p) => p.trim().split(';'))
      .filter(([, q]) => q?.trim() !== 'q=0')
      .map(([name]) => (name ?? '').trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Maps a URL path to a file inside root, or null. Refuses encoded separators, backslashes, NUL,
 * `..` and dot-files; the caller still checks the real path (symlinks) before reading.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || decoded.includes('\0') || !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.') || s.includes(':'))) return null;
  const full = path.resolve(root, ...segments);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

export type StaticResult = { status: 200; send: (res: ServerResponse, encoding: Encoding) => void } | { status: 404 };

/** The built Angular app: hashed assets compressed once and kept in memory, index.html given a fresh CSP nonce per load. */
export class StaticFiles {
  private readonly root: string;
  private readonly cache = new Map<string, Promise<Entry | null>>();
  private readonly indexHtml: string;

  constructor(root: string) {
    this.root = realpathSync(root);
    this.indexHtml = readFileSync(path.join(this.root, 'index.html'), 'utf8');
  }

  /**
   * Starts compressing the files index.html links to, so the first load does not wait for them; then,
   * one at a time, the lazily loaded chunks (the welcome screen's among them), largest first.
   */
  warm(): void {
    const linked: Promise<unknown>[] = [];
    for (const m of this.indexHtml.matchAll(/(?:src|href)="([^"?#]+\.(?:js|mjs|css))"/g)) {
      const file = m[1] && resolveInside(this.root, `/${m[1].replace(/^\.?\//, '')}`);
      if (file) linked.push(this.entry(file));
    }
    void Promise.all(linked).then(() => this.warmRest());
  }

  private async warmRest(): Promise<void> {
    try {
      const names = (await readdir(this.root)).filter((n) => /\.(?:js|mjs|css)$/.test(n) && !n.startsWith('.'));
      const sized = await Promise.all(
        names.map(async (n) => ({ file: path.join(this.root, n), size: (await stat(path.join(this.root, n))).size })),
      );
      for (const { file } of sized.sort((a, b) => b.size - a.size)) await this.entry(file);
    } catch {
      // Warming is only a head start; requests compress what they need themselves.
    }
  }

  /** Answers a GET for pathname: a file, the SPA's index.html for route-like paths, or 404. */
  async lookup(pathname: string, encoding: Encoding = 'identity'): Promise<StaticResult> {
    if (pathname === '/' || pathname === '/index.html') return this.index();
    const file = resolveInside(this.root, pathname);
    if (!file) return { status: 404 };
    const entry = await this.entry(file);
    if (entry && encoding === 'gzip' && entry.br) {
      entry.gzip ??= gzipAsync(entry.identity, { level: 9 });
      const gz = await entry.gzip.catch(() => undefined);
      return { status: 200, send: (res, enc) => sendEntry(res, entry, enc, gz) };
    }
    if (entry) return { status: 200, send: (res, enc) => sendEntry(res, entry, enc) };
    // Client-side routes (/chat, /settings/…) have no extension and fall back to the app.
    return path.extname(file) === '' ? this.index() : { status: 404 };
  }

  private index(): StaticResult {
    const nonce = randomBytes(16).toString('base64');
    const html = Buffer.from(injectNonce(this.indexHtml, nonce), 'utf8');
    return {
      status: 200,
      send: (res, enc) => {
        res.setHeader('Content-Security-Policy', buildCsp(nonce));
        // index.html is small and changes per load (nonce), so compress it on the fly, cheaply.
        const body = enc === 'br' ? brotliCompressSync(html, { params: { [zc.BROTLI_PARAM_QUALITY]: 5 } }) : html;
        sendBody(res, 'text/html; charset=utf-8', 'no-store', body, enc === 'br' ? 'br' : 'identity');
      },
    };
  }

  private entry(file: string): Promise<Entry | null> {
    let p = this.cache.get(file);
    if (!p) {
      p = this.load(file);
      this.cache.set(file, p);
    }
    return p;
  }

  private async load(file: string): Promise<Entry | null> {
    try {
      const real = await realpath(file);
      if (!real.startsWith(this.root + path.sep) || !(await stat(real)).isFile()) return null;
      const ext = path.extname(real).toLowerCase();
      const identity = await readFile(real);
      const type = MIME[ext] ?? 'application/octet-stream';
      const cacheControl = HASHED.test(real) ? 'private, max-age=31536000, immutable' : 'no-cache';
      if (!COMPRESSIBLE.has(ext) || identity.length < 1024) return { type, cacheControl, identity };
      const br = await brotliAsync(identity, {
        params: { [zc.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zc.BROTLI_PARAM_SIZE_HINT]: identity.length },
      });
      return { type, cacheControl, identity, br };
    } catch {
      return null;
    }
  }
}

function sendEntry(res: ServerResponse, e: Entry, enc: Encoding, gzipped?: Buffer): void {
  const body = enc === 'br' ? e.br : enc === 'gzip' ? gzipped : undefined;
  if (body) sendBody(res, e.type, e.cacheControl, body, enc);
  else sendBody(res, e.type, e.cacheControl, e.identity, 'identity');
}

function sendBody(res: ServerResponse, type: string, cacheControl: string, body: Buffer, enc: Encoding): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  if (enc !== 'identity') res.setHeader('Content-Encoding', enc);
  res.setHeader('Content-Length', body.length);
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

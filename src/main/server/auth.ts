import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE, TOKEN_PARAM } from '../../shared/transport';

/** Largest number of browser sessions one launch hands out; each token exchange makes one. */
const MAX_SESSIONS = 64;

export type Verdict = { ok: true } | { ok: false; status: 401 | 403 };

/**
 * The browser shell's gatekeeper, modelled on Jupyter: a random per-launch token (printed once)
 * is exchanged for an HttpOnly, SameSite=Strict session cookie. Host and Origin must name this
 * loopback server, which defeats DNS rebinding and cross-site requests from other pages.
 */
export class Auth {
  readonly token = randomBytes(32).toString('hex');
  private readonly tokenBuf = Buffer.from(this.token, 'utf8');
  private readonly sessions = new Set<string>();

  constructor(private readonly port: number) {}

  /**
   * Cookies are not isolated by port, so two launches on different ports would overwrite
   * each other's session; the port in the name keeps them apart (Jupyter does the same).
   */
  get cookieName(): string {
    return `${SESSION_COOKIE}_${this.port}`;
  }

  /** Host must be exactly this server's loopback address; anything else may be a rebinding attack. */
  checkHost(req: IncomingMessage): boolean {
    const host = req.headers.host;
    return host === `127.0.0.1:${this.port}` || host === `localhost:${this.port}`;
  }

  /** Origin, when the browser sends one, must be this very origin (same host spelling, same port). */
  checkOrigin(req: IncomingMessage, required: boolean): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return !required;
    return origin === `http://${req.headers.host ?? ''}`;
  }

  /** Host/Origin first (403), then the session cookie (401). Used for every request and upgrade. */
  verify(req: IncomingMessage, opts: { requireOrigin: boolean }): Verdict {
    if (!this.checkHost(req) || !this.checkOrigin(req, opts.requireOrigin)) return { ok: false, status: 403 };
    return this.hasSession(req) ? { ok: true } : { ok: false, status: 401 };
  }

  hasSession(req: IncomingMessage): boolean {
    const id = readCookie(req.headers.cookie, this.cookieName);
    return id !== undefined && this.sessions.has(id);
  }

  /** The token from `?token=`, compared in constant time; undefined when the URL carries none. */
  tokenInUrl(url: URL): boolean | undefined {
    const given = url.searchParams.get(TOKEN_PARAM);
    if (given === null) return undefined;
    const buf = Buffer.from(given, 'utf8');
    return buf.length === this.tokenBuf.length && timingSafeEqual(buf, this.tokenBuf);
  }

  /** A fresh random session id (never the token itself) as a Set-Cookie header value. */
  newSessionCookie(): string {
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.values().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const id = randomBytes(32).toString('hex');
    this.sessions.add(id);
    return `${this.cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

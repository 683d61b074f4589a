// Password-less accounts: an account is a pair of public keys (Ed25519 to log in, X25519 to receive its
// own sealed history). Login is challenge–response; the bearer token is 256 random bits of which the
// relay keeps only the SHA-256. All failure paths throw the same UNAUTHORIZED error.
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import type { Db } from '../db/db';
import { bytes, num } from '../db/db';
import { b64u, fromB64u, loginMessage } from '../client/protocol';
import { RelayError } from '../http/errors';

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const CHALLENGE_TTL_MS = 60_000;

export interface Principal {
  accountId: string;
  tokenHash: Buffer;
  /** Hex SHA-256 of the token: the `tokenId` bound into request AAD. */
  tokenId: string;
  x25519: Buffer;
  /** True when this principal came from the cache rather than from the database just now. */
  cached?: boolean;
}

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * How long a verified token may be served from memory — only on the chat path, and only to decide the
 * 401-before-decryption step. Revocation stays immediate everywhere: the chat request's replay-guard
 * statement re-checks the token in the database (chat-handler.ts), every other endpoint always looks it up,
 * and an error answered to a cached principal is re-checked so a revoked token still gets the one 401.
 */
const CACHE_MS = 5_000;

export class AuthService {
  private cache = new Map<string, { p: Principal; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly tokenTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async register(ed25519: Uint8Array, x25519: Uint8Array, label: string): Promise<string> {
    // Reject keys the login path could never use, so a broken client fails at registration.
    createPublicKey({ key: Buffer.concat([SPKI_ED25519, ed25519]), format: 'der', type: 'spki' });
    const id = b64u(randomBytes(16));
    await this.db.query(
      'INSERT INTO accounts(id, ed25519_pub, x25519_pub, label, created_at) VALUES ($1,$2,$3,$4,$5)',
      [id, Buffer.from(ed25519), Buffer.from(x25519), label, this.now()],
    );
    return id;
  }

  /** Issued for any account id, known or not, so the endpoint does not reveal which accounts exist. */
  async challenge(accountId: string): Promise<{ challengeId: string; nonce: string; expiresAt: number }> {
    const challengeId = b64u(randomBytes(16));
    const nonce = b64u(randomBytes(32));
    const expiresAt = this.now() + CHALLENGE_TTL_MS;
    await this.db.query('DELETE FROM auth_challenges WHERE expires_at < $1', [this.now()]);
    await this.db.query('INSERT INTO auth_challenges(id, account_id, nonce, expires_at) VALUES ($1,$2,$3,$4)', [
      challengeId,
      accountId,
      nonce,
      expiresAt,
    ]);
    return { challengeId, nonce, expiresAt };
  }

  async login(
    accountId: string,
    challengeId: string,
    signature: Uint8Array,
  ): Promise<{ token: string; expiresAt: number }> {
    // Single use: the challenge is consumed whether or not the signature verifies.
    const [ch] = await this.db.query(
      'DELETE FROM auth_challenges WHERE id = $1 RETURNING account_id, nonce, expires_at',
      [challengeId],
    );
    if (!ch || ch.account_id !== accountId || num(ch.expires_at) < this.now()) throw new RelayError('UNAUTHORIZED');
    const [acct] = await this.db.query('SELECT ed25519_pub FROM accounts WHERE id = $1', [accountId]);
    if (!acct) throw new RelayError('UNAUTHORIZED');
    let good = false;
    try {
      const key = createPublicKey({
        key: Buffer.concat([SPKI_ED25519, bytes(acct.ed25519_pub)]),
        format: 'der',
        type: 'spki',
      });
      good = verify(null, loginMessage(accountId, challengeId, String(ch.nonce)), key, signature);
    } catch {
      good = false;
    }
    if (!good) throw new RelayError('UNAUTHORIZED');
    const token = b64u(randomBytes(32));
    const expiresAt = this.now() + this.tokenTtlMs;
    await this.db.query('INSERT INTO tokens(hash, account_id, created_at, expires_at) VALUES ($1,$2,$3,$4)', [
      tokenHash(token),
      accountId,
      this.now(),
      expiresAt,
    ]);
    return { token, expiresAt };
  }

  /** Resolves an Authorization header to its account, or throws the one UNAUTHORIZED error. */
  /** `useCache`: only for callers that re-check the token in the database themselves (the chat path). */
  async authenticate(header: string | undefined, useCache = false): Promise<Principal> {
    const token = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header ?? '')?.[1];
    if (!token || !fromB64u(token)) throw new RelayError('UNAUTHORIZED');
    const hash = tokenHash(token);
    const tokenId = hash.toString('hex');
    const t = this.now();
    const hit = this.cache.get(tokenId);
    if (useCache && hit && hit.until > t) return { ...hit.p, cached: true };
    const [row] = await this.db.query(
      `SELECT t.account_id, t.expires_at, a.x25519_pub FROM tokens t JOIN accounts a ON a.id = t.account_id
       WHERE t.hash = $1 AND t.expires_at > $2`,
      [hash, t],
    );
    if (!row) {
      this.cache.delete(tokenId);
      throw new RelayError('UNAUTHORIZED');
    }
    const p: Principal = { accountId: String(row.account_id), tokenHash: hash, tokenId, x25519: bytes(row.x25519_pub) };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(tokenId, { p, until: Math.min(num(row.expires_at), t + CACHE_MS) });
    return p;
  }

  forget(tokenId: string): void {
    this.cache.delete(tokenId);
  }

  async logout(p: Principal): Promise<void> {
    this.cache.delete(p.tokenId);
    await this.db.query('DELETE FROM tokens WHERE hash = $1', [p.tokenHash]);
  }

  async revokeAll(p: Principal): Promise<void> {
    for (const [k, v] of this.cache) if (v.p.accountId === p.accountId) this.cache.delete(k);
    await this.db.query('DELETE FROM tokens WHERE account_id = $1', [p.accountId]);
  }
}

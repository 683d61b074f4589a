// Account and token handling against one relay: registration with the vault's public keys (once per
// relay and vault, the account id is remembered in a small file), challenge login signed with the vault's
// Ed25519 key, a cached token renewed a minute before expiry or after a 401, and the relay's HPKE keys.
import { createHash, sign, type KeyObject } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';
import { AppError } from '../errors';
import { b64u, loginMessage } from './wire';

/** The vault keys the relay needs; the private key never leaves this process. */
export interface RelayKeys {
  readonly vaultId: string;
  readonly ed25519: { readonly privateKey: KeyObject; readonly publicRaw: Uint8Array };
  readonly x25519: { readonly publicRaw: Uint8Array };
}

export interface PublishedKey {
  readonly id: string;
  readonly publicKey: string;
  readonly expiresAt: number;
}

const keySchema = z.object({ id: z.string().max(200), publicKey: z.string().max(100), expiresAt: z.number() });
export const keysSchema = z.object({ keys: z.array(keySchema).max(100) });
const accountSchema = z.object({ accountId: z.string().min(1).max(100) });
const challengeSchema = z.object({ challengeId: z.string().max(200), nonce: z.string().max(200) });
const tokenSchema = z.object({ token: z.string().min(1).max(200), expiresAt: z.number() });
const errorSchema = z.object({ error: z.object({ code: z.string() }) });

export const relayError = (why: string) => new AppError('PROVIDER_ERROR', `The relay could not answer (${why}).`);

/** Calls the relay; `fetch` is the provider's, already past the outbound guard. */
export type RelayCall = (method: string, pathname: string, body?: unknown, token?: string) => Promise<Response>;

export async function readJson<T>(res: Response, schema: z.ZodType<T>): Promise<T> {
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const code = errorSchema.safeParse(data).data?.error.code;
    if (res.status === 429) throw new AppError('RATE_LIMITED', 'The relay is busy. Try again in a minute.');
    throw relayError(code ? `${res.status} ${code.slice(0, 32)}` : `HTTP ${res.status}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw relayError('unexpected answer');
  return parsed.data;
}

/** Remembers which account id a vault has on which relay (ids only: no keys, no tokens). */
export class AccountBook {
  constructor(private readonly file: string) {}

  private static slot(url: string, keys: RelayKeys): string {
    return createHash('sha256')
      .update(`${url}\n${b64u(keys.ed25519.publicRaw)}`)
      .digest('hex');
  }

  private async all(): Promise<Record<string, string>> {
    const text = await readFile(this.file, 'utf8').catch(() => '{}');
    try {
      const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  async get(url: string, keys: RelayKeys): Promise<string | null> {
    return (await this.all())[AccountBook.slot(url, keys)] ?? null;
  }

  async set(url: string, keys: RelayKeys, accountId: string): Promise<void> {
    const next = { ...(await this.all()), [AccountBook.slot(url, keys)]: accountId };
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, JSON.stringify(next));
  }

  static file(dataDir: string): string {
    return path.join(dataDir, 'llm', 'relay-accounts.json');
  }
}

/** Token and key cache for one (relay URL, vault) pair. */
export class RelayAuth {
  private token: { value: string; expiresAt: number } | null = null;
  private keys: PublishedKey[] = [];

  constructor(
    readonly url: string,
    readonly vaultId: string,
    private readonly book: AccountBook,
    private readonly now: () => number = Date.now,
  ) {}

  private async accountId(call: RelayCall, keys: RelayKeys): Promise<string> {
    const known = await this.book.get(this.url, keys);
    if (known) return known;
    // The label is stored in plaintext by the relay, so it says nothing about the person.
    const res = await call('POST', '/v1/accounts', {
      ed25519PublicKey: b64u(keys.ed25519.publicRaw),
      x25519PublicKey: b64u(keys.x25519.publicRaw),
      label: 'desktop',
    });
    const { accountId } = await readJson(res, accountSchema);
    await this.book.set(this.url, keys, accountId);
    return accountId;
  }

  private async login(call: RelayCall, keys: RelayKeys): Promise<string> {
    const accountId = await this.accountId(call, keys);
    const ch = await readJson(await call('POST', '/v1/auth/challenge', { accountId }), challengeSchema);
    const signature = sign(null, loginMessage(accountId, ch.challengeId, ch.nonce), keys.ed25519.privateKey);
    const t = await readJson(
      await call('POST', '/v1/auth/login', { accountId, challengeId: ch.challengeId, signature: b64u(signature) }),
      tokenSchema,
    );
    this.token = { value: t.token, expiresAt: t.expiresAt };
    return t.token;
  }

  /** A valid token, logging in again a minute before it expires. */
  async currentToken(call: RelayCall, keys: RelayKeys): Promise<string> {
    if (!this.token || this.token.expiresAt - this.now() < 60_000) return this.login(call, keys);
    return this.token.value;
  }

  dropToken(): void {
    this.token = null;
  }

  /** The relay key with the latest expiry, fetched again when none has 30 s of life left. */
  async relayKey(call: RelayCall): Promise<PublishedKey> {
    const soon = this.now() + 30_000;
    const usable = () => [...this.keys].filter((k) => k.expiresAt > soon).sort((a, b) => a.expiresAt - b.expiresAt);
    if (usable().length === 0) this.keys = (await readJson(await call('GET', '/v1/keys'), keysSchema)).keys;
    const k = usable().at(-1);
    if (!k) throw relayError('no usable relay key');
    return k;
  }

  replaceKeys(keys: PublishedKey[]): void {
    this.keys = keys;
  }
}

// Reads this vault's encrypted backup back from a relay (docs/relay-protocol.md, GET /v1/history): lists
// every stored exchange page by page and opens each with the vault's X25519 private key. Everything is
// decrypted and checked BEFORE the caller writes anything, so one tampered item means nothing is restored.
import type { KeyObject } from 'node:crypto';
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { z } from 'zod';
import { AppError } from '../errors';
import type { OutboundGuard } from '../outbound-guard';
import { AccountBook, readJson, relayError, RelayAuth, type RelayCall, type RelayKeys } from './relay-auth';
import { normaliseRelayUrl } from './relay-url';
import { fromB64u, lengthPrefixed, PROTOCOL } from './wire';

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const HISTORY_INFO = new TextEncoder().encode('dbt-coach relay v1 history');
const PAGE = 200;
/** A backup larger than this is refused rather than held in memory (about 100 000 exchanges). */
const MAX_ITEMS = 100_000;

const itemSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  createdAt: z.number().int().nonnegative(),
  enc: z.string().max(100),
  ct: z.string().max(2_000_000),
});
const listSchema = z.object({ items: z.array(itemSchema).max(PAGE) });

const messageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(1_000_000),
});
const plaintextSchema = z.object({
  requestId: z.string(),
  conversationId: z.string(),
  createdAt: z.number().int().nonnegative(),
  messages: z.array(messageSchema).max(10_000),
  reply: z.string().max(1_000_000),
});

/** One stored exchange after it was opened and its bindings checked. */
export interface RestoredExchange {
  readonly id: string;
  readonly conversationId: string;
  readonly createdAt: number;
  readonly messages: readonly z.infer<typeof messageSchema>[];
  readonly reply: string;
}

export interface RelayHistoryKeys extends RelayKeys {
  readonly x25519: { readonly publicRaw: Uint8Array; readonly privateKey: KeyObject };
}

export interface FetchHistoryOptions {
  readonly url: string;
  readonly keys: RelayHistoryKeys;
  readonly guard: OutboundGuard;
  readonly dataDir: string;
  readonly fetch?: typeof fetch;
  /** Called after each page with the number of items opened so far. */
  readonly onProgress?: (opened: number) => void;
  readonly signal?: AbortSignal;
}

/** The backup could not be read: a tampered or foreign item. Nothing may be written when this is thrown. */
export const tamperedBackup = () =>
  new AppError('CORRUPT', 'The backup on the relay could not be verified, so nothing was restored.');

const rawX25519Private = (key: KeyObject): Uint8Array => {
  const d = key.export({ format: 'jwk' }).d;
  const raw = d ? fromB64u(d) : null;
  if (!raw || raw.length !== 32) throw new AppError('INTERNAL', 'The vault key could not be used.');
  return raw;
};

/** Opens one item; throws `tamperedBackup()` when it does not authenticate or its contents disagree. */
export async function openExchange(
  privateRaw: Uint8Array,
  publicRaw: Uint8Array,
  accountId: string,
  item: z.infer<typeof itemSchema>,
): Promise<RestoredExchange> {
  const enc = fromB64u(item.enc);
  const ct = fromB64u(item.ct);
  if (!enc || enc.length !== 32 || !ct) throw tamperedBackup();
  let text: string;
  try {
    const ctx = await suite.createRecipientContext({
      recipientKey: {
        privateKey: await suite.kem.deserializePrivateKey(Uint8Array.from(privateRaw).buffer),
        publicKey: await suite.kem.deserializePublicKey(Uint8Array.from(publicRaw).buffer),
      },
      enc: Uint8Array.from(enc).buffer,
      info: HISTORY_INFO,
    });
    const aad = lengthPrefixed([PROTOCOL, 'history', accountId, item.conversationId, item.id]);
    text = new TextDecoder('utf-8', { fatal: true }).decode(await ctx.open(Uint8Array.from(ct).buffer, aad));
  } catch {
    throw tamperedBackup();
  }
  let parsed;
  try {
    parsed = plaintextSchema.safeParse(JSON.parse(text));
  } catch {
    throw tamperedBackup();
  }
  // The sealed copy must name the same exchange as the listing: a relay cannot relabel items.
  if (!parsed.success || parsed.data.requestId !== item.id || parsed.data.conversationId !== item.conversationId) {
    throw tamperedBackup();
  }
  const { messages, reply, createdAt } = parsed.data;
  return { id: item.id, conversationId: item.conversationId, createdAt, messages, reply };
}

/** Lists and opens every exchange this vault's account stored on the relay, oldest first. */
export async function fetchRelayHistory(o: FetchHistoryOptions): Promise<RestoredExchange[]> {
  const url = normaliseRelayUrl(o.url);
  await o.guard.check(url, 'restore history (relay)');
  const doFetch = o.fetch ?? fetch;
  const call: RelayCall = async (method, pathname, body, token) =>
    doFetch(url + pathname, {
      method,
      signal: o.signal,
      redirect: 'error',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const book = new AccountBook(AccountBook.file(o.dataDir));
  const auth = new RelayAuth(url, o.keys.vaultId, book);
  const privateRaw = rawX25519Private(o.keys.x25519.privateKey);
  try {
    const token = await auth.currentToken(call, o.keys).catch(rethrowConnection);
    const accountId = await book.get(url, o.keys);
    if (!accountId) throw relayError('no account');
    const out: RestoredExchange[] = [];
    const seen = new Set<string>();
    let since = 0;
    for (;;) {
      const q = new URLSearchParams({ since: String(since), limit: String(PAGE) });
      const res = await call('GET', `/v1/history?${q}`, undefined, token).catch(rethrowConnection);
      const { items } = await readJson(res, listSchema);
      let fresh = 0;
      for (const item of items) {
        if (seen.has(item.id)) continue;
        if (item.createdAt < since) throw tamperedBackup(); // the listing must be oldest first
        seen.add(item.id);
        fresh++;
        out.push(await openExchange(privateRaw, o.keys.x25519.publicRaw, accountId, item));
        if (out.length > MAX_ITEMS) throw new AppError('TOO_LARGE', 'The backup is too large to restore here.');
      }
      o.onProgress?.(out.length);
      // Paging by `since` = last createdAt (inclusive) and skipping seen ids, as the protocol says.
      if (items.length < PAGE || fresh === 0) break;
      since = items[items.length - 1]!.createdAt;
    }
    return out;
  } finally {
    privateRaw.fill(0);
  }
}

function rethrowConnection(e: unknown): never {
  if (e instanceof AppError) throw e;
  throw relayError('connection failed');
}

// The Relay provider: chats through a DBT Coach relay (docs/relay-protocol.md). Every request is sealed
// with HPKE to a short-lived relay key and bound to the token, request id, key id and time; the reply comes
// back as sealed, counter-numbered frames. The relay host is the destination the user confirms before a
// conversation's first message leaves; the outbound guard is asked before any connection.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { OutboundGuard } from '../outbound-guard';
import type { ChatProvider, ChatRequest, Delta } from '../provider';
import { readChunks, RelayStreamError } from './chunk-reader';
import { AccountBook, keysSchema, readJson, relayError, RelayAuth, type RelayCall, type RelayKeys } from './relay-auth';
import { normaliseRelayUrl } from './relay-url';
import { sealRequest } from './seal';
import { b64u } from './wire';

export interface RelayProviderOptions {
  /** The relay URL from Settings, or null when none is set. */
  readonly url: () => string | null;
  /** The unlocked vault's keys, or null while it is locked. */
  readonly keys: () => RelayKeys | null;
  readonly guard: OutboundGuard;
  /** Where the account ids per relay are remembered (the llm data folder). */
  readonly dataDir: string;
  /** True when the person turned on the encrypted backup of history to the relay (Settings). */
  readonly backup?: () => boolean;
  readonly connectTimeoutMs?: number;
  readonly idleTimeoutMs?: number;
  readonly fetch?: typeof fetch;
}

const MODEL = 'relay';
const newId = (): string => b64u(randomBytes(16));

export class RelayProvider implements ChatProvider {
  readonly kind = 'relay' as const;
  private auth: RelayAuth | null = null;
  private readonly book: AccountBook;

  constructor(private readonly o: RelayProviderOptions) {
    this.book = new AccountBook(AccountBook.file(o.dataDir));
  }

  private baseUrl(): string | null {
    const raw = this.o.url();
    if (!raw) return null;
    try {
      return normaliseRelayUrl(raw);
    } catch {
      return null;
    }
  }

  destination(): { host: string; model: string } | null {
    const url = this.baseUrl();
    return url ? { host: new URL(url).host, model: MODEL } : null;
  }

  available(): boolean {
    return !!this.baseUrl() && !!this.o.keys();
  }

  /** One token cache per relay and vault: a different vault or address starts afresh. */
  private authFor(url: string, keys: RelayKeys): RelayAuth {
    if (!this.auth || this.auth.url !== url || this.auth.vaultId !== keys.vaultId) {
      this.auth = new RelayAuth(url, keys.vaultId, this.book);
    }
    return this.auth;
  }

  async *chat(request: ChatRequest, signal: AbortSignal): AsyncIterable<Delta> {
    const raw = this.o.url();
    if (!raw) throw new AppError('UNAVAILABLE', 'No relay is set up. Add its address in Settings.');
    const url = normaliseRelayUrl(raw);
    const keys = this.o.keys();
    if (!keys) throw new AppError('LOCKED', 'Unlock your vault to use the relay.');
    await this.o.guard.check(url, 'chat (relay provider)');
    request.onQueue?.(0);

    const local = new AbortController();
    const onAbort = () => local.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    let timer = setTimeout(() => local.abort(), this.o.connectTimeoutMs ?? 30_000);
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => local.abort(), this.o.idleTimeoutMs ?? 60_000);
    };
    const doFetch = this.o.fetch ?? fetch;
    const call: RelayCall = async (method, pathname, body, token) =>
      doFetch(url + pathname, {
        method,
        signal: local.signal,
        redirect: 'error', // a redirect could lead past the outbound guard
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const auth = this.authFor(url, keys);
    let tokens = 0;
    try {
      const { res, responseKeys } = await this.send(call, auth, keys, request);
      rearm();
      let reason: 'complete' | 'length' = 'complete';
      for await (const m of readChunks(res.body as unknown as AsyncIterable<Uint8Array>, responseKeys)) {
        rearm();
        if (m.t === 'delta') {
          if (m.text) {
            tokens++;
            yield { type: 'text', text: m.text };
          }
        } else if (m.t === 'error') {
          throw relayError(m.code === 'UPSTREAM_TIMEOUT' ? 'the model timed out' : 'the model failed');
        } else {
          if (m.finishReason === 'length') reason = 'length';
          if (m.usage) tokens = m.usage.completionTokens;
        }
      }
      yield { type: 'done', reason, tokens, model: MODEL };
    } catch (e) {
      if (signal.aborted) {
        yield { type: 'done', reason: 'stopped', tokens, model: MODEL };
        return;
      }
      if (e instanceof AppError) throw e;
      if (e instanceof RelayStreamError) {
        throw relayError(e.why === 'truncated' ? 'the reply ended early' : 'the reply did not authenticate');
      }
      if (local.signal.aborted) throw relayError('timed out');
      throw relayError('connection failed');
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      local.abort(); // frees the socket if we stopped reading early
    }
  }

  /**
   * Sends the sealed request. A 409 KEY_EXPIRED brings fresh keys and a 401 means the token was revoked or
   * expired: each is retried once with a new request id (the relay spends an id even on failure).
   */
  private async send(call: RelayCall, auth: RelayAuth, keys: RelayKeys, request: ChatRequest) {
    // Private ("don't save") conversations carry no conversation id and are never backed up.
    const backup =
      !!this.o.backup?.() && !!request.conversationId && /^[A-Za-z0-9_-]{8,64}$/.test(request.conversationId);
    const plaintext = {
      messages: [
        { role: 'system' as const, content: request.system },
        ...request.history.map((t) => ({ role: t.role, content: t.text })),
        { role: 'user' as const, content: request.message },
      ],
      ...(request.maxTokens ? { maxTokens: request.maxTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      stream: true,
      store: backup,
    };
    // Without backup: a fresh conversation id per request, so the relay cannot link one conversation's
    // messages together. With backup the stored conversation's random local id groups them, so a restore
    // on another device rebuilds the same conversation (the relay sees that grouping, nothing else).
    const conversationId = backup && request.conversationId ? request.conversationId : newId();
    let retriedKey = false;
    let retriedAuth = false;
    for (;;) {
      const token = await auth.currentToken(call, keys);
      const key = await auth.relayKey(call);
      const tokenId = createHash('sha256').update(token, 'utf8').digest('hex');
      const sealed = await sealRequest(
        key.publicKey,
        { tokenId, requestId: newId(), keyId: key.id, timestamp: Date.now(), conversationId },
        plaintext,
      );
      if (!sealed) throw relayError('malformed relay key');
      const res = await call('POST', '/v1/chat', sealed.body, token);
      if (res.status === 409 && !retriedKey) {
        const data: unknown = await res.json().catch(() => null);
        const fresh = keysSchema.safeParse(data);
        if (isCode(data, 'KEY_EXPIRED') && fresh.success) {
          auth.replaceKeys(fresh.data.keys);
          retriedKey = true;
          continue;
        }
        throw relayError('request refused');
      }
      if (res.status === 401 && !retriedAuth) {
        await res.body?.cancel();
        auth.dropToken();
        retriedAuth = true;
        continue;
      }
      if (!res.ok) await readJson(res, keysSchema); // throws the typed error for this status
      if (!res.body) throw relayError('empty response');
      return { res, responseKeys: sealed.responseKeys };
    }
  }
}

function isCode(data: unknown, code: string): boolean {
  if (!data || typeof data !== 'object' || !('error' in data)) return false;
  const err = (data as { error: unknown }).error;
  return !!err && typeof err === 'object' && 'code' in err && (err as { code: unknown }).code === code;
}

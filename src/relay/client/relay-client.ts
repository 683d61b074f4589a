// Reference client for the relay protocol (docs/relay-protocol.md): registration, challenge login with
// token refresh, sealing, streaming decryption and history restore. Imports only node:*, npm packages and
// this folder, so the desktop Relay provider can copy it as-is.
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign } from 'node:crypto';
import { readChunks } from './chunk-reader';
import {
  b64u,
  loginMessage,
  type ChunkMessage,
  type HistoryPlaintext,
  type RelayErrorCode,
  type RequestPlaintext,
} from './protocol';
import { openHistory, sealRequest, x25519PublicFromPrivate } from './seal';

export interface RelayIdentity {
  /** 32-byte Ed25519 private seed (login). */
  ed25519Seed: Uint8Array;
  /** 32-byte X25519 private key (history is sealed to its public half). */
  x25519Private: Uint8Array;
  accountId?: string;
}

export class RelayClientError extends Error {
  constructor(
    readonly code: RelayErrorCode | 'NETWORK' | 'PROTOCOL',
    readonly status: number,
  ) {
    super(`relay error ${code}`);
  }
}

interface PublishedKey {
  id: string;
  publicKey: string;
  expiresAt: number;
}

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export function newIdentity(): RelayIdentity {
  return { ed25519Seed: new Uint8Array(randomBytes(32)), x25519Private: new Uint8Array(randomBytes(32)) };
}

export const newId = (): string => b64u(randomBytes(16));

export class RelayClient {
  private token: { value: string; expiresAt: number } | null = null;
  private keys: PublishedKey[] = [];

  constructor(
    readonly baseUrl: string,
    readonly identity: RelayIdentity,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private ed25519Private() {
    return createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519, this.identity.ed25519Seed]),
      format: 'der',
      type: 'pkcs8',
    });
  }

  private async call(method: string, path: string, body?: unknown, token?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new RelayClientError('NETWORK', 0);
    }
    return res;
  }

  private async json<T>(res: Response): Promise<T> {
    const data = (await res.json().catch(() => null)) as { error?: { code: RelayErrorCode } } | null;
    if (!res.ok) throw new RelayClientError(data?.error?.code ?? 'PROTOCOL', res.status);
    return data as T;
  }

  async register(label: string): Promise<string> {
    const ed = createPublicKey(this.ed25519Private()).export({ format: 'der', type: 'spki' }).subarray(12);
    const res = await this.call('POST', '/v1/accounts', {
      ed25519PublicKey: b64u(ed),
      x25519PublicKey: b64u(x25519PublicFromPrivate(this.identity.x25519Private)),
      label,
    });
    const { accountId } = await this.json<{ accountId: string }>(res);
    this.identity.accountId = accountId;
    return accountId;
  }

  async login(): Promise<string> {
    const accountId = this.identity.accountId;
    if (!accountId) throw new RelayClientError('UNAUTHORIZED', 401);
    const ch = await this.json<{ challengeId: string; nonce: string }>(
      await this.call('POST', '/v1/auth/challenge', { accountId }),
    );
    const signature = sign(null, loginMessage(accountId, ch.challengeId, ch.nonce), this.ed25519Private());
    const t = await this.json<{ token: string; expiresAt: number }>(
      await this.call('POST', '/v1/auth/login', { accountId, challengeId: ch.challengeId, signature: b64u(signature) }),
    );
    this.token = { value: t.token, expiresAt: t.expiresAt };
    return t.token;
  }

  /** A valid token, logging in again a minute before expiry. */
  async currentToken(): Promise<string> {
    if (!this.token || this.token.expiresAt - Date.now() < 60_000) return this.login();
    return this.token.value;
  }

  async logout(): Promise<void> {
    if (!this.token) return;
    const res = await this.call('POST', '/v1/auth/logout', undefined, this.token.value);
    this.token = null;
    if (!res.ok) await this.json(res);
  }

  async revokeAll(): Promise<void> {
    const res = await this.call('POST', '/v1/auth/revoke-all', undefined, await this.currentToken());
    this.token = null;
    if (!res.ok) await this.json(res);
  }

  async relayKey(): Promise<PublishedKey> {
    const soon = Date.now() + 30_000;
    let k = this.keys.filter((x) => x.expiresAt > soon).at(-1);
    if (!k) {
      this.keys = (await this.json<{ keys: PublishedKey[] }>(await this.call('GET', '/v1/keys'))).keys;
      k = this.keys.at(-1);
    }
    if (!k) throw new RelayClientError('PROTOCOL', 200);
    return k;
  }

  /**
   * Sends one sealed chat request and yields the decrypted reply chunks. Retries once on an expired key
   * (fresh keys come in the 409 body) and once on 401 (token refresh), each time with a new request id.
   */
  async *chat(conversationId: string, request: RequestPlaintext, signal?: AbortSignal): AsyncGenerator<ChunkMessage> {
    let res: Response | null = null;
    let keys;
    for (let attempt = 0; attempt < 3; attempt++) {
      const token = await this.currentToken();
      const key = await this.relayKey();
      const tokenId = createHash('sha256').update(token, 'utf8').digest('hex');
      const sealed = await sealRequest(
        key.publicKey,
        { tokenId, requestId: newId(), keyId: key.id, timestamp: Date.now(), conversationId },
        request,
      );
      keys = sealed.responseKeys;
      try {
        res = await this.fetchImpl(`${this.baseUrl}/v1/chat`, {
          method: 'POST',
          // The key id header lets an ingress route the request to the instance holding the key.
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-relay-key-id': key.id },
          body: JSON.stringify(sealed.body),
          signal,
        });
      } catch {
        throw new RelayClientError('NETWORK', 0);
      }
      if (res.status === 409) {
        const data = (await res.json().catch(() => null)) as { error?: { code: string }; keys?: PublishedKey[] } | null;
        if (data?.error?.code === 'KEY_EXPIRED' && data.keys) {
          this.keys = data.keys;
          continue;
        }
        throw new RelayClientError((data?.error?.code as RelayErrorCode) ?? 'PROTOCOL', 409);
      }
      if (res.status === 401 && attempt === 0) {
        this.token = null;
        continue;
      }
      break;
    }
    if (!res || !keys) throw new RelayClientError('PROTOCOL', 0);
    if (!res.ok || !res.body) await this.json(res);
    yield* readChunks(res.body as unknown as AsyncIterable<Uint8Array>, keys);
  }

  /** Collects a whole reply; throws on an error chunk. */
  async complete(conversationId: string, request: RequestPlaintext): Promise<string> {
    let text = '';
    for await (const m of this.chat(conversationId, request)) {
      if (m.t === 'delta') text += m.text;
      if (m.t === 'error') throw new RelayClientError(m.code as RelayErrorCode, 200);
    }
    return text;
  }

  /** Lists and decrypts this account's stored exchanges (restore on a new device). */
  async history(
    q: { conversationId?: string; since?: number; until?: number; limit?: number } = {},
  ): Promise<HistoryPlaintext[]> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
    const res = await this.call('GET', `/v1/history?${params}`, undefined, await this.currentToken());
    const { items } = await this.json<{ items: { id: string; conversationId: string; enc: string; ct: string }[] }>(
      res,
    );
    const out: HistoryPlaintext[] = [];
    for (const item of items) {
      const h = await openHistory(this.identity.x25519Private, this.identity.accountId!, item);
      if (!h) throw new RelayClientError('PROTOCOL', 200);
      out.push(h);
    }
    return out;
  }
}

// Relay protocol v1 wire pieces (docs/relay-protocol.md), adapted from the reference client in
// src/relay/client/: the layer rule keeps src/main from importing src/relay, so the small parts the
// desktop needs are copied here. The protocol document and its test vectors are the contract.
import { createDecipheriv } from 'node:crypto';

export const PROTOCOL = 'dbtcr1';
export const LABELS = {
  requestInfo: 'dbt-coach relay v1 request',
  responseKey: 'dbt-coach relay v1 response key',
  responseNonce: 'dbt-coach relay v1 response nonce',
  login: 'dbt-coach relay v1 login',
} as const;

/** Largest sealed frame accepted; anything bigger is treated as corruption, not buffered. */
export const MAX_FRAME = 1 << 20;

const te = new TextEncoder();

export const b64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** Strict base64url: a value that does not re-encode to the same text is rejected. */
export function fromB64u(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? new Uint8Array(bytes) : null;
}

/** LP(f1, f2, …): each field as a 2-byte big-endian length and its UTF-8 bytes. */
export function lengthPrefixed(fields: readonly string[]): Uint8Array {
  const parts = fields.map((f) => te.encode(f));
  const out = new Uint8Array(parts.reduce((n, p) => n + 2 + p.length, 0));
  let at = 0;
  for (const p of parts) {
    if (p.length > 0xffff) throw new RangeError('field too long');
    out[at] = p.length >> 8;
    out[at + 1] = p.length & 0xff;
    out.set(p, at + 2);
    at += 2 + p.length;
  }
  return out;
}

export interface RequestBinding {
  readonly tokenId: string;
  readonly requestId: string;
  readonly keyId: string;
  readonly timestamp: number;
  readonly conversationId: string;
}

export const requestAad = (b: RequestBinding): Uint8Array =>
  lengthPrefixed([PROTOCOL, b.tokenId, b.requestId, b.keyId, String(b.timestamp), b.conversationId]);

export const loginMessage = (accountId: string, challengeId: string, nonce: string): Uint8Array =>
  lengthPrefixed([LABELS.login, accountId, challengeId, nonce]);

export interface ResponseKeys {
  readonly key: Uint8Array;
  readonly baseNonce: Uint8Array;
}

/** Nonce of reply frame `seq`: base nonce XOR the 96-bit big-endian counter. */
export function chunkNonce(baseNonce: Uint8Array, seq: number): Uint8Array {
  const nonce = Uint8Array.from(baseNonce);
  let s = seq;
  for (let i = 11; i >= 4 && s > 0; i--) {
    nonce[i] = (nonce[i] ?? 0) ^ (s & 0xff);
    s = Math.floor(s / 256);
  }
  return nonce;
}

/** The plaintext of frame `seq`, or null when it does not authenticate at that position. */
export function openChunk(keys: ResponseKeys, seq: number, final: boolean, sealed: Uint8Array): Uint8Array | null {
  if (sealed.length < 16) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', keys.key, chunkNonce(keys.baseNonce, seq));
    d.setAAD(Uint8Array.of(final ? 1 : 0));
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    return new Uint8Array(Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]));
  } catch {
    return null;
  }
}

export interface RequestPlaintext {
  readonly messages: readonly { role: 'system' | 'user' | 'assistant'; content: string }[];
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly stream: boolean;
  readonly store: boolean;
}

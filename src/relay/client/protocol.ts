// Wire definitions of the relay protocol v1 (docs/relay-protocol.md). This file is the single source of
// truth for labels, associated-data encoding and chunk framing: the server imports it, and the desktop
// provider can copy the whole src/relay/client folder because it depends only on node:* and npm packages.
import { createDecipheriv, createCipheriv } from 'node:crypto';

/** HPKE suite: DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM (RFC 9180 ids). */
export const SUITE = { kemId: 0x0020, kdfId: 0x0001, aeadId: 0x0002 } as const;

export const PROTOCOL = 'dbtcr1';
export const LABELS = {
  requestInfo: 'dbt-coach relay v1 request',
  responseKey: 'dbt-coach relay v1 response key',
  responseNonce: 'dbt-coach relay v1 response nonce',
  historyInfo: 'dbt-coach relay v1 history',
  login: 'dbt-coach relay v1 login',
} as const;

export const CHUNK_CONTENT_TYPE = 'application/vnd.dbt-coach.relay-chunks';
/** Largest sealed chunk the client accepts (a frame bigger than this is treated as corruption). */
export const MAX_FRAME = 1 << 20;
/** Requests whose timestamp is further than this from the relay clock are refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const enc = new TextEncoder();

export function b64u(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** Strict base64url decoding: anything that does not round-trip is rejected (no silent truncation). */
export function fromB64u(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? new Uint8Array(bytes) : null;
}

/** Length-prefixed concatenation: each field is a 2-byte big-endian length followed by its UTF-8 bytes. */
export function lengthPrefixed(fields: readonly string[]): Uint8Array {
  const parts = fields.map((f) => enc.encode(f));
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
  /** Hex SHA-256 of the bearer token (the relay stores only this). */
  tokenId: string;
  requestId: string;
  keyId: string;
  /** Client clock, milliseconds since the Unix epoch, as a decimal integer string in the AAD. */
  timestamp: number;
  conversationId: string;
}

/** Associated data of a sealed request: binds it to one token, request, relay key, time and conversation. */
export function requestAad(b: RequestBinding): Uint8Array {
  return lengthPrefixed([PROTOCOL, b.tokenId, b.requestId, b.keyId, String(b.timestamp), b.conversationId]);
}

/** Associated data of a history record sealed to the account's X25519 key. */
export function historyAad(accountId: string, conversationId: string, exchangeId: string): Uint8Array {
  return lengthPrefixed([PROTOCOL, 'history', accountId, conversationId, exchangeId]);
}

/** The message an account signs with Ed25519 to log in. */
export function loginMessage(accountId: string, challengeId: string, nonce: string): Uint8Array {
  return lengthPrefixed([LABELS.login, accountId, challengeId, nonce]);
}

/** Nonce of response chunk `seq`: base nonce XOR the 12-byte big-endian counter (as RFC 9180 §5.2). */
export function chunkNonce(baseNonce: Uint8Array, seq: number): Uint8Array {
  const nonce = Uint8Array.from(baseNonce);
  let s = seq;
  for (let i = 11; i >= 4 && s > 0; i--) {
    nonce[i] = (nonce[i] ?? 0) ^ (s & 0xff);
    s = Math.floor(s / 256);
  }
  return nonce;
}

/** Chunk AAD: one byte, 1 on the final chunk, so truncation after any chunk is detected. */
const FINAL = Uint8Array.of(1);
const MORE = Uint8Array.of(0);

export interface ResponseKeys {
  key: Uint8Array;
  baseNonce: Uint8Array;
}

export function sealChunk(keys: ResponseKeys, seq: number, final: boolean, plaintext: Uint8Array): Uint8Array {
  const c = createCipheriv('aes-256-gcm', keys.key, chunkNonce(keys.baseNonce, seq));
  c.setAAD(final ? FINAL : MORE);
  const body = Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
  const frame = new Uint8Array(5 + body.length);
  new DataView(frame.buffer).setUint32(0, body.length + 1);
  frame[4] = final ? 1 : 0;
  frame.set(body, 5);
  return frame;
}

/** Returns the plaintext, or null when the chunk does not authenticate at this position. */
export function openChunk(keys: ResponseKeys, seq: number, final: boolean, sealed: Uint8Array): Uint8Array | null {
  if (sealed.length < 16) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', keys.key, chunkNonce(keys.baseNonce, seq));
    d.setAAD(final ? FINAL : MORE);
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    return new Uint8Array(Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]));
  } catch {
    return null;
  }
}

/** Plaintext of a response chunk (JSON, UTF-8). */
export type ChunkMessage =
  | { t: 'delta'; text: string }
  | { t: 'done'; finishReason: string; usage?: { promptTokens: number; completionTokens: number } }
  | { t: 'error'; code: string; message: string };

/** Plaintext of a sealed request (JSON, UTF-8). */
export interface RequestPlaintext {
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  maxTokens?: number;
  temperature?: number;
  stream: boolean;
  /** When true the relay stores the exchange sealed to the account key (encrypted backup). */
  store: boolean;
}

/** Plaintext of a stored history record. */
export interface HistoryPlaintext {
  requestId: string;
  conversationId: string;
  createdAt: number;
  messages: RequestPlaintext['messages'];
  reply: string;
}

/** Error codes in relay error bodies: `{ "error": { "code": ..., "message": ... } }`. */
export const RELAY_ERROR_CODES = {
  UNAUTHORIZED: 401,
  INVALID_INPUT: 400,
  UNDECRYPTABLE: 400,
  CLOCK_SKEW: 400,
  NOT_FOUND: 404,
  KEY_EXPIRED: 409,
  REPLAY: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_ENCODING: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_ERROR: 502,
  UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
} as const;
export type RelayErrorCode = keyof typeof RELAY_ERROR_CODES;

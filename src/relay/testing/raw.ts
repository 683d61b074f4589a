// Raw HTTP helpers for tests that need to send what a well-behaved client never would.
import { createHash } from 'node:crypto';
import type { RelayClient } from '../client/relay-client';
import { newId } from '../client/relay-client';
import { sealRequest, type SealedRequest } from '../client/seal';
import type { RequestPlaintext } from '../client/protocol';

export interface RawResponse {
  status: number;
  text: string;
  headers: Headers;
}

export async function raw(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const res = await fetch(url, init);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

export const postJson = (url: string, body: unknown, token?: string): Promise<RawResponse> =>
  raw(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export const plain = (content: string, extra: Partial<RequestPlaintext> = {}): RequestPlaintext => ({
  messages: [{ role: 'user', content }],
  stream: false,
  store: true,
  ...extra,
});

/** Seals a request the way the reference client does, but hands back the body for tampering. */
export async function sealFor(
  client: RelayClient,
  token: string,
  conversationId: string,
  p: RequestPlaintext,
  over: { requestId?: string; timestamp?: number } = {},
): Promise<SealedRequest> {
  const key = await client.relayKey();
  const tokenId = createHash('sha256').update(token, 'utf8').digest('hex');
  return sealRequest(
    key.publicKey,
    {
      tokenId,
      requestId: over.requestId ?? newId(),
      keyId: key.id,
      timestamp: over.timestamp ?? Date.now(),
      conversationId,
    },
    p,
  );
}

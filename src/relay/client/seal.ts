// Client-side HPKE with @hpke/core (independent of the relay's node:crypto implementation, which makes
// the end-to-end tests interoperability tests as well).
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  b64u,
  fromB64u,
  historyAad,
  LABELS,
  requestAad,
  type HistoryPlaintext,
  type RequestBinding,
  type RequestPlaintext,
  type ResponseKeys,
} from './protocol';

export const suite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});
const te = new TextEncoder();

export interface SealedRequest {
  body: { keyId: string; requestId: string; conversationId: string; timestamp: number; enc: string; ct: string };
  responseKeys: ResponseKeys;
}

/** Seals a request to a relay public key and derives the keys that will open its reply. */
export async function sealRequest(
  relayPublicKey: string,
  binding: RequestBinding,
  plaintext: RequestPlaintext,
): Promise<SealedRequest> {
  const pk = fromB64u(relayPublicKey);
  if (!pk || pk.length !== 32) throw new Error('relay public key is malformed');
  const sender = await suite.createSenderContext({
    recipientPublicKey: await suite.kem.deserializePublicKey(pk),
    info: te.encode(LABELS.requestInfo),
  });
  const ct = await sender.seal(te.encode(JSON.stringify(plaintext)), requestAad(binding));
  const responseKeys = {
    key: new Uint8Array(await sender.export(te.encode(LABELS.responseKey), 32)),
    baseNonce: new Uint8Array(await sender.export(te.encode(LABELS.responseNonce), 12)),
  };
  return {
    body: {
      keyId: binding.keyId,
      requestId: binding.requestId,
      conversationId: binding.conversationId,
      timestamp: binding.timestamp,
      enc: b64u(new Uint8Array(sender.enc)),
      ct: b64u(new Uint8Array(ct)),
    },
    responseKeys,
  };
}

const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** Raw X25519 public key for a raw 32-byte private key. */
export function x25519PublicFromPrivate(sk: Uint8Array): Uint8Array {
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_X25519, sk]), format: 'der', type: 'pkcs8' });
  return new Uint8Array(createPublicKey(priv).export({ format: 'der', type: 'spki' }).subarray(12));
}

/** Opens a history record sealed to this account's X25519 key; null when it does not authenticate. */
export async function openHistory(
  x25519Private: Uint8Array,
  accountId: string,
  item: { id: string; conversationId: string; enc: string; ct: string },
): Promise<HistoryPlaintext | null> {
  const enc = fromB64u(item.enc);
  const ct = fromB64u(item.ct);
  if (!enc || !ct) return null;
  try {
    const sk = await suite.kem.deserializePrivateKey(x25519Private);
    const pk = await suite.kem.deserializePublicKey(x25519PublicFromPrivate(x25519Private));
    const r = await suite.createRecipientContext({
      recipientKey: { privateKey: sk, publicKey: pk },
      enc,
      info: te.encode(LABELS.historyInfo),
    });
    const pt = await r.open(ct, historyAad(accountId, item.conversationId, item.id));
    return JSON.parse(new TextDecoder().decode(pt)) as HistoryPlaintext;
  } catch {
    return null;
  }
}

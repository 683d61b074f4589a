// Seals a chat request to a relay key with HPKE (RFC 9180 base mode, X25519 / HKDF-SHA256 / AES-256-GCM)
// and derives the reply keys through the exporter (RFC 9180 §5.3), as docs/relay-protocol.md specifies.
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import {
  b64u,
  fromB64u,
  LABELS,
  requestAad,
  type RequestBinding,
  type RequestPlaintext,
  type ResponseKeys,
} from './wire';

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const te = new TextEncoder();

export interface SealedRequest {
  readonly body: {
    keyId: string;
    requestId: string;
    conversationId: string;
    timestamp: number;
    enc: string;
    ct: string;
  };
  readonly responseKeys: ResponseKeys;
}

export async function sealRequest(
  relayPublicKey: string,
  binding: RequestBinding,
  plaintext: RequestPlaintext,
): Promise<SealedRequest | null> {
  const pk = fromB64u(relayPublicKey);
  if (!pk || pk.length !== 32) return null;
  const sender = await suite.createSenderContext({
    recipientPublicKey: await suite.kem.deserializePublicKey(pk),
    info: te.encode(LABELS.requestInfo),
  });
  const ct = await sender.seal(te.encode(JSON.stringify(plaintext)), requestAad(binding));
  return {
    body: {
      keyId: binding.keyId,
      requestId: binding.requestId,
      conversationId: binding.conversationId,
      timestamp: binding.timestamp,
      enc: b64u(new Uint8Array(sender.enc)),
      ct: b64u(new Uint8Array(ct)),
    },
    responseKeys: {
      key: new Uint8Array(await sender.export(te.encode(LABELS.responseKey), 32)),
      baseNonce: new Uint8Array(await sender.export(te.encode(LABELS.responseNonce), 12)),
    },
  };
}

// Deterministic protocol test vectors for docs/relay-protocol.md, so an independent client can check its
// AAD encoding, sealing, exporter use and chunk framing byte for byte. protocol-vectors.spec.ts checks that
// the document holds exactly what this code produces, and that the @hpke/core client agrees.
import { createHash } from 'node:crypto';
import { LABELS, loginMessage, requestAad, sealChunk, historyAad, type RequestBinding } from './client/protocol';
import { deriveX25519, setupBaseS } from './keys/hpke-native';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export function protocolVectors() {
  const relayKey = deriveX25519(Buffer.alloc(32, 0x11));
  const ephemeral = deriveX25519(Buffer.alloc(32, 0x22));
  const token = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
  const binding: RequestBinding = {
    tokenId: createHash('sha256').update(token, 'utf8').digest('hex'),
    requestId: 'req-0000000000000001',
    keyId: 'inst.key-0001',
    timestamp: 1767225600000,
    conversationId: 'conv-000000000001',
  };
  const plaintext = JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }], stream: false, store: true });
  const aad = requestAad(binding);
  const { enc, ctx } = setupBaseS(relayKey.publicKey, Buffer.from(LABELS.requestInfo), 2, ephemeral);
  const ct = ctx.seal(Buffer.from(plaintext, 'utf8'), aad);
  const keys = {
    key: ctx.export(Buffer.from(LABELS.responseKey), 32),
    baseNonce: ctx.export(Buffer.from(LABELS.responseNonce), 12),
  };
  const chunk0 = sealChunk(keys, 0, false, Buffer.from(JSON.stringify({ t: 'delta', text: 'Hi' })));
  const chunk1 = sealChunk(keys, 1, true, Buffer.from(JSON.stringify({ t: 'done', finishReason: 'stop' })));
  return {
    relayPrivateKey: hex(relayKey.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16)),
    relayPublicKey: hex(relayKey.publicKey),
    ephemeralPrivateKey: hex(ephemeral.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16)),
    token,
    binding,
    info: LABELS.requestInfo,
    plaintext,
    aad: hex(aad),
    enc: hex(enc),
    ciphertext: hex(ct),
    responseKey: hex(keys.key),
    responseBaseNonce: hex(keys.baseNonce),
    chunk0Frame: hex(chunk0),
    chunk1FinalFrame: hex(chunk1),
    loginMessage: hex(
      loginMessage('acct-000000000001', 'chal-000000000001', 'bm9uY2Utbm9uY2Utbm9uY2Utbm9uY2Utbm9uY2U'),
    ),
    historyAad: hex(historyAad('acct-000000000001', binding.conversationId, binding.requestId)),
  };
}

export type ProtocolVectors = ReturnType<typeof protocolVectors>;

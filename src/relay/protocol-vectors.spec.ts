import { readFileSync } from 'node:fs';
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { describe, expect, it } from 'vitest';
import { protocolVectors } from './protocol-vectors';
import { readChunks } from './client/chunk-reader';
import { LABELS } from './client/protocol';

const DOC = 'docs/relay-protocol.md';
const hex = (s: string) => Buffer.from(s, 'hex');

function documented(): unknown {
  const text = readFileSync(DOC, 'utf8');
  const m = /<!-- vectors:begin -->\s*```json\n([\s\S]*?)```\s*<!-- vectors:end -->/.exec(text);
  if (!m?.[1]) throw new Error(`${DOC} has no vectors block`);
  return JSON.parse(m[1]);
}

describe('protocol test vectors', () => {
  const v = protocolVectors();

  it('are exactly the ones published in docs/relay-protocol.md', () => {
    expect(documented()).toEqual(JSON.parse(JSON.stringify(v)));
  });

  it('open with the independent @hpke/core implementation, and the chunks decrypt in order', async () => {
    const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
    const recipientKey = {
      privateKey: await suite.kem.deserializePrivateKey(hex(v.relayPrivateKey)),
      publicKey: await suite.kem.deserializePublicKey(hex(v.relayPublicKey)),
    };
    const r = await suite.createRecipientContext({ recipientKey, enc: hex(v.enc), info: Buffer.from(v.info) });
    const pt = await r.open(hex(v.ciphertext), hex(v.aad));
    expect(Buffer.from(pt).toString('utf8')).toBe(v.plaintext);
    const keys = {
      key: new Uint8Array(await r.export(Buffer.from(LABELS.responseKey), 32)),
      baseNonce: new Uint8Array(await r.export(Buffer.from(LABELS.responseNonce), 12)),
    };
    expect(Buffer.from(keys.key).toString('hex')).toBe(v.responseKey);
    const frames = [hex(v.chunk0Frame), hex(v.chunk1FinalFrame)];
    const msgs = [];
    for await (const m of readChunks(
      (async function* () {
        yield* frames.map((f) => new Uint8Array(f));
      })(),
      keys,
    ))
      msgs.push(m);
    expect(msgs).toEqual([
      { t: 'delta', text: 'Hi' },
      { t: 'done', finishReason: 'stop' },
    ]);
    // Swapped, dropped or truncated chunks are refused.
    const swapped = readChunks(
      (async function* () {
        yield new Uint8Array(frames[1]!);
      })(),
      keys,
    );
    await expect(swapped.next()).rejects.toThrow(/authenticated/);
    const truncated = readChunks(
      (async function* () {
        yield new Uint8Array(frames[0]!);
      })(),
      keys,
    );
    await truncated.next();
    await expect(truncated.next()).rejects.toThrow(/ended early/);
  });
});

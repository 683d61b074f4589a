import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { describe, expect, it } from 'vitest';
import { deriveX25519, setupBaseR, setupBaseS } from './hpke-native';

const hex = (s: string): Buffer => Buffer.from(s, 'hex');
// RFC 9180 Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode. The RFC has
// no X25519/AES-256-GCM vector; A.1 exercises the same KEM, KDF, key schedule, nonce and exporter code
// paths as our suite, and the AES-256 path is checked by interop with @hpke/core below.
const A1 = {
  info: hex('4f6465206f6e2061204772656369616e2055726e'),
  ikmE: hex('7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234'),
  ikmR: hex('6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037'),
  pkEm: '37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431',
  pkRm: '3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d',
  pt: hex('4265617574792069732074727574682c20747275746820626561757479'),
  cts: [
    ['436f756e742d30', 'f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a'],
    ['436f756e742d31', 'af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab251c03d0c22a56b8ca42c2063b84'],
    ['436f756e742d32', '498dfcabd92e8acedc281e85af1cb4e3e31c7dc394a1ca20e173cb72516491588d96a19ad4a683518973dcc180'],
  ],
  export0: '3853fe2b4035195a573ffc53856e77058e15d9ea064de3e59f4961d0095250ee',
};

describe('native HPKE', () => {
  it('matches RFC 9180 A.1.1 (keys, enc, sequence of ciphertexts, exporter)', () => {
    const e = deriveX25519(A1.ikmE);
    const r = deriveX25519(A1.ikmR);
    expect(e.publicKey.toString('hex')).toBe(A1.pkEm);
    expect(r.publicKey.toString('hex')).toBe(A1.pkRm);
    const { enc, ctx } = setupBaseS(r.publicKey, A1.info, 1, e);
    expect(enc.toString('hex')).toBe(A1.pkEm);
    const rctx = setupBaseR(enc, r, A1.info, 1);
    for (const [aad, ct] of A1.cts as [string, string][]) {
      expect(ctx.seal(A1.pt, hex(aad)).toString('hex')).toBe(ct);
      expect(rctx.open(hex(ct), hex(aad)).equals(A1.pt)).toBe(true);
    }
    expect(rctx.export(Buffer.alloc(0), 32).toString('hex')).toBe(A1.export0);
  });

  it('interoperates with @hpke/core for X25519/HKDF-SHA256/AES-256-GCM both ways', async () => {
    const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
    const r = deriveX25519(Buffer.alloc(32, 7));
    const pkR = await suite.kem.deserializePublicKey(r.publicKey);
    const sender = await suite.createSenderContext({ recipientPublicKey: pkR, info: A1.info });
    const ct = await sender.seal(A1.pt, hex('01'));
    const rctx = setupBaseR(new Uint8Array(sender.enc), r, A1.info);
    expect(rctx.open(new Uint8Array(ct), hex('01')).equals(A1.pt)).toBe(true);
    const ours = rctx.export(Buffer.from('x'), 32);
    expect(Buffer.from(await sender.export(Buffer.from('x'), 32)).equals(ours)).toBe(true);

    const kp = await suite.kem.deriveKeyPair(Buffer.alloc(32, 9));
    const pk = new Uint8Array(await suite.kem.serializePublicKey(kp.publicKey));
    const s = setupBaseS(pk, A1.info);
    const ct2 = s.ctx.seal(A1.pt, hex('02'));
    const recipient = await suite.createRecipientContext({ recipientKey: kp, enc: s.enc, info: A1.info });
    expect(Buffer.from(await recipient.open(ct2, hex('02'))).equals(A1.pt)).toBe(true);
  });

  it('rejects a flipped bit in the ciphertext or AAD', () => {
    const r = deriveX25519(Buffer.alloc(32, 1));
    const { enc, ctx } = setupBaseS(r.publicKey, A1.info);
    const ct = ctx.seal(A1.pt, hex('aa'));
    const bad = Buffer.from(ct);
    bad[3] = (bad[3] ?? 0) ^ 1;
    expect(() => setupBaseR(enc, r, A1.info).open(bad, hex('aa'))).toThrow();
    expect(() => setupBaseR(enc, r, A1.info).open(ct, hex('ab'))).toThrow();
  });
});

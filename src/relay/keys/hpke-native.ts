// RFC 9180 base mode for DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-GCM, on node:crypto.
// Why not @hpke/core on the server: its WebCrypto calls are async and cost ~1.5 ms of CPU per
// request, which alone would break the relay's latency budget. This synchronous version is checked
// against RFC 9180 Appendix A vectors and interoperates with @hpke/core (the reference client uses it).
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const HPKE_V1 = Buffer.from('HPKE-v1');
const i2osp = (n: number, w: number): Buffer => {
  const b = Buffer.alloc(w);
  b.writeUIntBE(n, 0, w);
  return b;
};
const KEM_ID = 0x0020;
const KEM_SUITE = Buffer.concat([Buffer.from('KEM'), i2osp(KEM_ID, 2)]);

export type AeadId = 0x0001 | 0x0002;
const NK: Record<AeadId, number> = { 1: 16, 2: 32 };

export class HpkeOpenError extends Error {}

const extract = (salt: Uint8Array, ikm: Uint8Array): Buffer => createHmac('sha256', salt).update(ikm).digest();
function expand(prk: Uint8Array, info: Uint8Array, len: number): Buffer {
  const out: Buffer[] = [];
  let prev: Buffer = Buffer.alloc(0);
  for (let i = 1; out.length * 32 < len; i++) {
    prev = createHmac('sha256', prk).update(prev).update(info).update(Uint8Array.of(i)).digest();
    out.push(prev);
  }
  return Buffer.concat(out).subarray(0, len);
}
const labeledExtract = (suite: Buffer, salt: Uint8Array, label: string, ikm: Uint8Array): Buffer =>
  extract(salt, Buffer.concat([HPKE_V1, suite, Buffer.from(label), ikm]));
const labeledExpand = (suite: Buffer, prk: Uint8Array, label: string, info: Uint8Array, len: number): Buffer =>
  expand(prk, Buffer.concat([i2osp(len, 2), HPKE_V1, suite, Buffer.from(label), info]), len);

export function x25519PrivateKey(sk: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519, sk]), format: 'der', type: 'pkcs8' });
}
// Raw keys go in and out as JWK, not DER: with OpenSSL 3 a DER import runs the generic decoder chain
// (~120 µs, 8x the JWK import) and a DER export ~220 µs (100x the JWK export) — together more than the
// X25519 and AES work of a whole request.
export function x25519PublicKey(pk: Uint8Array): KeyObject {
  if (pk.length !== 32) throw new HpkeOpenError('bad public key');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(pk).toString('base64url') },
    format: 'jwk',
  });
}
export function rawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const raw = Buffer.from(pub.export({ format: 'jwk' }).x ?? '', 'base64url');
  if (raw.length !== 32) throw new HpkeOpenError('bad public key');
  return raw;
}

export interface X25519KeyPair {
  privateKey: KeyObject;
  publicKey: Buffer;
}
export function generateX25519(): X25519KeyPair {
  const { privateKey } = generateKeyPairSync('x25519');
  return { privateKey, publicKey: rawPublicKey(privateKey) };
}
/** RFC 9180 §7.1.3 DeriveKeyPair for X25519 (used by the test vectors). */
export function deriveX25519(ikm: Uint8Array): X25519KeyPair {
  const prk = labeledExtract(KEM_SUITE, Buffer.alloc(0), 'dkp_prk', ikm);
  const privateKey = x25519PrivateKey(labeledExpand(KEM_SUITE, prk, 'sk', Buffer.alloc(0), 32));
  return { privateKey, publicKey: rawPublicKey(privateKey) };
}

function sharedSecret(dh: Buffer, enc: Uint8Array, pkR: Uint8Array): Buffer {
  const prk = labeledExtract(KEM_SUITE, Buffer.alloc(0), 'eae_prk', dh);
  return labeledExpand(KEM_SUITE, prk, 'shared_secret', Buffer.concat([enc, pkR]), 32);
}

/** An HPKE context after setup: sequence-numbered AEAD and the secret exporter (RFC 9180 §5.2, §5.3). */
export class HpkeContext {
  private seq = 0;
  constructor(
    private readonly aeadId: AeadId,
    private readonly key: Buffer,
    private readonly baseNonce: Buffer,
    private readonly exporterSecret: Buffer,
    private readonly suite: Buffer,
  ) {}

  private nonce(): Buffer {
    const n = Buffer.from(this.baseNonce);
    const s = i2osp(this.seq++, 6);
    for (let i = 0; i < 6; i++) n[6 + i] = (n[6 + i] ?? 0) ^ (s[i] ?? 0);
    return n;
  }
  private alg(): 'aes-128-gcm' | 'aes-256-gcm' {
    return this.aeadId === 1 ? 'aes-128-gcm' : 'aes-256-gcm';
  }
  seal(pt: Uint8Array, aad: Uint8Array): Buffer {
    const c = createCipheriv(this.alg(), this.key, this.nonce());
    c.setAAD(aad);
    return Buffer.concat([c.update(pt), c.final(), c.getAuthTag()]);
  }
  open(ct: Uint8Array, aad: Uint8Array): Buffer {
    if (ct.length < 16) throw new HpkeOpenError('short');
    try {
      const d = createDecipheriv(this.alg(), this.key, this.nonce());
      d.setAAD(aad);
      d.setAuthTag(ct.subarray(ct.length - 16));
      return Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]);
    } catch {
      throw new HpkeOpenError('open failed');
    }
  }
  export(context: Uint8Array, len: number): Buffer {
    return labeledExpand(this.suite, this.exporterSecret, 'sec', context, len);
  }
  /** Best effort: zero the secrets once the context is no longer needed. */
  destroy(): void {
    this.key.fill(0);
    this.baseNonce.fill(0);
    this.exporterSecret.fill(0);
  }
}

// The key-schedule context depends only on the suite and `info` (base mode has no PSK): computed once per
// (aead, info) pair instead of two HMACs per request. Bounded because callers pass a few constant infos.
const scheduleContexts = new Map<string, { suite: Buffer; ctx: Buffer }>();
function scheduleContext(aeadId: AeadId, info: Uint8Array): { suite: Buffer; ctx: Buffer } {
  const k = `${aeadId}:${Buffer.from(info).toString('hex')}`;
  let hit = scheduleContexts.get(k);
  if (!hit) {
    const suite = Buffer.concat([Buffer.from('HPKE'), i2osp(KEM_ID, 2), i2osp(1, 2), i2osp(aeadId, 2)]);
    const empty = Buffer.alloc(0);
    const pskIdHash = labeledExtract(suite, empty, 'psk_id_hash', empty);
    const infoHash = labeledExtract(suite, empty, 'info_hash', info);
    hit = { suite, ctx: Buffer.concat([Uint8Array.of(0), pskIdHash, infoHash]) };
    if (scheduleContexts.size > 64) scheduleContexts.clear();
    scheduleContexts.set(k, hit);
  }
  return hit;
}

function keySchedule(aeadId: AeadId, shared: Buffer, info: Uint8Array): HpkeContext {
  const { suite, ctx } = scheduleContext(aeadId, info);
  const empty = Buffer.alloc(0);
  const secret = labeledExtract(suite, shared, 'secret', empty);
  shared.fill(0);
  return new HpkeContext(
    aeadId,
    labeledExpand(suite, secret, 'key', ctx, NK[aeadId]),
    labeledExpand(suite, secret, 'base_nonce', ctx, 12),
    labeledExpand(suite, secret, 'exp', ctx, 32),
    suite,
  );
}

/** SetupBaseR: the relay's side of a request. Throws HpkeOpenError on a malformed encapsulated key. */
export function setupBaseR(
  enc: Uint8Array,
  recipient: X25519KeyPair,
  info: Uint8Array,
  aeadId: AeadId = 2,
): HpkeContext {
  let dh: Buffer;
  try {
    dh = diffieHellman({ privateKey: recipient.privateKey, publicKey: x25519PublicKey(enc) });
  } catch {
    throw new HpkeOpenError('decap failed');
  }
  return keySchedule(aeadId, sharedSecret(dh, enc, recipient.publicKey), info);
}

/** SetupBaseS; `ephemeral` is only passed by the test vectors. */
export function setupBaseS(
  pkR: Uint8Array,
  info: Uint8Array,
  aeadId: AeadId = 2,
  ephemeral: X25519KeyPair = generateX25519(),
): { enc: Buffer; ctx: HpkeContext } {
  const dh = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519PublicKey(pkR) });
  const enc = ephemeral.publicKey;
  return { enc, ctx: keySchedule(aeadId, sharedSecret(dh, enc, pkR), info) };
}

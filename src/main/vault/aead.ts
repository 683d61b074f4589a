import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/** AES-256-GCM with a random 96-bit nonce. Layout: nonce(12) ‖ ciphertext ‖ tag(16). */
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

export function seal(key: Buffer, plaintext: Buffer, ad: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(ad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Returns the plaintext in a fresh (non-pooled) buffer the caller zeroes, or null when authentication fails. */
export function open(key: Buffer, sealed: Buffer, ad: Buffer): Buffer | null {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) return null;
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(ad);
  decipher.setAuthTag(tag);
  const out = Buffer.alloc(sealed.length - NONCE_BYTES - TAG_BYTES);
  try {
    const a = decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES));
    const b = decipher.final();
    a.copy(out, 0);
    b.copy(out, a.length);
    a.fill(0);
    return out;
  } catch {
    out.fill(0);
    return null;
  }
}

export function hkdf(ikm: Buffer, salt: Buffer, info: string, length = 32): Buffer {
  const derived = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(info, 'utf8'), length));
  return derived;
}

// --- raw 32-byte OKP keys (Ed25519 / X25519) <-> node:crypto KeyObjects -------------------------------

type Curve = 'Ed25519' | 'X25519';

export interface RawKeyPair {
  /** 32-byte private scalar/seed; the caller zeroes it. */
  privateRaw: Buffer;
  publicRaw: Buffer;
}

function b64u(buf: Buffer): string {
  return buf.toString('base64url');
}

export function generateRawKeyPair(curve: Curve): RawKeyPair {
  const { privateKey } = curve === 'Ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  return exportRaw(privateKey);
}

export function exportRaw(privateKey: KeyObject): RawKeyPair {
  const jwk = privateKey.export({ format: 'jwk' });
  if (typeof jwk.d !== 'string' || typeof jwk.x !== 'string') throw new Error('not an OKP key');
  const privateRaw = Buffer.alloc(32);
  Buffer.from(jwk.d, 'base64url').copy(privateRaw);
  return { privateRaw, publicRaw: Buffer.from(jwk.x, 'base64url') };
}

// PKCS#8 DER prefixes for a raw 32-byte OKP private key (RFC 8410): the key follows the prefix.
const PKCS8_PREFIX: Record<Curve, Buffer> = {
  Ed25519: Buffer.from('302e020100300506032b657004220420', 'hex'),
  X25519: Buffer.from('302e020100300506032b656e04220420', 'hex'),
};

/** Builds the private KeyObject from the raw key alone; the public half is derived, never trusted from a file. */
export function privateKeyFromRaw(curve: Curve, privateRaw: Buffer): KeyObject {
  const der = Buffer.concat([PKCS8_PREFIX[curve], privateRaw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

export function publicRawOf(privateKey: KeyObject): Buffer {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an OKP key');
  return Buffer.from(jwk.x, 'base64url');
}

export function publicKeyFromRaw(curve: Curve, publicRaw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: curve, x: b64u(publicRaw) }, format: 'jwk' });
}

// --- ECIES to an X25519 public key: ephemeral X25519 + HKDF-SHA256 + AES-256-GCM ------------------------

const ECIES_INFO = 'dbt-coach/ecies/v1';

/** Layout: ephemeralPublic(32) ‖ nonce(12) ‖ ciphertext ‖ tag(16). Anyone may seal; only the private key opens. */
export function sealTo(recipientPublicRaw: Buffer, plaintext: Buffer, ad: Buffer): Buffer {
  const recipient = publicKeyFromRaw('X25519', recipientPublicRaw);
  const { privateKey } = generateKeyPairSync('x25519');
  const ephPub = exportRaw(privateKey);
  ephPub.privateRaw.fill(0);
  const shared = diffieHellman({ privateKey, publicKey: recipient });
  const key = hkdf(shared, Buffer.concat([ephPub.publicRaw, recipientPublicRaw]), ECIES_INFO);
  shared.fill(0);
  const sealed = seal(key, plaintext, ad);
  key.fill(0);
  return Buffer.concat([ephPub.publicRaw, sealed]);
}

export function openFrom(
  recipientPrivate: KeyObject,
  recipientPublicRaw: Buffer,
  box: Buffer,
  ad: Buffer,
): Buffer | null {
  if (box.length < 32 + NONCE_BYTES + TAG_BYTES) return null;
  const ephPubRaw = box.subarray(0, 32);
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: recipientPrivate, publicKey: publicKeyFromRaw('X25519', ephPubRaw) });
  } catch {
    return null;
  }
  const key = hkdf(shared, Buffer.concat([ephPubRaw, recipientPublicRaw]), ECIES_INFO);
  shared.fill(0);
  const out = open(key, box.subarray(32), ad);
  key.fill(0);
  return out;
}

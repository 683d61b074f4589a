import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AppError } from './errors';

/**
 * A signed offline model bundle (docs/clinic-guide.md): a folder holding GGUF files, `manifest.json`
 * and `manifest.sig`. The signature is Ed25519 over the manifest's canonical bytes (keys sorted, no
 * whitespace, UTF-8), so a pretty-printed manifest.json stays readable without weakening the check.
 */
export const BUNDLE_FORMAT = 'dbt-coach-model-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const MAX_MANIFEST_BYTES = 256 * 1024;

/** Plain file names only: no folders, no leading dot, so a manifest can never point outside its bundle. */
export const bundleFileNameSchema = z
  .string()
  .min(6)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.gguf$/);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const publicKeyB64 = z
  .string()
  .max(64)
  .refine((s) => rawPublicKey(s) !== null, 'not a 32-byte Ed25519 public key');

export const bundleManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  created: z.string().max(40),
  /** The signer's raw Ed25519 public key (base64). Trust comes from the policy or the user, never from this field. */
  publicKey: publicKeyB64,
  files: z
    .array(
      z.strictObject({
        name: bundleFileNameSchema,
        size: z.number().int().positive(),
        sha256: sha256Hex,
        license: z.string().max(200).nullable(),
        recommendedContext: z.number().int().positive().max(1_048_576).optional(),
      }),
    )
    .min(1)
    .max(32)
    .refine((files) => new Set(files.map((f) => f.name.toLowerCase())).size === files.length, 'duplicate file'),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** Deterministic JSON: object keys sorted, no whitespace. The only bytes that are ever signed. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const canonicalManifestBytes = (m: BundleManifest): Buffer => Buffer.from(canonicalJson(m), 'utf8');

// Ed25519 SubjectPublicKeyInfo is this fixed 12-byte prefix followed by the 32 raw key bytes.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The 32 raw bytes of a base64 Ed25519 public key, or null when it is not one. */
export function rawPublicKey(b64: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(b64.trim())) return null;
  const raw = Buffer.from(b64.trim(), 'base64');
  return raw.length === 32 ? raw : null;
}

export function publicKeyObject(b64: string): KeyObject {
  const raw = rawPublicKey(b64);
  if (!raw) throw new AppError('INVALID_INPUT', 'That is not an Ed25519 public key.');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function publicKeyB64Of(key: KeyObject): string {
  const pub = key.type === 'public' ? key : createPublicKey(key);
  const der = pub.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('base64');
}

/**
 * What people compare by eye: SHA-256 of the raw public key, first 16 bytes, hex in groups of four.
 * The policy's Managed panel, the CLI and the import confirmation all show this same string.
 */
export function keyFingerprint(b64: string): string {
  const raw = rawPublicKey(b64);
  if (!raw) return 'invalid key';
  const hex = createHash('sha256').update(raw).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** Loads a clinic private key: PKCS#8 PEM (what `keys generate-clinic` writes). */
export function privateKeyFromPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new AppError('INVALID_INPUT', 'The signing key file is not a PEM private key.');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('INVALID_INPUT', 'The signing key is not Ed25519.');
  return key;
}

export const signManifest = (m: BundleManifest, key: KeyObject): string =>
  sign(null, canonicalManifestBytes(m), key).toString('base64');

export function verifyManifest(m: BundleManifest, signatureB64: string): boolean {
  const sig = Buffer.from(signatureB64.trim(), 'base64');
  if (sig.length !== 64) return false;
  try {
    return verify(null, canonicalManifestBytes(m), publicKeyObject(m.publicKey), sig);
  } catch {
    return false;
  }
}

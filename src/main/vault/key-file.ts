import { createHash } from 'node:crypto';
import { z } from 'zod';
import { open, seal } from './aead';
import { MESSAGES, VaultError } from './errors';
import { KDF_MAX, type KdfParams } from './kdf';

/**
 * The key file (docs/key-file.md):
 *
 *   magic "DBTCKEY\n" ‖ version u16 BE ‖ header length u32 BE ‖ header (UTF-8 JSON)
 *   ‖ passphrase slot (60) ‖ recovery slot (60) ‖ payload (124) ‖ SHA-256 of all preceding bytes (32)
 *
 * Each slot is AES-256-GCM(KEK, VMK) for a random 32-byte vault master key (VMK). The payload is
 * AES-256-GCM(VMK, dataKey ‖ ed25519 seed ‖ x25519 private) with *every byte before it* as associated data,
 * so one tag authenticates the whole file: header, KDF parameters, public keys and both slots.
 * The trailing SHA-256 is not a security feature: it tells accidental damage (CORRUPT) apart from a
 * wrong passphrase without deriving anything.
 */
export const KEY_FILE_MAGIC = Buffer.from('DBTCKEY\n', 'latin1');
export const KEY_FILE_VERSION = 1;
export const KEY_FILE_MAX_BYTES = 64 * 1024;
const HEADER_MAX_BYTES = 16 * 1024;
const PREFIX_BYTES = KEY_FILE_MAGIC.length + 2 + 4;
export const VMK_BYTES = 32;
const SLOT_BYTES = 12 + VMK_BYTES + 16;
export const PAYLOAD_PLAIN_BYTES = 96;
const PAYLOAD_BYTES = 12 + PAYLOAD_PLAIN_BYTES + 16;
const CHECKSUM_BYTES = 32;

const b64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const kdfSchema = z.strictObject({
  alg: z.literal('argon2id'),
  v: z.literal(19),
  m: z.number().int().positive().max(KDF_MAX.m),
  t: z.number().int().positive().max(KDF_MAX.t),
  p: z.number().int().positive().max(KDF_MAX.p),
  salt: b64(64),
  /** How long one derivation took when these parameters were chosen; drives the progress estimate. */
  calibratedMs: z.number().int().nonnegative().max(600_000),
});
export const keyFileHeaderSchema = z.strictObject({
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  label: z.string().min(1).max(200),
  createdAt: z.string().max(40),
  /** Increases on every rewrap; import refuses an older revision of a vault that is already here. */
  revision: z.number().int().nonnegative(),
  aead: z.literal('aes-256-gcm'),
  kdf: kdfSchema,
  recovery: z.strictObject({ alg: z.literal('hkdf-sha256'), salt: b64(64) }),
  publicKeys: z.strictObject({ ed25519: b64(64), x25519: b64(64) }),
});
export type KeyFileHeader = z.infer<typeof keyFileHeaderSchema>;

export interface ParsedKeyFile {
  readonly header: KeyFileHeader;
  readonly passphraseSlot: Buffer;
  readonly recoverySlot: Buffer;
  readonly payload: Buffer;
  /** Every byte before the payload: the payload's associated data. */
  readonly payloadAd: Buffer;
}

export const kdfParamsOf = (h: KeyFileHeader): KdfParams => ({
  alg: h.kdf.alg,
  v: h.kdf.v,
  m: h.kdf.m,
  t: h.kdf.t,
  p: h.kdf.p,
});

const corrupt = () => new VaultError('CORRUPT', MESSAGES.corrupt);

/** Structural parse only: no key is derived. Throws CORRUPT or VERSION_UNSUPPORTED. */
export function parseKeyFile(file: Buffer): ParsedKeyFile {
  if (file.length < PREFIX_BYTES + 2 + SLOT_BYTES * 2 + PAYLOAD_BYTES + CHECKSUM_BYTES) throw corrupt();
  if (file.length > KEY_FILE_MAX_BYTES) throw corrupt();
  if (!file.subarray(0, KEY_FILE_MAGIC.length).equals(KEY_FILE_MAGIC)) throw corrupt();
  const body = file.subarray(0, file.length - CHECKSUM_BYTES);
  const sum = createHash('sha256').update(body).digest();
  if (!sum.equals(file.subarray(file.length - CHECKSUM_BYTES))) throw corrupt();
  const version = file.readUInt16BE(KEY_FILE_MAGIC.length);
  if (version !== KEY_FILE_VERSION) {
    throw new VaultError('VERSION_UNSUPPORTED', 'This key file was written by a different version of DBT Coach.');
  }
  const headerLen = file.readUInt32BE(KEY_FILE_MAGIC.length + 2);
  const expected = PREFIX_BYTES + headerLen + SLOT_BYTES * 2 + PAYLOAD_BYTES + CHECKSUM_BYTES;
  if (headerLen > HEADER_MAX_BYTES || file.length !== expected) throw corrupt();
  let header: KeyFileHeader;
  try {
    const json: unknown = JSON.parse(file.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLen).toString('utf8'));
    header = keyFileHeaderSchema.parse(json);
  } catch {
    throw corrupt();
  }
  let at = PREFIX_BYTES + headerLen;
  const take = (n: number) => file.subarray(at, (at += n));
  const passphraseSlot = take(SLOT_BYTES);
  const recoverySlot = take(SLOT_BYTES);
  const payloadAd = file.subarray(0, at);
  const payload = take(PAYLOAD_BYTES);
  return { header, passphraseSlot, recoverySlot, payload, payloadAd };
}

/** Builds a complete key file. `payloadPlain` is dataKey ‖ ed25519 seed ‖ x25519 private (96 bytes). */
export function buildKeyFile(
  header: KeyFileHeader,
  passphraseSlot: Buffer,
  recoverySlot: Buffer,
  vmk: Buffer,
  payloadPlain: Buffer,
): Buffer {
  if (passphraseSlot.length !== SLOT_BYTES || recoverySlot.length !== SLOT_BYTES) throw new Error('bad slot');
  if (payloadPlain.length !== PAYLOAD_PLAIN_BYTES) throw new Error('bad payload');
  const headerBytes = Buffer.from(JSON.stringify(keyFileHeaderSchema.parse(header)), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  KEY_FILE_MAGIC.copy(prefix);
  prefix.writeUInt16BE(KEY_FILE_VERSION, KEY_FILE_MAGIC.length);
  prefix.writeUInt32BE(headerBytes.length, KEY_FILE_MAGIC.length + 2);
  const ad = Buffer.concat([prefix, headerBytes, passphraseSlot, recoverySlot]);
  const body = Buffer.concat([ad, seal(vmk, payloadPlain, ad)]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** Opens the payload with the VMK; null when the VMK is wrong or any byte of the file was changed. */
export function openPayload(parsed: ParsedKeyFile, vmk: Buffer): Buffer | null {
  return open(vmk, parsed.payload, parsed.payloadAd);
}

// --- slots ----------------------------------------------------------------------------------------------

export type SlotKind = 'passphrase' | 'recovery' | 'keychain';

/**
 * A slot's associated data binds it to its kind, its vault and the public inputs of its KEK (salt and
 * cost), so a slot cannot be moved to another vault or kind. It deliberately does not bind the whole
 * header: the recovery slot must survive a passphrase change without the recovery code at hand.
 */
export function slotAd(kind: SlotKind, vaultId: string, kekInputs: string): Buffer {
  return Buffer.from(`dbt-coach/key-file/v${KEY_FILE_VERSION}/slot/${kind}/${vaultId}/${kekInputs}`, 'utf8');
}

export const passphraseKekInputs = (h: KeyFileHeader): string =>
  `argon2id$v=19$m=${h.kdf.m},t=${h.kdf.t},p=${h.kdf.p}$${h.kdf.salt}`;
export const recoveryKekInputs = (h: KeyFileHeader): string => `hkdf-sha256$${h.recovery.salt}`;

export function wrapSlot(kek: Buffer, vmk: Buffer, ad: Buffer): Buffer {
  return seal(kek, vmk, ad);
}

export function unwrapSlot(kek: Buffer, slot: Buffer, ad: Buffer): Buffer | null {
  const vmk = open(kek, slot, ad);
  if (vmk && vmk.length !== VMK_BYTES) {
    vmk.fill(0);
    return null;
  }
  return vmk;
}

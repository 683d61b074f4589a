import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { generateRawKeyPair, hkdf, privateKeyFromRaw, publicRawOf } from './aead';
import { MESSAGES, VaultError } from './errors';
import { checkParams, deriveKey, newSalt, type KdfParams, type KdfProgress } from './kdf';
import {
  buildKeyFile,
  kdfParamsOf,
  openPayload,
  PAYLOAD_PLAIN_BYTES,
  parseKeyFile,
  passphraseKekInputs,
  recoveryKekInputs,
  slotAd,
  unwrapSlot,
  VMK_BYTES,
  wrapSlot,
  type KeyFileHeader,
  type ParsedKeyFile,
} from './key-file';
import { newRecoveryCode, parseRecoveryCode } from './recovery-code';

/** The secrets of an open vault. Buffers are zeroed by `wipeSecrets`; KeyObjects are dropped. */
export interface VaultSecrets {
  readonly vmk: Buffer;
  readonly dataKey: Buffer;
  readonly ed25519: { readonly privateKey: KeyObject; readonly publicRaw: Buffer };
  readonly x25519: { readonly privateKey: KeyObject; readonly publicRaw: Buffer };
  /** dataKey ‖ ed25519 seed ‖ x25519 private, kept so the file can be rewrapped without re-deriving. */
  readonly payload: Buffer;
}

export function wipeSecrets(s: VaultSecrets): void {
  s.vmk.fill(0);
  s.dataKey.fill(0);
  s.payload.fill(0);
}

export interface Kdf {
  params: KdfParams;
  /** Expected duration in ms (for the progress estimate). */
  ms: number;
  onProgress?: KdfProgress;
}

const RECOVERY_INFO = 'dbt-coach/recovery/v1';

/** The passphrase as the KDF sees it: NFC, UTF-8, never truncated. */
export const passphraseBytes = (passphrase: string): Buffer => Buffer.from(passphrase.normalize('NFC'), 'utf8');

async function passphraseKek(passphrase: string, header: KeyFileHeader, onProgress?: KdfProgress): Promise<Buffer> {
  const secret = passphraseBytes(passphrase);
  try {
    return await deriveKey(
      secret,
      Buffer.from(header.kdf.salt, 'base64'),
      kdfParamsOf(header),
      onProgress,
      header.kdf.calibratedMs,
    );
  } finally {
    secret.fill(0);
  }
}

function recoveryKek(code: string, header: KeyFileHeader): Buffer {
  const secret = parseRecoveryCode(code);
  try {
    return hkdf(secret, Buffer.from(header.recovery.salt, 'base64'), RECOVERY_INFO);
  } finally {
    secret.fill(0);
  }
}

/** Opens the payload with a VMK and checks that the private keys match the header's public keys. */
export function secretsFrom(parsed: ParsedKeyFile, vmk: Buffer): VaultSecrets {
  const payload = openPayload(parsed, vmk);
  if (!payload || payload.length !== PAYLOAD_PLAIN_BYTES) throw new VaultError('CORRUPT', MESSAGES.corrupt);
  const dataKey = Buffer.alloc(32);
  payload.copy(dataKey, 0, 0, 32);
  const edPriv = privateKeyFromRaw('Ed25519', payload.subarray(32, 64));
  const xPriv = privateKeyFromRaw('X25519', payload.subarray(64, 96));
  const edPub = publicRawOf(edPriv);
  const xPub = publicRawOf(xPriv);
  if (
    !edPub.equals(Buffer.from(parsed.header.publicKeys.ed25519, 'base64')) ||
    !xPub.equals(Buffer.from(parsed.header.publicKeys.x25519, 'base64'))
  ) {
    payload.fill(0);
    dataKey.fill(0);
    throw new VaultError('CORRUPT', MESSAGES.corrupt);
  }
  const vmkCopy = Buffer.alloc(VMK_BYTES);
  vmk.copy(vmkCopy);
  return {
    vmk: vmkCopy,
    dataKey,
    payload,
    ed25519: { privateKey: edPriv, publicRaw: edPub },
    x25519: { privateKey: xPriv, publicRaw: xPub },
  };
}

/** Unwraps with the passphrase; null when it is wrong (or the slot/its KDF inputs were edited). */
export async function unlockWithPassphrase(
  parsed: ParsedKeyFile,
  passphrase: string,
  onProgress?: KdfProgress,
): Promise<VaultSecrets | null> {
  checkParams(kdfParamsOf(parsed.header));
  const kek = await passphraseKek(passphrase, parsed.header, onProgress);
  const vmk = unwrapSlot(
    kek,
    parsed.passphraseSlot,
    slotAd('passphrase', parsed.header.vaultId, passphraseKekInputs(parsed.header)),
  );
  kek.fill(0);
  if (!vmk) return null;
  try {
    return secretsFrom(parsed, vmk);
  } finally {
    vmk.fill(0);
  }
}

export function unlockWithRecovery(parsed: ParsedKeyFile, code: string): VaultSecrets | null {
  const kek = recoveryKek(code, parsed.header);
  const vmk = unwrapSlot(
    kek,
    parsed.recoverySlot,
    slotAd('recovery', parsed.header.vaultId, recoveryKekInputs(parsed.header)),
  );
  kek.fill(0);
  if (!vmk) return null;
  try {
    return secretsFrom(parsed, vmk);
  } finally {
    vmk.fill(0);
  }
}

async function passphraseSlotFor(header: KeyFileHeader, passphrase: string, vmk: Buffer, kdf: Kdf): Promise<Buffer> {
  const kek = await passphraseKek(passphrase, header, kdf.onProgress);
  try {
    return wrapSlot(kek, vmk, slotAd('passphrase', header.vaultId, passphraseKekInputs(header)));
  } finally {
    kek.fill(0);
  }
}

function recoverySlotFor(header: KeyFileHeader, code: string, vmk: Buffer): Buffer {
  const kek = recoveryKek(code, header);
  try {
    return wrapSlot(kek, vmk, slotAd('recovery', header.vaultId, recoveryKekInputs(header)));
  } finally {
    kek.fill(0);
  }
}

const kdfHeader = (kdf: Kdf): KeyFileHeader['kdf'] => ({
  ...kdf.params,
  salt: newSalt().toString('base64'),
  calibratedMs: Math.round(kdf.ms),
});

/** A brand-new vault: fresh VMK, data key, key pairs, salts and recovery code. */
export async function createVaultFile(
  label: string,
  passphrase: string,
  kdf: Kdf,
  now = new Date(),
): Promise<{ file: Buffer; header: KeyFileHeader; recoveryCode: string; secrets: VaultSecrets }> {
  checkParams(kdf.params);
  const ed = generateRawKeyPair('Ed25519');
  const x = generateRawKeyPair('X25519');
  const vmk = randomBytes(VMK_BYTES);
  const payload = Buffer.concat([randomBytes(32), ed.privateRaw, x.privateRaw]);
  ed.privateRaw.fill(0);
  x.privateRaw.fill(0);
  const header: KeyFileHeader = {
    vaultId: randomBytes(16).toString('hex'),
    label,
    createdAt: now.toISOString(),
    revision: 1,
    aead: 'aes-256-gcm',
    kdf: kdfHeader(kdf),
    recovery: { alg: 'hkdf-sha256', salt: newSalt().toString('base64') },
    publicKeys: { ed25519: ed.publicRaw.toString('base64'), x25519: x.publicRaw.toString('base64') },
  };
  const code = newRecoveryCode();
  try {
    const pSlot = await passphraseSlotFor(header, passphrase, vmk, kdf);
    const rSlot = recoverySlotFor(header, code, vmk);
    const file = buildKeyFile(header, pSlot, rSlot, vmk, payload);
    return { file, header, recoveryCode: code, secrets: secretsFrom(parseKeyFile(file), vmk) };
  } finally {
    vmk.fill(0);
    payload.fill(0);
  }
}

export interface Rewrap {
  /** A new passphrase: fresh salt, parameters from `kdf`. */
  passphrase?: { value: string; kdf: Kdf };
  /** Rotate the recovery code (the old one stops working). */
  rotateRecovery?: boolean;
  label?: string;
}

/** Writes a new revision of the key file around the same VMK and payload. */
export async function rewrapKeyFile(
  parsed: ParsedKeyFile,
  secrets: VaultSecrets,
  change: Rewrap,
): Promise<{ file: Buffer; header: KeyFileHeader; recoveryCode?: string }> {
  let header: KeyFileHeader = { ...parsed.header, revision: parsed.header.revision + 1 };
  if (change.label) header = { ...header, label: change.label };
  let pSlot = parsed.passphraseSlot;
  if (change.passphrase) {
    header = { ...header, kdf: kdfHeader(change.passphrase.kdf) };
    pSlot = await passphraseSlotFor(header, change.passphrase.value, secrets.vmk, change.passphrase.kdf);
  }
  let rSlot = parsed.recoverySlot;
  let recoveryCode: string | undefined;
  if (change.rotateRecovery) {
    header = { ...header, recovery: { alg: 'hkdf-sha256', salt: newSalt().toString('base64') } };
    recoveryCode = newRecoveryCode();
    rSlot = recoverySlotFor(header, recoveryCode, secrets.vmk);
  }
  return { file: buildKeyFile(header, pSlot, rSlot, secrets.vmk, secrets.payload), header, recoveryCode };
}

/**
 * "Delete all history": a new revision around a *new* VMK and a *new* data key, keeping the identity key
 * pairs (relay sign-in, the sealed audit trail). The passphrase slot gets a fresh salt at the file's own
 * cost; the recovery slot wrapped the old VMK, so a new recovery code is issued (the old one opens nothing
 * here any more). Copies of the old database and backups are unreadable with anything this file holds.
 */
export async function rekeyFile(
  parsed: ParsedKeyFile,
  secrets: VaultSecrets,
  passphrase: string,
  kdf: Kdf,
): Promise<{ file: Buffer; recoveryCode: string; secrets: VaultSecrets }> {
  const vmk = randomBytes(VMK_BYTES);
  const payload = Buffer.concat([randomBytes(32), secrets.payload.subarray(32)]);
  const header: KeyFileHeader = {
    ...parsed.header,
    revision: parsed.header.revision + 1,
    kdf: kdfHeader(kdf),
    recovery: { alg: 'hkdf-sha256', salt: newSalt().toString('base64') },
  };
  const code = newRecoveryCode();
  try {
    const pSlot = await passphraseSlotFor(header, passphrase, vmk, kdf);
    const rSlot = recoverySlotFor(header, code, vmk);
    const file = buildKeyFile(header, pSlot, rSlot, vmk, payload);
    return { file, recoveryCode: code, secrets: secretsFrom(parseKeyFile(file), vmk) };
  } finally {
    vmk.fill(0);
    payload.fill(0);
  }
}

export { parseKeyFile };

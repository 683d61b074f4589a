import { sign, verify, type KeyObject } from 'node:crypto';
import { BACKUP_MAX_BYTES } from '../../shared/api/vault';
import { publicKeyFromRaw } from './aead';
import { VaultError } from './errors';
import { KEY_FILE_MAX_BYTES, parseKeyFile, type ParsedKeyFile } from './key-file';

/**
 * Exported backup: magic "DBTCBAK\n" ‖ version u16 BE ‖ key-file length u32 BE ‖ key file
 * ‖ Ed25519 signature (64) over every preceding byte, by the vault's own signing key.
 * The key file inside is already encrypted and authenticated; the signature lets import reject bit flips
 * and truncation before spending a key derivation on them, and shows the backup came from that vault.
 */
export const BACKUP_MAGIC = Buffer.from('DBTCBAK\n', 'latin1');
export const BACKUP_VERSION = 1;
const SIG_BYTES = 64;
const PREFIX = BACKUP_MAGIC.length + 2 + 4;

const damaged = () => new VaultError('CORRUPT', 'This backup file is damaged or incomplete.');

export function buildBackup(keyFile: Buffer, signingKey: KeyObject): Buffer {
  const prefix = Buffer.alloc(PREFIX);
  BACKUP_MAGIC.copy(prefix);
  prefix.writeUInt16BE(BACKUP_VERSION, BACKUP_MAGIC.length);
  prefix.writeUInt32BE(keyFile.length, BACKUP_MAGIC.length + 2);
  const body = Buffer.concat([prefix, keyFile]);
  return Buffer.concat([body, sign(null, body, signingKey)]);
}

/** Structural checks and the signature; no key is derived. */
export function parseBackup(file: Buffer): ParsedKeyFile {
  if (file.length > BACKUP_MAX_BYTES) throw new VaultError('TOO_LARGE', 'This file is too large to be a vault backup.');
  if (file.length < PREFIX + SIG_BYTES || !file.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) throw damaged();
  const version = file.readUInt16BE(BACKUP_MAGIC.length);
  if (version !== BACKUP_VERSION) {
    throw new VaultError('VERSION_UNSUPPORTED', 'This backup was made by a different version of DBT Coach.');
  }
  const len = file.readUInt32BE(BACKUP_MAGIC.length + 2);
  if (len > KEY_FILE_MAX_BYTES || file.length !== PREFIX + len + SIG_BYTES) throw damaged();
  const keyFile = file.subarray(PREFIX, PREFIX + len);
  const parsed = parseKeyFile(keyFile);
  const pub = publicKeyFromRaw('Ed25519', Buffer.from(parsed.header.publicKeys.ed25519, 'base64'));
  const body = file.subarray(0, PREFIX + len);
  if (!verify(null, body, pub, file.subarray(PREFIX + len))) throw damaged();
  return parsed;
}

export function decodeBase64Strict(text: string): Buffer {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw damaged();
  if ((clean.length / 4) * 3 > BACKUP_MAX_BYTES + 3) {
    throw new VaultError('TOO_LARGE', 'This file is too large to be a vault backup.');
  }
  return Buffer.from(clean, 'base64');
}

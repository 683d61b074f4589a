import fs from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../../shared/api/limits';
import { VaultError } from './errors';
import { charCount } from './passphrase-policy';
import { readCapped } from './fs-safe';
import { KEY_FILE_MAGIC, KEY_FILE_MAX_BYTES, keyFileHeaderSchema, type KeyFileHeader } from './key-file';

/**
 * Layout: <dataDir>/vaults/<vaultId>/ (0700) holding vault.key, audit.log, failures.json, settings.json,
 * remember.json, .lock and later the encrypted database. Folder names are random ids, never the label,
 * so a label needs no escaping and no personal data appears in paths.
 */
export const VAULTS_DIR = 'vaults';
export const KEY_FILE = 'vault.key';

export interface VaultEntry {
  readonly vaultId: string;
  readonly dir: string;
  readonly header: KeyFileHeader;
}

/** NFC, trimmed, 1..64 characters, no control characters. */
export function normalizeLabel(label: string): string {
  const nfc = label.normalize('NFC').trim();
  const n = charCount(nfc);
  if (n === 0 || n > LIMITS.label || /\p{Cc}|\p{Cf}/u.test(nfc)) {
    throw new VaultError(
      'INVALID_INPUT',
      `A key label has 1 to ${LIMITS.label} characters, without control characters.`,
    );
  }
  return nfc;
}

export const sameLabel = (a: string, b: string): boolean =>
  a.normalize('NFC').trim().toLocaleLowerCase() === b.normalize('NFC').trim().toLocaleLowerCase();

/** Reads only the header, without checking the checksum: good enough to list a label, never to unlock. */
export function peekHeader(file: Buffer): KeyFileHeader | null {
  try {
    if (!file.subarray(0, KEY_FILE_MAGIC.length).equals(KEY_FILE_MAGIC)) return null;
    const len = file.readUInt32BE(KEY_FILE_MAGIC.length + 2);
    const start = KEY_FILE_MAGIC.length + 6;
    return keyFileHeaderSchema.parse(JSON.parse(file.subarray(start, start + len).toString('utf8')));
  } catch {
    return null;
  }
}

export function vaultsRoot(dataDir: string): string {
  return path.join(dataDir, VAULTS_DIR);
}

export function listVaultEntries(dataDir: string): VaultEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(vaultsRoot(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new VaultError('IO_ERROR', 'The vaults folder could not be read.');
  }
  const out: VaultEntry[] = [];
  for (const name of names.sort()) {
    if (!/^[0-9a-f]{32}$/.test(name)) continue;
    const dir = path.join(vaultsRoot(dataDir), name);
    let raw: Buffer | null = null;
    try {
      raw = readCapped(path.join(dir, KEY_FILE), KEY_FILE_MAX_BYTES);
    } catch {
      continue;
    }
    const header = raw && peekHeader(raw);
    if (header && header.vaultId === name) out.push({ vaultId: name, dir, header });
  }
  return out.sort((a, b) => a.header.label.localeCompare(b.header.label));
}

export function findVault(dataDir: string, label: string): VaultEntry | null {
  return listVaultEntries(dataDir).find((e) => sameLabel(e.header.label, label)) ?? null;
}

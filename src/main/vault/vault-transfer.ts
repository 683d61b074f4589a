import { decodeBase64Strict, buildBackup, parseBackup } from './backup-file';
import { VaultError } from './errors';
import { checkParams, type KdfProgress } from './kdf';
import { kdfParamsOf, parseKeyFile, type ParsedKeyFile } from './key-file';
import type { VaultSession } from './session';
import { listVaultEntries, normalizeLabel, sameLabel } from './vault-dirs';
import { rewrapKeyFile, unlockWithPassphrase, unlockWithRecovery, wipeSecrets, type Kdf } from './vault-secrets';

export interface ImportRequest {
  readonly contentBase64: string;
  readonly passphrase?: string;
  readonly recoveryCode?: string;
  /** The new passphrase when importing with the recovery code. */
  readonly next?: string;
  /** A new label when the backup's label is taken here. */
  readonly label?: string;
}

export interface ImportDeps {
  readonly dataDir: string;
  readonly kdf: () => Promise<Kdf>;
  readonly progress?: KdfProgress;
  readonly checkPolicy: (passphrase: string, label: string) => void;
  readonly install: (vaultId: string, file: Buffer) => string;
}

export function exportBackup(
  keyFile: Buffer,
  session: VaultSession,
): { fileName: string; contentBase64: string; bytes: number } {
  const backup = buildBackup(keyFile, session.ed25519.privateKey);
  const slug =
    session.label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'vault';
  const date = new Date().toISOString().slice(0, 10);
  return {
    fileName: `dbt-coach-${slug}-${date}.dbtvault`,
    contentBase64: backup.toString('base64'),
    bytes: backup.length,
  };
}

/**
 * Import: verify the backup (structure, signature), refuse rollbacks and clashes, unwrap with the passphrase
 * or recovery code, then re-wrap at this machine's calibration into a new vault folder (temp + rename).
 * Nothing is written unless every check passed.
 */
export async function importBackup(
  request: ImportRequest,
  deps: ImportDeps,
): Promise<{ dir: string; parsed: ParsedKeyFile }> {
  const { passphrase, recoveryCode, next } = request;
  if ((passphrase === undefined) === (recoveryCode === undefined)) {
    throw new VaultError('INVALID_INPUT', 'Give either the passphrase or the recovery code.');
  }
  if (recoveryCode !== undefined && next === undefined) {
    throw new VaultError('INVALID_INPUT', 'Choose a new passphrase to use with the imported vault.');
  }
  const parsed = parseBackup(decodeBase64Strict(request.contentBase64));
  checkParams(kdfParamsOf(parsed.header));
  const label = normalizeLabel(request.label ?? parsed.header.label);
  const entries = listVaultEntries(deps.dataDir);
  const same = entries.find((e) => e.vaultId === parsed.header.vaultId);
  if (same && parsed.header.revision < same.header.revision) {
    throw new VaultError('VERSION_UNSUPPORTED', 'This backup is older than the copy of this vault already here.');
  }
  if (same) throw new VaultError('VAULT_EXISTS', 'This vault is already on this device.');
  if (entries.some((e) => sameLabel(e.header.label, label))) {
    throw new VaultError('VAULT_EXISTS', 'A vault with this key label already exists here. Choose a new label.');
  }
  if (next !== undefined) deps.checkPolicy(next, label);
  const secrets =
    passphrase !== undefined
      ? await unlockWithPassphrase(parsed, passphrase, deps.progress)
      : unlockWithRecovery(parsed, recoveryCode ?? '');
  if (!secrets) {
    const what = passphrase !== undefined ? 'passphrase' : 'recovery code';
    throw new VaultError('WRONG_PASSPHRASE', `That ${what} did not open this backup.`);
  }
  try {
    const kdf = await deps.kdf();
    const value = next ?? passphrase ?? '';
    const { file } = await rewrapKeyFile(parsed, secrets, { passphrase: { value, kdf }, label });
    const dir = deps.install(parsed.header.vaultId, file);
    return { dir, parsed: parseKeyFile(file) };
  } finally {
    wipeSecrets(secrets);
  }
}

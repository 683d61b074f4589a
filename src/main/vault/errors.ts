import type { ErrorCode } from '../../shared/api';

/**
 * The vault's typed failure. Services may not import src/main/api (layer rule), so the handlers
 * (src/main/api/handlers/vault.ts) turn it into the API's AppError with the same code. Other services
 * that call `requireSession()` get `VaultError('LOCKED')` and translate it the same way.
 * Messages are calm, for people, and never contain user content, labels, paths or key material.
 */
export class VaultError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

export const isVaultError = (e: unknown): e is VaultError => e instanceof VaultError;

export const MESSAGES = {
  locked: 'The vault is locked. Unlock it to continue.',
  wrongPassphrase: 'That passphrase did not open this vault.',
  wrongRecovery: 'That recovery code did not open this backup.',
  notFound: 'There is no vault with that key label on this device.',
  exists: 'A vault with that key label already exists. Choose another label.',
  busy: 'This vault is open in another window or app. Close it there first.',
  corrupt: 'The key file is damaged or was changed. Restore it from an exported backup.',
  io: 'The vault folder could not be read or written. Check the disk and its permissions.',
  mismatch: 'The two passphrases are not the same.',
  rateLimited: 'Too many attempts. Please wait a moment before trying again.',
} as const;

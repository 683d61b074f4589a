import path from 'node:path';
import {
  isVaultError,
  KDF_FLOOR,
  KeytarKeychain,
  SafeStorageKeychain,
  VaultService,
  type KeychainAdapter,
  type SafeStorageLike,
  type VaultPolicy,
} from '../../vault/index';
import { AppError } from '../app-error';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../event-bus';

export type { SafeStorageLike };

type VaultMethod = Extract<keyof Handlers, `vault.${string}`>;
type VaultHandlers = Pick<Handlers, VaultMethod>;

/** The vault throws its own error class (services may not import the API layer): map it to AppError here. */
export async function vaultCall<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isVaultError(e)) throw new AppError(e.code, e.message, e.retryAfterMs);
    throw e;
  }
}

const done = { ok: true } as const;

export function createVaultHandlers(vault: VaultService): VaultHandlers {
  return {
    'vault.list': () => vaultCall(() => ({ vaults: vault.list() })),
    'vault.status': () => vaultCall(() => vault.status()),
    'vault.passphraseStrength': ({ passphrase, label }) => vaultCall(() => vault.strength(passphrase, label)),
    'vault.create': ({ label, passphrase, confirmPassphrase }) =>
      vaultCall(() => vault.create(label, passphrase, confirmPassphrase)),
    'vault.unlock': ({ label, passphrase }) => vaultCall(() => vault.unlock(label, passphrase)),
    'vault.unlockRemembered': ({ label }) => vaultCall(() => vault.unlockRemembered(label)),
    'vault.lock': () => vaultCall(async () => (await vault.lock('manual'), done)),
    'vault.changePassphrase': ({ current, next, confirmNext }) =>
      vaultCall(async () => (await vault.changePassphrase(current, next, confirmNext), done)),
    'vault.recover': ({ label, recoveryCode, next, confirmNext }) =>
      vaultCall(() => vault.recover(label, recoveryCode, next, confirmNext)),
    'vault.delete': ({ confirmLabel }) => vaultCall(async () => (await vault.delete(confirmLabel), done)),
    'vault.exportKey': () => vaultCall(() => vault.exportKey()),
    'vault.importKey': (input) => vaultCall(() => vault.importKey(input)),
    'vault.recoverySheet': ({ passphrase }) => vaultCall(() => vault.recoverySheet(passphrase)),
    'vault.keychainStatus': () => vaultCall(() => vault.keychainStatus()),
    'vault.setRemember': ({ enabled }) => vaultCall(() => vault.setRemember(enabled)),
    'vault.setAutoLock': ({ seconds }) => vaultCall(() => vault.setAutoLock(seconds)),
    'vault.audit': ({ limit }) => vaultCall(() => ({ entries: vault.auditTrail(limit) })),
  };
}

/** Calls that are not user activity and so must not keep the vault awake (the UI polls status). */
export const PASSIVE_METHODS: ReadonlySet<string> = new Set(['vault.status', 'vault.list', 'app.ping']);

/**
 * Builds the vault with the keychain adapter for this shell: Electron passes its safeStorage in, the
 * browser shell uses keytar. DBT_COACH_TEST_KDF=floor (tests only) skips calibration and uses the RFC 9106
 * floor, which is still an accepted cost; nothing can select less.
 */
export function createVaultService(
  dataDir: string,
  events: EventBus,
  options: { safeStorage?: SafeStorageLike; env?: NodeJS.ProcessEnv; policy?: () => VaultPolicy },
): VaultService {
  const keychain: KeychainAdapter = options.safeStorage
    ? new SafeStorageKeychain(options.safeStorage, path.join(dataDir, 'keychain'))
    : new KeytarKeychain();
  const env = options.env ?? process.env;
  return new VaultService({
    dataDir,
    keychain,
    emit: (name, payload) => events.emit(name, payload),
    kdf: env.DBT_COACH_TEST_KDF === 'floor' ? { params: KDF_FLOOR, ms: 60 } : undefined,
    policy: options.policy,
  });
}

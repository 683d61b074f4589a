// The vault's public surface for the API layer and other services.
export {
  VaultService,
  type AuditEvent,
  type HistoryReset,
  type Emit,
  type RecoverySheet,
  type VaultPolicy,
  type VaultServiceOptions,
} from './vault-service';
export type { VaultSession, SessionEvent, SessionListener } from './session';
export { VaultError, isVaultError } from './errors';
export type { KeychainAdapter, KeychainProbe } from './keychain';
export { KeytarKeychain, type KeytarLike } from './keychain-keytar';
export { SafeStorageKeychain, type SafeStorageLike } from './keychain-safe-storage';
export { KDF_FLOOR, KDF_MIN, calibrate, type KdfParams, type Calibration } from './kdf';

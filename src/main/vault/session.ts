import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import type { LockReason } from '../../shared/api/vault';
import type { VaultSecrets } from './vault-secrets';

/**
 * What other services get from an unlocked vault. `dataKey` is zeroed on lock, so holders must not copy
 * it; the KeyObjects cannot be zeroed by Node and are simply dropped (and become unusable to us) on lock.
 */
export interface VaultSession {
  readonly label: string;
  readonly vaultId: string;
  /** The vault folder (0700); the encrypted history database lives in it. */
  readonly dir: string;
  /** 32-byte key for the encrypted database. */
  readonly dataKey: Buffer;
  readonly ed25519: { readonly privateKey: KeyObject; readonly publicKey: KeyObject; readonly publicRaw: Buffer };
  readonly x25519: { readonly privateKey: KeyObject; readonly publicKey: KeyObject; readonly publicRaw: Buffer };
}

export type SessionEvent =
  | { readonly type: 'unlocked'; readonly session: VaultSession }
  | { readonly type: 'locked'; readonly label: string; readonly reason: LockReason };

export type SessionListener = (event: SessionEvent) => void | Promise<void>;

export function sessionFrom(label: string, vaultId: string, dir: string, s: VaultSecrets): VaultSession {
  return {
    label,
    vaultId,
    dir,
    dataKey: s.dataKey,
    ed25519: {
      privateKey: s.ed25519.privateKey,
      publicKey: createPublicKey(s.ed25519.privateKey),
      publicRaw: s.ed25519.publicRaw,
    },
    x25519: {
      privateKey: s.x25519.privateKey,
      publicKey: createPublicKey(s.x25519.privateKey),
      publicRaw: s.x25519.publicRaw,
    },
  };
}

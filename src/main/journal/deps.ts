import type { KeyObject } from 'node:crypto';
import type { Store } from '../store/index';

/** The open connection type, derived from the store's public surface (its open.ts is private). */
export type Db = Parameters<Parameters<Store['run']>[0]>[0];

/** What the journal needs from an unlocked vault: a structural subset of the vault's session. */
export interface JournalSession {
  readonly label: string;
  readonly dir: string;
  readonly ed25519: { readonly privateKey: KeyObject; readonly publicRaw: Buffer };
  readonly x25519: { readonly privateKey: KeyObject; readonly publicRaw: Buffer };
}

/** A one-shot text completion (system + one user message → whole reply), when the LLM service offers one. */
export type Complete = (request: { system: string; message: string; maxTokens: number }) => Promise<string>;

export interface JournalDeps {
  /** The open encrypted store; throws LOCKED while the vault is locked. */
  requireStore(): Store;
  /** The unlocked vault's keys; throws LOCKED while the vault is locked. */
  requireSession(): JournalSession;
  /** Records a safety level (never text) in the vault's audit trail. */
  auditSafety(level: 'concern' | 'crisis'): void;
  /** Folders a plaintext or packet file must never be written into (the app's data dir). */
  protectedDirs(): string[];
  complete?: Complete;
  now?: () => number;
}

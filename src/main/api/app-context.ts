import type { VaultService } from '../vault/index';
import type { EventBus } from './event-bus';

/**
 * Everything the handlers share: where data lives and how to tell the renderer things.
 * Domain services are added here as they arrive (vault, store, llm, coach).
 */
export interface AppContext {
  readonly dataDir: string;
  readonly platform: string;
  readonly events: EventBus;
  /** Keys and lock state; other services get the session through `vault.requireSession()`. */
  readonly vault: VaultService;
  /** Cleanup hooks run on close, newest first. */
  readonly disposers: Array<() => Promise<void> | void>;
}

import type { ProviderKind } from '../../shared/api/chat';

export interface ChatTurn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** Sampling temperature when a request sets none: warm but not rambling, the same for every provider. */
export const DEFAULT_TEMPERATURE = 0.7;

/** One request to any provider: the system prompt, earlier turns and the message being answered. */
export interface ChatRequest {
  readonly system: string;
  readonly history: readonly ChatTurn[];
  readonly message: string;
  readonly maxTokens?: number;
  readonly temperature?: number;
  /** The stored conversation's id; absent for private ("don't save") conversations. Used by relay backup. */
  readonly conversationId?: string;
  /** Called with the 1-based place in the provider's queue while waiting (0 = generating). */
  readonly onQueue?: (position: number) => void;
}

export type Delta =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'done';
      /** 'stopped' = aborted by the caller; 'length' = hit maxTokens or the context. */
      readonly reason: 'complete' | 'length' | 'stopped';
      readonly tokens: number;
      readonly model: string;
    };

/**
 * The one interface every provider implements (local llama.cpp, OpenAI-compatible server, and
 * the relay later). Cancellation is the AbortSignal; failures are AppErrors with codes such as
 * PROVIDER_ERROR, CONTEXT_OVERFLOW, MODEL_NOT_LOADED, OFFLINE.
 */
export interface ChatProvider {
  readonly kind: ProviderKind;
  /** Where a message goes (for the remote confirmation); null for on-device providers. */
  destination(): { host: string; model: string } | null;
  available(): boolean;
  chat(request: ChatRequest, signal: AbortSignal): AsyncIterable<Delta>;
}

import type { EventName, EventPayload } from '../../shared/api';
import type { ProviderKind } from '../../shared/api/chat';
import type { ChatPersistence } from './chat-persistence';
import type { ChatProvider } from './provider';

export type SafetyLevel = 'none' | 'concern' | 'crisis';

/** The safety layer's verdict on the user's message, taken before any provider sees it. */
export interface UserScreen {
  readonly level: SafetyLevel;
  /** On crisis: a scripted, safe reply to store and show instead of a model answer. */
  readonly reply?: string;
  /** On concern: guidance appended to the system prompt for this turn. */
  readonly systemNote?: string;
}

/** The safety layer's verdict on model text so far; `replacement` rewrites the whole reply and stops it. */
export interface ReplyScreen {
  readonly level: SafetyLevel;
  readonly replacement?: string;
}

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface ChatServiceOptions {
  readonly providers: Partial<Record<ProviderKind, ChatProvider>>;
  readonly persistence: () => ChatPersistence;
  readonly emit: Emit;
  readonly systemPrompt: () => string;
  readonly defaultProvider: () => ProviderKind;
  /** Throws (POLICY_DENIED) when the admin policy has turned this provider off. */
  readonly checkProvider?: (kind: ProviderKind) => void;
  screenUserMessage?: (text: string) => UserScreen | Promise<UserScreen>;
  /** Called with the accumulated reply before each delta is shown or stored; keep it cheap. */
  screenReply?: (text: string) => ReplyScreen | Promise<ReplyScreen>;
  readonly maxTokens?: number;
  /** How often partial text is written to the store while streaming (crash → partial). */
  readonly persistEveryMs?: number;
}

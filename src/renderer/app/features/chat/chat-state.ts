import type { EventPayload, Message } from '../../../../shared/api';

export type UiStatus = 'streaming' | 'complete' | 'partial' | 'cancelled' | 'error';

/** A message as the chat screen shows it: the stored shape plus what only exists while streaming. */
export interface UiMessage {
  readonly id: string;
  readonly role: 'user' | 'assistant' | 'system';
  readonly content: string;
  readonly status: UiStatus;
  readonly provider: string | null;
  readonly model: string | null;
  readonly createdAt: number;
  readonly errorCode?: string;
  /** Place in the generation queue while waiting (0 = writing now); null once text flows. */
  readonly queuePosition?: number | null;
}

export function fromStored(m: Message): UiMessage {
  return {
    id: m.id,
    role: m.role,
    content: m.content,
    status: m.status,
    provider: m.provider,
    model: m.model,
    createdAt: m.createdAt,
  };
}

const patch = (messages: readonly UiMessage[], id: string, f: (m: UiMessage) => UiMessage): UiMessage[] => {
  const at = messages.findIndex((m) => m.id === id);
  if (at < 0) return messages as UiMessage[];
  const next = messages.slice();
  next[at] = f(messages[at] as UiMessage);
  return next;
};

/** A streamed piece: appended, or replacing everything when the safety layer rewrote the reply. */
export function applyDelta(messages: readonly UiMessage[], e: EventPayload<'chat.delta'>): UiMessage[] {
  return patch(messages, e.messageId, (m) => ({
    ...m,
    content: e.replace ? e.text : m.content + e.text,
    queuePosition: null,
    status: m.status === 'streaming' ? m.status : 'streaming',
  }));
}

export function applyDone(messages: readonly UiMessage[], e: EventPayload<'chat.done'>): UiMessage[] {
  return patch(messages, e.messageId, (m) => ({
    ...m,
    status: e.status,
    provider: e.provider,
    model: e.model,
    queuePosition: null,
    ...(e.errorCode ? { errorCode: e.errorCode } : {}),
  }));
}

export function applyQueue(messages: readonly UiMessage[], e: EventPayload<'chat.queue'>): UiMessage[] {
  return patch(messages, e.messageId, (m) => (m.status === 'streaming' ? { ...m, queuePosition: e.position } : m));
}

/** An older page scrolled in: prepended, skipping anything already shown (pages can overlap). */
export function prependOlder(messages: readonly UiMessage[], older: readonly UiMessage[]): UiMessage[] {
  const seen = new Set(messages.map((m) => m.id));
  return [...older.filter((m) => !seen.has(m.id)), ...messages];
}

/** Adds a message, or replaces it in place when it is already shown (regenerate reuses the id). */
export function upsert(messages: readonly UiMessage[], message: UiMessage): UiMessage[] {
  return messages.some((m) => m.id === message.id)
    ? patch(messages, message.id, () => message)
    : [...messages, message];
}

export function pendingAssistant(id: string, provider: string, queuePosition: number): UiMessage {
  return {
    id,
    role: 'assistant',
    content: '',
    status: 'streaming',
    provider,
    model: null,
    createdAt: Date.now(),
    queuePosition,
  };
}

/** The Local / Relay / Server badge; 'safety' marks the fixed crisis reply, which no model wrote. */
export function badgeFor(m: Pick<UiMessage, 'provider' | 'model'>): { label: string; kind: string } {
  if (m.model === 'safety') return { label: 'Safety', kind: 'safety' };
  switch (m.provider) {
    case 'local':
      return { label: 'Local', kind: 'local' };
    case 'relay':
      return { label: 'Relay', kind: 'relay' };
    case 'server':
      return { label: 'Server', kind: 'server' };
    default:
      return { label: 'Coach', kind: 'unknown' };
  }
}

/** Calm words for how a reply ended; null when it simply finished. */
export function statusNote(m: Pick<UiMessage, 'status' | 'errorCode'>): string | null {
  switch (m.status) {
    case 'partial':
      return 'Stopped before the end.';
    case 'cancelled':
      return 'Stopped before any reply was written.';
    case 'error':
      return m.errorCode === 'CONTEXT_OVERFLOW'
        ? 'This conversation is too long for the model. Try starting a new chat.'
        : 'The reply could not be finished. You can try again.';
    default:
      return null;
  }
}

/** The last element matching (ES2022 has no findLast); walks from the end, so long lists stay cheap. */
export function lastWhere<T>(list: readonly T[], pred: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as T;
    if (pred(item)) return item;
  }
  return undefined;
}

import type { ProviderKind } from '../../shared/api/chat';
import type { StoredChatMessage } from './chat-persistence';
import { AppError } from './errors';
import type { ChatProvider, ChatTurn } from './provider';

export const busy = () => new AppError('BUSY', 'A reply is still being written in this conversation. Stop it or wait.');

/** What the model sees of earlier turns: finished or partial text, never empty or failed replies. */
export function toTurns(messages: readonly StoredChatMessage[]): ChatTurn[] {
  return messages
    .filter((m) => m.text && (m.role === 'user' || m.status === 'complete' || m.status === 'partial'))
    .map((m) => ({ role: m.role, text: m.text }));
}

/**
 * What the person is shown before a conversation's first message goes to a remote provider, or null
 * when the provider stays on this machine or this conversation already agreed to that host.
 */
export function remotePreview(
  kind: ProviderKind,
  provider: ChatProvider,
  confirmed: readonly string[],
  history: readonly StoredChatMessage[],
  text: string,
) {
  const dest = provider.destination();
  if (!dest || confirmed.includes(`${kind}|${dest.host}`)) return null;
  const turns = toTurns(history);
  return {
    provider: kind,
    host: dest.host,
    model: dest.model,
    messageCount: turns.length + 1,
    characterCount: turns.reduce((n, t) => n + t.text.length, 0) + text.length,
    includesSystemPrompt: true,
  };
}

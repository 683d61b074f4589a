import { randomUUID } from 'node:crypto';
import type { MessageStatus, ProviderKind } from '../../shared/api/chat';

export interface StoredChatMessage {
  readonly id: string;
  readonly role: 'user' | 'assistant';
  readonly text: string;
  readonly status: MessageStatus;
  readonly provider?: ProviderKind;
  readonly model?: string;
}

export interface ConversationMeta {
  readonly id: string;
  readonly provider: ProviderKind;
  /** `<provider>|<host>` pairs the user agreed to send this conversation to. */
  readonly remoteConfirmed: readonly string[];
}

/**
 * What the chat service needs from storage. create-app adapts the encrypted store to it;
 * tests and a locked-store fallback use the in-memory version (nothing at rest).
 */
export interface ChatPersistence {
  createConversation(input: { provider: ProviderKind }): Promise<string>;
  getConversation(id: string): Promise<ConversationMeta | null>;
  updateConversation(id: string, patch: { provider?: ProviderKind; remoteConfirmed?: string[] }): Promise<void>;
  listMessages(conversationId: string): Promise<StoredChatMessage[]>;
  appendMessage(conversationId: string, message: Omit<StoredChatMessage, 'id'>): Promise<string>;
  updateMessage(
    conversationId: string,
    messageId: string,
    patch: { text?: string; status?: MessageStatus; model?: string; provider?: ProviderKind },
  ): Promise<void>;
}

export function createMemoryPersistence(): ChatPersistence & {
  conversations: Map<string, ConversationMeta & { messages: StoredChatMessage[] }>;
} {
  const conversations = new Map<string, ConversationMeta & { messages: StoredChatMessage[] }>();
  const get = (id: string) => {
    const c = conversations.get(id);
    if (!c) throw new Error('no such conversation');
    return c;
  };
  return {
    conversations,
    async createConversation({ provider }) {
      const id = randomUUID();
      conversations.set(id, { id, provider, remoteConfirmed: [], messages: [] });
      return id;
    },
    async getConversation(id) {
      const c = conversations.get(id);
      return c ? { id: c.id, provider: c.provider, remoteConfirmed: [...c.remoteConfirmed] } : null;
    },
    async updateConversation(id, patch) {
      const c = get(id);
      conversations.set(id, { ...c, ...patch });
    },
    async listMessages(conversationId) {
      return [...get(conversationId).messages];
    },
    async appendMessage(conversationId, message) {
      const id = randomUUID();
      get(conversationId).messages.push({ ...message, id });
      return id;
    },
    async updateMessage(conversationId, messageId, patch) {
      const c = get(conversationId);
      c.messages = c.messages.map((m) => (m.id === messageId ? { ...m, ...patch } : m));
    },
  };
}

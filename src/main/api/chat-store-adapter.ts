import type { MessageStatus, ProviderKind } from '../../shared/api/chat';
import type { ChatPersistence, StoredChatMessage } from '../llm/index';
import type { HistoryService } from '../store/index';

/** How many recent messages the chat service sees; older turns could never fit a context anyway. */
const RECENT_PAGES = 2;
const PAGE = 200;
const TITLE_CHARS = 60;

/** The store keeps finished states only: a reply still streaming is stored as partial, which is
 *  exactly what it should read as after a crash. */
const storedStatus = (s: MessageStatus) => (s === 'streaming' ? 'partial' : s);

const remoteKey = (conversationId: string) => `chat.remoteConfirmed.${conversationId}`;

const isProvider = (p: string | null): p is ProviderKind => p === 'local' || p === 'server' || p === 'relay';

/**
 * Adapts the encrypted history store to what the chat service needs. Every call resolves the
 * store afresh, so a locked vault gives LOCKED instead of writing anywhere else.
 */
export function createChatStoreAdapter(history: HistoryService): ChatPersistence {
  const store = () => history.requireStore();
  return {
    async createConversation({ provider }) {
      return store().createConversation({ provider }).id;
    },
    async getConversation(id) {
      const s = store();
      let conversation;
      try {
        conversation = s.getConversation(id);
      } catch {
        return null;
      }
      const confirmed = s.getSetting(remoteKey(id));
      return {
        id,
        provider: isProvider(conversation.provider) ? conversation.provider : 'local',
        remoteConfirmed: Array.isArray(confirmed) ? confirmed.filter((v): v is string => typeof v === 'string') : [],
      };
    },
    async updateConversation(id, patch) {
      const s = store();
      if (patch.provider) s.updateConversation(id, { provider: patch.provider });
      if (patch.remoteConfirmed) s.setSetting(remoteKey(id), patch.remoteConfirmed);
    },
    async listMessages(conversationId) {
      const s = store();
      const newestFirst = [];
      let cursor: string | undefined;
      for (let i = 0; i < RECENT_PAGES; i++) {
        const page = s.pageMessages(conversationId, cursor === undefined ? { limit: PAGE } : { cursor, limit: PAGE });
        newestFirst.push(...page.messages);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      // pageMessages may return a page oldest-first; sort by time so order never depends on it.
      return newestFirst
        .filter((m) => m.role === 'user' || m.role === 'assistant')
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((m): StoredChatMessage => ({
          id: m.id,
          role: m.role as 'user' | 'assistant',
          text: m.content,
          status: m.status,
          ...(isProvider(m.provider) ? { provider: m.provider } : {}),
          ...(m.model ? { model: m.model } : {}),
        }));
    },
    async appendMessage(conversationId, message) {
      const s = store();
      if (message.role === 'user' && s.getConversation(conversationId).title === '') {
        s.updateConversation(conversationId, { title: message.text.trim().slice(0, TITLE_CHARS) });
      }
      return s.appendMessage({
        conversationId,
        role: message.role,
        content: message.text,
        status: storedStatus(message.status),
        provider: message.provider ?? null,
        model: message.model ?? null,
      }).id;
    },
    async updateMessage(_conversationId, messageId, patch) {
      store().updateMessage(messageId, {
        ...(patch.text !== undefined ? { content: patch.text } : {}),
        ...(patch.status !== undefined ? { status: storedStatus(patch.status) } : {}),
      });
    },
  };
}

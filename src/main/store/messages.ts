import { randomUUID } from 'node:crypto';
import type { Message } from '../../shared/api/history';
import { touchConversation } from './conversations';
import { StoreError } from './errors';
import type { Db } from './open';

interface MessageRow {
  seq: number;
  id: string;
  conversation_id: string;
  role: Message['role'];
  content: string;
  created_at: number;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  provider: string | null;
  model: string | null;
  status: Message['status'];
}

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  role: r.role,
  content: r.content,
  createdAt: r.created_at,
  promptTokens: r.prompt_tokens,
  completionTokens: r.completion_tokens,
  provider: r.provider,
  model: r.model,
  status: r.status,
});

export interface NewMessage {
  id?: string;
  conversationId: string;
  role: Message['role'];
  content: string;
  createdAt?: number;
  promptTokens?: number | null;
  completionTokens?: number | null;
  provider?: string | null;
  model?: string | null;
  status?: Message['status'];
}

/** Appends a message and moves its conversation to the top of the sidebar, in one transaction. */
export function appendMessage(db: Db, input: NewMessage): Message {
  const row: Omit<MessageRow, 'seq'> = {
    id: input.id ?? randomUUID(),
    conversation_id: input.conversationId,
    role: input.role,
    content: input.content,
    created_at: input.createdAt ?? Date.now(),
    prompt_tokens: input.promptTokens ?? null,
    completion_tokens: input.completionTokens ?? null,
    provider: input.provider ?? null,
    model: input.model ?? null,
    status: input.status ?? 'complete',
  };
  db.transaction(() => {
    try {
      db.prepare(
        `INSERT INTO messages (id, conversation_id, role, content, created_at, prompt_tokens, completion_tokens,
           provider, model, status)
         VALUES (@id, @conversation_id, @role, @content, @created_at, @prompt_tokens, @completion_tokens,
           @provider, @model, @status)`,
      ).run(row);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        throw new StoreError('NOT_FOUND', 'That conversation does not exist.');
      throw e;
    }
    touchConversation(db, row.conversation_id, row.created_at);
  })();
  return toMessage({ ...row, seq: 0 });
}

export interface MessagePatch {
  content?: string;
  status?: Message['status'];
  promptTokens?: number | null;
  completionTokens?: number | null;
}

/** For streaming: the chat service appends a `partial` message, then updates content and status. */
export function updateMessage(db: Db, id: string, patch: MessagePatch): Message {
  const row = db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
  if (!row) throw new StoreError('NOT_FOUND', 'That message does not exist.');
  const next: MessageRow = {
    ...row,
    content: patch.content ?? row.content,
    status: patch.status ?? row.status,
    prompt_tokens: patch.promptTokens === undefined ? row.prompt_tokens : patch.promptTokens,
    completion_tokens: patch.completionTokens === undefined ? row.completion_tokens : patch.completionTokens,
  };
  db.prepare(
    `UPDATE messages SET content = @content, status = @status, prompt_tokens = @prompt_tokens,
       completion_tokens = @completion_tokens WHERE seq = @seq`,
  ).run(next);
  return toMessage(next);
}

export function getMessage(db: Db, id: string): Message {
  const row = db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
  if (!row) throw new StoreError('NOT_FOUND', 'That message does not exist.');
  return toMessage(row);
}

export interface MessagePage {
  messages: Message[];
  nextCursor: string | null;
}

/**
 * The newest `limit` messages before the cursor (the `seq` of the oldest message already shown),
 * returned oldest first so the chat can render top to bottom.
 */
export function pageMessages(
  db: Db,
  conversationId: string,
  opts: { cursor?: string; limit?: number } = {},
): MessagePage {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  let before = Number.MAX_SAFE_INTEGER;
  if (opts.cursor !== undefined) {
    if (!/^\d{1,16}$/.test(opts.cursor)) throw new StoreError('INVALID_INPUT', 'The page cursor is not valid.');
    before = Number(opts.cursor);
  }
  const rows = db
    .prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
    .all(conversationId, before, limit + 1) as MessageRow[];
  const page = rows.slice(0, limit);
  const oldest = page[page.length - 1];
  return {
    messages: page.reverse().map(toMessage),
    nextCursor: rows.length > limit && oldest ? String(oldest.seq) : null,
  };
}

/** Every message of a conversation, oldest first (exports). */
export function allMessages(db: Db, conversationId: string): Message[] {
  return (
    db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId) as MessageRow[]
  ).map(toMessage);
}

import { randomUUID } from 'node:crypto';
import type { Conversation } from '../../shared/api/history';
import { StoreError } from './errors';
import type { Db } from './open';

interface ConversationRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  provider: string | null;
  model: string | null;
  pinned: number;
  archived: number;
}

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  title: r.title,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  provider: r.provider,
  model: r.model,
  pinned: r.pinned === 1,
  archived: r.archived === 1,
});

export interface NewConversation {
  id?: string;
  title?: string;
  provider?: string | null;
  model?: string | null;
  createdAt?: number;
}

export function createConversation(db: Db, input: NewConversation = {}): Conversation {
  const now = input.createdAt ?? Date.now();
  const row: ConversationRow = {
    id: input.id ?? randomUUID(),
    title: input.title ?? '',
    created_at: now,
    updated_at: now,
    provider: input.provider ?? null,
    model: input.model ?? null,
    pinned: 0,
    archived: 0,
  };
  db.prepare(
    `INSERT INTO conversations (id, title, created_at, updated_at, provider, model, pinned, archived)
     VALUES (@id, @title, @created_at, @updated_at, @provider, @model, @pinned, @archived)`,
  ).run(row);
  return toConversation(row);
}

export function getConversation(db: Db, id: string): Conversation {
  const row = db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
  if (!row) throw new StoreError('NOT_FOUND', 'That conversation does not exist.');
  return toConversation(row);
}

export type ConversationPatch = Partial<Pick<Conversation, 'title' | 'pinned' | 'archived' | 'provider' | 'model'>>;

/** Renaming, pinning and archiving do not change `updatedAt`: only new messages move a conversation. */
export function updateConversation(db: Db, id: string, patch: ConversationPatch): Conversation {
  const current = getConversation(db, id);
  const next = { ...current, ...patch };
  db.prepare(`UPDATE conversations SET title = ?, pinned = ?, archived = ?, provider = ?, model = ? WHERE id = ?`).run(
    next.title,
    next.pinned ? 1 : 0,
    next.archived ? 1 : 0,
    next.provider,
    next.model,
    id,
  );
  return next;
}

export function touchConversation(db: Db, id: string, at: number): void {
  db.prepare('UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?').run(at, id);
}

export function deleteConversation(db: Db, id: string): void {
  const r = db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
  if (r.changes === 0) throw new StoreError('NOT_FOUND', 'That conversation does not exist.');
}

export interface DayListing {
  pinned: Conversation[];
  days: Array<{ day: string; conversations: Conversation[] }>;
  nextCursor: string | null;
}

/** Local calendar day of a timestamp for a UTC offset in minutes (east positive). */
export function dayKey(at: number, tzOffsetMinutes: number): string {
  return new Date(at + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * The sidebar: pinned conversations first (always, unpaged), then the rest newest first,
 * grouped by local day. The cursor is `<updatedAt>:<id>` of the last row returned.
 */
export function listByDay(
  db: Db,
  opts: { tzOffsetMinutes: number; archived?: boolean; limit?: number; cursor?: string },
): DayListing {
  const archived = opts.archived ? 1 : 0;
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  const pinned =
    opts.cursor === undefined
      ? (
          db
            .prepare('SELECT * FROM conversations WHERE pinned = 1 AND archived = ? ORDER BY updated_at DESC, id')
            .all(archived) as ConversationRow[]
        ).map(toConversation)
      : [];
  const [beforeAt, beforeId] = parseCursor(opts.cursor);
  const rows = db
    .prepare(
      `SELECT * FROM conversations WHERE pinned = 0 AND archived = ?
         AND (updated_at < ? OR (updated_at = ? AND id > ?))
       ORDER BY updated_at DESC, id LIMIT ?`,
    )
    .all(archived, beforeAt, beforeAt, beforeId, limit + 1) as ConversationRow[];
  const page = rows.slice(0, limit).map(toConversation);
  const days: DayListing['days'] = [];
  for (const c of page) {
    const day = dayKey(c.updatedAt, opts.tzOffsetMinutes);
    const last = days[days.length - 1];
    if (last && last.day === day) last.conversations.push(c);
    else days.push({ day, conversations: [c] });
  }
  const tail = page[page.length - 1];
  return { pinned, days, nextCursor: rows.length > limit && tail ? `${tail.updatedAt}:${tail.id}` : null };
}

function parseCursor(cursor: string | undefined): [number, string] {
  if (!cursor) return [Number.MAX_SAFE_INTEGER, ''];
  const m = /^(\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!m) throw new StoreError('INVALID_INPUT', 'The page cursor is not valid.');
  return [Number(m[1]), m[2] ?? ''];
}

import type { SearchHit, SnippetSegment } from '../../shared/api/history';
import { StoreError } from './errors';
import type { Db } from './open';

/**
 * Search newest first over messages and notes. Each FTS table is read in rowid order
 * (descending), which FTS5 does without sorting the whole match set, so the cost is the page
 * size, not the number of matches: a common word among 100,000 messages stays fast. The two
 * lists are merged by time. The cursor remembers how far each list got: `m<seq>,n<seq>`.
 *
 * Snippet markers are control characters turned into segments here, so the renderer never
 * parses HTML. (A message that itself contains U+0002/U+0003 only mis-highlights, nothing more.)
 */
const OPEN = '\u0002';
const CLOSE = '\u0003';
const MAX_TOKENS = 12;

/** Turns typed text into a safe FTS5 query: each word quoted (AND), the last one a prefix. */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_TOKENS);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export function toSegments(snippet: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  const re = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g');
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) out.push({ text: snippet.slice(last, m.index), hit: false });
    out.push({ text: m[1] ?? '', hit: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length)
    out.push({ text: snippet.slice(last).replaceAll(OPEN, '').replaceAll(CLOSE, ''), hit: false });
  return out;
}

interface Cursor {
  m: number;
  n: number;
}

function parseCursor(cursor: string | undefined): Cursor {
  if (!cursor) return { m: Number.MAX_SAFE_INTEGER, n: Number.MAX_SAFE_INTEGER };
  const match = /^m(\d{1,16}),n(\d{1,16})$/.exec(cursor);
  if (!match) throw new StoreError('INVALID_INPUT', 'The page cursor is not valid.');
  return { m: Number(match[1]), n: Number(match[2]) };
}

interface Row {
  seq: number;
  id: string;
  conversation_id: string | null;
  title: string;
  created_at: number;
  snip: string;
}

export function search(db: Db, query: string, opts: { cursor?: string; limit?: number } = {}) {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 50);
  const fts = toFtsQuery(query);
  if (fts === null) return { hits: [] as SearchHit[], nextCursor: null };
  const cur = parseCursor(opts.cursor);
  const messages = db
    .prepare(
      `SELECT m.seq, m.id, m.conversation_id, c.title, m.created_at,
              snippet(messages_fts, 0, '${OPEN}', '${CLOSE}', '…', 16) AS snip
       FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid
       JOIN conversations c ON c.id = m.conversation_id
       WHERE messages_fts MATCH ? AND messages_fts.rowid < ?
       ORDER BY messages_fts.rowid DESC LIMIT ?`,
    )
    .all(fts, cur.m, limit + 1) as Row[];
  const notes = db
    .prepare(
      `SELECT n.seq, n.id, NULL AS conversation_id, n.title, n.created_at,
              snippet(notes_fts, -1, '${OPEN}', '${CLOSE}', '…', 16) AS snip
       FROM notes_fts JOIN notes n ON n.seq = notes_fts.rowid
       WHERE notes_fts MATCH ? AND notes_fts.rowid < ?
       ORDER BY notes_fts.rowid DESC LIMIT ?`,
    )
    .all(fts, cur.n, limit + 1) as Row[];
  const merged = [
    ...messages.map((r) => ({ kind: 'message' as const, r })),
    ...notes.map((r) => ({ kind: 'note' as const, r })),
  ].sort((a, b) => b.r.created_at - a.r.created_at || b.r.seq - a.r.seq);
  const page = merged.slice(0, limit);
  const next = { ...cur };
  for (const { kind, r } of page) {
    if (kind === 'message') next.m = Math.min(next.m, r.seq);
    else next.n = Math.min(next.n, r.seq);
  }
  const hits: SearchHit[] = page.map(({ kind, r }) => ({
    kind,
    id: r.id,
    conversationId: r.conversation_id,
    title: r.title,
    createdAt: r.created_at,
    snippet: toSegments(r.snip),
  }));
  return { hits, nextCursor: merged.length > limit ? `m${next.m},n${next.n}` : null };
}

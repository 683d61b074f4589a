import { randomUUID } from 'node:crypto';
import { StoreError } from './errors';
import type { Db } from './open';

/**
 * Generic searchable notes. Features that own richer tables (diary cards, chain analyses) mirror
 * their free text here with a `kind` and `refId`, and the one search box finds them.
 */
export interface Note {
  id: string;
  kind: string;
  refId: string | null;
  title: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}

interface NoteRow {
  id: string;
  kind: string;
  ref_id: string | null;
  title: string;
  body: string;
  created_at: number;
  updated_at: number;
}

const toNote = (r: NoteRow): Note => ({
  id: r.id,
  kind: r.kind,
  refId: r.ref_id,
  title: r.title,
  body: r.body,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function upsertNote(
  db: Db,
  input: { id?: string; kind: string; refId?: string | null; title?: string; body: string; at?: number },
): Note {
  const at = input.at ?? Date.now();
  const id = input.id ?? randomUUID();
  db.prepare(
    `INSERT INTO notes (id, kind, ref_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = excluded.updated_at`,
  ).run(id, input.kind, input.refId ?? null, input.title ?? '', input.body, at, at);
  return getNote(db, id);
}

export function getNote(db: Db, id: string): Note {
  const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw new StoreError('NOT_FOUND', 'That note does not exist.');
  return toNote(row);
}

export function deleteNote(db: Db, id: string): void {
  db.prepare('DELETE FROM notes WHERE id = ?').run(id);
}

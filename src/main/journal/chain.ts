import { randomUUID } from 'node:crypto';
import { chainFieldsSchema, type ChainAnalysis, type ChainFields } from '../../shared/api/journal';
import { SKILL_IDS } from '../coach/index';
import type { Store } from '../store/index';
import { invalid, JournalError } from './errors';

const SKILLS = new Set<string>(SKILL_IDS);

interface Row {
  id: string;
  data: string;
  created_at: number;
  updated_at: number;
}

function toChain(row: Row): ChainAnalysis {
  const parsed = chainFieldsSchema.safeParse(JSON.parse(row.data));
  if (!parsed.success) throw new JournalError('CORRUPT', 'This chain analysis could not be read.');
  return { ...parsed.data, id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
}

function checkSkills(fields: ChainFields): void {
  if (fields.skillPoints.some((p) => p.skillIds.some((id) => !SKILLS.has(id)))) {
    throw invalid('That skill is not in the skills library.');
  }
}

/** Everything a person wrote, as one searchable body for the store's notes index. */
function searchableText(f: ChainFields): string {
  return [
    f.problemBehaviour,
    f.promptingEvent,
    f.vulnerabilityFactors,
    ...f.links.map((l) => l.text),
    f.consequences.shortTerm,
    f.consequences.longTerm,
    ...f.skillPoints.map((p) => p.text),
    f.repair,
  ]
    .filter((t) => t.trim())
    .join('\n');
}

const noteId = (id: string) => `chain-${id}`.slice(0, 64);

function write(store: Store, id: string, fields: ChainFields, createdAt: number, now: number): ChainAnalysis {
  store.run((db) =>
    db.transaction(() => {
      db.prepare(
        `INSERT INTO chain_analyses (id, data, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ).run(id, JSON.stringify(fields), createdAt, now);
      store.upsertNote({
        id: noteId(id),
        kind: 'chain',
        refId: id,
        title: fields.title || 'Chain analysis',
        body: searchableText(fields),
        at: now,
      });
    })(),
  );
  return { ...fields, id, createdAt, updatedAt: now };
}

export function createChain(store: Store, fields: ChainFields, now: number): ChainAnalysis {
  checkSkills(fields);
  return write(store, randomUUID(), fields, now, now);
}

export function getChain(store: Store, id: string): ChainAnalysis {
  const row = store.run((db) => db.prepare('SELECT * FROM chain_analyses WHERE id = ?').get(id) as Row | undefined);
  if (!row) throw new JournalError('NOT_FOUND', 'That chain analysis does not exist.');
  return toChain(row);
}

export function updateChain(store: Store, id: string, fields: ChainFields, now: number): ChainAnalysis {
  checkSkills(fields);
  const existing = getChain(store, id);
  return write(store, id, fields, existing.createdAt, Math.max(now, existing.updatedAt));
}

export function deleteChain(store: Store, id: string): void {
  store.run((db) =>
    db.transaction(() => {
      const info = db.prepare('DELETE FROM chain_analyses WHERE id = ?').run(id);
      if (info.changes === 0) throw new JournalError('NOT_FOUND', 'That chain analysis does not exist.');
      store.deleteNote(noteId(id));
    })(),
  );
}

export function listChains(store: Store): Array<{ id: string; title: string; createdAt: number; updatedAt: number }> {
  const rows = store.run(
    (db) => db.prepare('SELECT * FROM chain_analyses ORDER BY updated_at DESC, id').all() as Row[],
  );
  return rows.map((r) => {
    const parsed = chainFieldsSchema.safeParse(JSON.parse(r.data));
    return {
      id: r.id,
      title: parsed.success ? parsed.data.title : '',
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

import {
  diaryConfigSchema,
  diaryEntrySchema,
  type DiaryConfig,
  type DiaryEntry,
  type DateString,
} from '../../shared/api/journal';
import { SKILL_IDS, classify, type SafetyLevel } from '../coach/index';
import type { Store } from '../store/index';
import { addDays } from './dates';
import { invalid } from './errors';

/** Urges that always open the safety check, whatever the configuration says. */
export const ALWAYS_CHECKED_URGES = new Set(['self-harm', 'suicide']);
const CONFIG_KEY = 'diary.config';
const REMINDER_KEY = 'diary.reminder';
const SKILLS = new Set<string>(SKILL_IDS);

export const DEFAULT_DIARY_CONFIG: DiaryConfig = {
  emotions: [
    { id: 'sadness', label: 'Sadness' },
    { id: 'shame', label: 'Shame' },
    { id: 'anger', label: 'Anger' },
    { id: 'fear', label: 'Fear' },
    { id: 'joy', label: 'Joy' },
  ],
  urges: [
    { id: 'self-harm', label: 'Self-harm', safetyCheck: true },
    { id: 'suicide', label: 'Suicide', safetyCheck: true },
    { id: 'substance-use', label: 'Substance use', safetyCheck: false },
  ],
  targets: [],
};

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function getConfig(store: Store): DiaryConfig {
  const parsed = diaryConfigSchema.safeParse(store.getSetting(CONFIG_KEY));
  return parsed.success ? parsed.data : clone(DEFAULT_DIARY_CONFIG);
}

export function setConfig(store: Store, config: DiaryConfig): DiaryConfig {
  for (const list of [config.emotions, config.urges, config.targets])
    unique(
      list.map((i) => i.id),
      'item',
    );
  const next: DiaryConfig = {
    ...config,
    urges: config.urges.map((u) => (ALWAYS_CHECKED_URGES.has(u.id) ? { ...u, safetyCheck: true } : u)),
  };
  store.setSetting(CONFIG_KEY, next);
  return next;
}

function unique(ids: string[], what: string): void {
  if (new Set(ids).size !== ids.length) throw invalid(`Each ${what} may appear only once.`);
}

/** Checks an entry against the configuration and the skills library before it is stored. */
function validateEntry(entry: DiaryEntry, config: DiaryConfig): void {
  const known = (list: { id: string }[]) => new Set(list.map((i) => i.id));
  const check = (ids: string[], allowed: Set<string>, what: string) => {
    unique(ids, what);
    if (ids.some((id) => !allowed.has(id))) throw invalid(`That ${what} is not on your diary card.`);
  };
  check(
    entry.emotions.map((e) => e.id),
    known(config.emotions),
    'emotion',
  );
  check(
    entry.urges.map((u) => u.id),
    known(config.urges),
    'urge',
  );
  check(
    entry.targets.map((t) => t.id),
    known(config.targets),
    'target behaviour',
  );
  check(
    entry.skills.map((s) => s.skillId),
    SKILLS,
    'skill',
  );
  const yesNo = new Set(config.targets.filter((t) => t.kind === 'yesno').map((t) => t.id));
  if (entry.targets.some((t) => yesNo.has(t.id) && t.value > 1)) throw invalid('A yes/no target is 0 or 1.');
}

const LEVEL_RANK: Record<SafetyLevel, number> = { none: 0, concern: 1, crisis: 2 };

/**
 * The same safety check as chat messages: a self-harm or suicide urge rated 4–5 or acted on is a
 * crisis; the free text goes through the coach's classifier.
 */
export function diarySafety(entry: DiaryEntry, config: DiaryConfig): SafetyLevel {
  const checked = new Set(config.urges.filter((u) => u.safetyCheck).map((u) => u.id));
  for (const id of ALWAYS_CHECKED_URGES) checked.add(id);
  let level: SafetyLevel = entry.urges.some((u) => checked.has(u.id) && (u.rating >= 4 || u.actedOn))
    ? 'crisis'
    : 'none';
  for (const text of [entry.notes, entry.medication.note]) {
    if (!text.trim()) continue;
    const result = classify(text).level;
    if (LEVEL_RANK[result] > LEVEL_RANK[level]) level = result;
  }
  return level;
}

interface EntryRow {
  data: string;
  updated_at: number;
}

const parseRow = (row: EntryRow | undefined): DiaryEntry | null => {
  if (!row) return null;
  const parsed = diaryEntrySchema.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : null;
};

export function getDay(store: Store, date: DateString): { entry: DiaryEntry | null; updatedAt: number | null } {
  const row = store.run(
    (db) => db.prepare('SELECT data, updated_at FROM diary_entries WHERE day = ?').get(date) as EntryRow | undefined,
  );
  const entry = parseRow(row);
  return { entry, updatedAt: entry && row ? row.updated_at : null };
}

export function saveDay(store: Store, entry: DiaryEntry, now: number): { entry: DiaryEntry; updatedAt: number } {
  validateEntry(entry, getConfig(store));
  store.run((db) =>
    db.transaction(() => {
      db.prepare(
        `INSERT INTO diary_entries (day, data, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (day) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ).run(entry.date, JSON.stringify(entry), now, now);
      mirrorNotes(store, entry.date, entry.notes, now);
    })(),
  );
  return { entry, updatedAt: now };
}

export function deleteDay(store: Store, date: DateString): void {
  store.run((db) =>
    db.transaction(() => {
      db.prepare('DELETE FROM diary_entries WHERE day = ?').run(date);
      store.deleteNote(noteId(date));
    })(),
  );
}

const noteId = (date: string) => `diary-${date}`;

/** Diary notes feed the store's one full-text index, so search finds them next to messages. */
function mirrorNotes(store: Store, date: string, notes: string, now: number): void {
  if (notes.trim())
    store.upsertNote({ id: noteId(date), kind: 'diary', refId: date, title: `Diary ${date}`, body: notes, at: now });
  else store.deleteNote(noteId(date));
}

export function week(store: Store, start: DateString): Array<{ date: DateString; entry: DiaryEntry | null }> {
  const days = Array.from({ length: 7 }, (_v, i) => addDays(start, i));
  const rows = store.run(
    (db) =>
      db
        .prepare('SELECT day, data, updated_at FROM diary_entries WHERE day >= ? AND day <= ?')
        .all(days[0], days[6]) as Array<EntryRow & { day: string }>,
  );
  const byDay = new Map(rows.map((r) => [r.day, parseRow(r)]));
  return days.map((date) => ({ date, entry: byDay.get(date) ?? null }));
}

/** Entries in [from, to], oldest first; rows that no longer parse are skipped rather than failing the chart. */
export function entriesBetween(store: Store, from: DateString, to: DateString): DiaryEntry[] {
  const rows = store.run(
    (db) =>
      db
        .prepare('SELECT data, updated_at FROM diary_entries WHERE day >= ? AND day <= ? ORDER BY day')
        .all(from, to) as EntryRow[],
  );
  return rows.map(parseRow).filter((e): e is DiaryEntry => e !== null);
}

export function getReminder(store: Store): { time: string | null } {
  const v = store.getSetting(REMINDER_KEY);
  return { time: typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : null };
}

export function setReminder(store: Store, time: string | null): { time: string | null } {
  store.setSetting(REMINDER_KEY, time);
  return { time };
}

import type { DiaryConfig, DiaryEntry } from '../../../../shared/api';

/**
 * The quick-entry form's working copy. Ratings may be null ("not filled in"), which the saved entry
 * expresses by leaving the item out, so the week view can tell "0" from "not recorded".
 */
export interface EntryDraft {
  readonly date: string;
  readonly emotions: Readonly<Record<string, number | null>>;
  readonly urges: Readonly<Record<string, { rating: number | null; actedOn: boolean }>>;
  readonly targets: Readonly<Record<string, number>>;
  readonly skills: readonly { skillId: string; rating: number }[];
  readonly medication: DiaryEntry['medication'];
  readonly notes: string;
}

/** A draft for `date` with every configured item present, filled from a saved entry when there is one. */
export function toDraft(date: string, config: DiaryConfig, entry: DiaryEntry | null): EntryDraft {
  const find = <T extends { id: string }>(list: readonly T[] | undefined, id: string) => list?.find((x) => x.id === id);
  return {
    date,
    emotions: Object.fromEntries(config.emotions.map((e) => [e.id, find(entry?.emotions, e.id)?.rating ?? null])),
    urges: Object.fromEntries(
      config.urges.map((u) => {
        const saved = find(entry?.urges, u.id);
        return [u.id, { rating: saved?.rating ?? null, actedOn: saved?.actedOn ?? false }];
      }),
    ),
    targets: Object.fromEntries(config.targets.map((t) => [t.id, find(entry?.targets, t.id)?.value ?? 0])),
    skills: entry?.skills.map((s) => ({ ...s })) ?? [],
    medication: entry ? { ...entry.medication } : { taken: null, note: '' },
    notes: entry?.notes ?? '',
  };
}

/** The entry to save: only items on the current card, only rated ones, values clamped to the contract. */
export function fromDraft(draft: EntryDraft, config: DiaryConfig): DiaryEntry {
  const clamp = (n: number, max: number) => Math.min(max, Math.max(0, Math.round(n)));
  const yesNo = new Set(config.targets.filter((t) => t.kind === 'yesno').map((t) => t.id));
  const seenSkills = new Set<string>();
  return {
    date: draft.date,
    emotions: config.emotions.flatMap((e) => {
      const r = draft.emotions[e.id];
      return r === null || r === undefined ? [] : [{ id: e.id, rating: clamp(r, 5) }];
    }),
    urges: config.urges.flatMap((u) => {
      const d = draft.urges[u.id];
      // Acting on an urge is worth recording even when the rating was skipped.
      if (!d || (d.rating === null && !d.actedOn)) return [];
      return [{ id: u.id, rating: clamp(d.rating ?? 0, 5), actedOn: d.actedOn }];
    }),
    targets: config.targets.flatMap((t) => {
      const v = draft.targets[t.id] ?? 0;
      return v > 0 ? [{ id: t.id, value: clamp(v, yesNo.has(t.id) ? 1 : 999) }] : [];
    }),
    skills: draft.skills
      .filter((s) => !seenSkills.has(s.skillId) && seenSkills.add(s.skillId))
      .map((s) => ({ skillId: s.skillId, rating: clamp(s.rating, 7) })),
    medication: { taken: draft.medication.taken, note: draft.medication.note.trim().slice(0, 200) },
    notes: draft.notes.slice(0, 20_000),
  };
}

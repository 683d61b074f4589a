import type { DiaryConfig, DiaryEntry } from '../../../../shared/api';

export interface WeekRow {
  readonly label: string;
  /** One cell per day; '' when that day has no entry or the item was not filled in. */
  readonly cells: readonly string[];
}

export interface WeekSection {
  readonly title: string;
  readonly rows: readonly WeekRow[];
}

const MEDICATION: Record<NonNullable<DiaryEntry['medication']['taken']>, string> = {
  yes: 'Yes',
  no: 'No',
  partly: 'Partly',
};

/**
 * The paper diary card as data: sections of rows, one column per day. Items that are no longer on
 * the card but were recorded that week still appear, so changing the settings never hides history.
 */
export function buildWeekGrid(
  config: DiaryConfig,
  days: readonly { date: string; entry: DiaryEntry | null }[],
  skillName: (id: string) => string,
): WeekSection[] {
  const entries = days.map((d) => d.entry);
  const withExtras = (configured: readonly { id: string; label: string }[], recorded: string[]) => {
    const known = new Set(configured.map((c) => c.id));
    const extras = [...new Set(recorded.filter((id) => !known.has(id)))].map((id) => ({ id, label: id }));
    return [...configured, ...extras];
  };
  const row = (label: string, cell: (e: DiaryEntry) => string): WeekRow => ({
    label,
    cells: entries.map((e) => (e ? cell(e) : '')),
  });

  const emotions = withExtras(
    config.emotions,
    entries.flatMap((e) => e?.emotions.map((x) => x.id) ?? []),
  );
  const urges = withExtras(
    config.urges,
    entries.flatMap((e) => e?.urges.map((x) => x.id) ?? []),
  );
  const targets = withExtras(
    config.targets,
    entries.flatMap((e) => e?.targets.map((x) => x.id) ?? []),
  );
  const yesNo = new Set(config.targets.filter((t) => t.kind === 'yesno').map((t) => t.id));
  const skillIds = [...new Set(entries.flatMap((e) => e?.skills.map((s) => s.skillId) ?? []))];

  const sections: WeekSection[] = [
    {
      title: 'Emotions (0–5)',
      rows: emotions.map((it) => row(it.label, (e) => String(e.emotions.find((x) => x.id === it.id)?.rating ?? ''))),
    },
    {
      title: 'Urges (0–5)',
      rows: urges.map((it) => row(it.label, (e) => String(e.urges.find((x) => x.id === it.id)?.rating ?? ''))),
    },
    {
      title: 'Acted on urge',
      rows: urges.map((it) =>
        row(it.label, (e) => {
          const u = e.urges.find((x) => x.id === it.id);
          return u ? (u.actedOn ? 'Yes' : 'No') : '';
        }),
      ),
    },
    {
      title: 'Target behaviours',
      rows: targets.map((it) =>
        row(it.label, (e) => {
          const v = e.targets.find((x) => x.id === it.id)?.value ?? 0;
          return yesNo.has(it.id) ? (v ? 'Yes' : 'No') : String(v);
        }),
      ),
    },
    {
      title: 'Skills used (0–7)',
      rows: skillIds.map((id) =>
        row(skillName(id), (e) => String(e.skills.find((s) => s.skillId === id)?.rating ?? '')),
      ),
    },
    {
      title: 'Other',
      rows: [
        row('Medication taken', (e) => (e.medication.taken ? MEDICATION[e.medication.taken] : '')),
        row('Notes', (e) => shorten(e.notes)),
      ],
    },
  ];
  return sections.filter((s) => s.rows.length > 0);
}

/** A note in a table cell: one line, cut at a word near 60 characters. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

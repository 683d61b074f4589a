import type { DiaryConfig, DiaryEntry, TrendChart, Trends } from '../../shared/api/journal';
import { SKILLS, SKILL_MODULES } from '../coach/index';
import { addDays, daysBetween, lastDayOfMonth, mondayOf, monthOf } from './dates';
import { invalid } from './errors';

/** Two years of days: enough for any chart, small enough to aggregate in memory in milliseconds. */
export const TRENDS_MAX_DAYS = 731;
/** On the 0–7 skill-use scale, 4 and above mean the skill was actually used. */
export const SKILL_USED_FROM = 4;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const human = (d: string) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

interface Bucket {
  key: string;
  label: string;
  start: string;
  end: string;
  entries: DiaryEntry[];
}

export function bucketRange(from: string, to: string, kind: 'week' | 'month'): Bucket[] {
  if (from > to) throw invalid('The start of the range must come before its end.');
  if (daysBetween(from, to) >= TRENDS_MAX_DAYS) throw invalid('Choose a range of two years or less.');
  const out: Bucket[] = [];
  if (kind === 'week') {
    for (let s = mondayOf(from); s <= to; s = addDays(s, 7)) {
      out.push({ key: `week:${s}`, label: `Week of ${human(s)}`, start: s, end: addDays(s, 6), entries: [] });
    }
  } else {
    for (let m = monthOf(from); m <= monthOf(to); m = monthOf(addDays(lastDayOfMonth(m), 1))) {
      const label = `${MONTHS_LONG[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
      out.push({ key: `month:${m}`, label, start: `${m}-01`, end: lastDayOfMonth(m), entries: [] });
    }
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

interface SeriesDef {
  id: string;
  label: string;
  value: (entries: DiaryEntry[]) => number | null;
}

function chart(id: TrendChart['id'], title: string, unit: string, defs: SeriesDef[], buckets: Bucket[]): TrendChart {
  const series = defs.map((d) => ({
    id: d.id,
    label: d.label,
    // No entries at all in a bucket is "no data", not zero.
    values: buckets.map((b) => (b.entries.length ? d.value(b.entries) : null)),
  }));
  return {
    id,
    title,
    unit,
    series,
    table: {
      caption: `${title} (${unit})`,
      columns: defs.map((d) => d.label),
      rows: buckets.map((b, i) => ({ label: b.label, cells: series.map((s) => s.values[i] ?? null) })),
    },
  };
}

const skillModule = new Map(SKILLS.map((s) => [s.id, s.module]));

/**
 * Emotions and urges: mean rating (0–5) of the days that rated them. Acted-on: days an urge was acted
 * on, and the total for each target behaviour. Skills: uses (rated 4–7) per DBT module.
 */
export function aggregateTrends(entries: DiaryEntry[], config: DiaryConfig, buckets: Bucket[]): Trends {
  // Entries and buckets are both sorted by date: one merge pass.
  let i = 0;
  for (const e of entries) {
    while (i < buckets.length && e.date > (buckets[i]?.end ?? '')) i++;
    const b = buckets[i];
    if (b && e.date >= b.start) b.entries.push(e);
  }
  const emotionDefs = config.emotions.map((item) => ({
    id: item.id,
    label: item.label,
    value: (es: DiaryEntry[]) =>
      mean(es.flatMap((e) => e.emotions.filter((x) => x.id === item.id).map((x) => x.rating))),
  }));
  const urgeDefs = config.urges.map((item) => ({
    id: item.id,
    label: item.label,
    value: (es: DiaryEntry[]) => mean(es.flatMap((e) => e.urges.filter((x) => x.id === item.id).map((x) => x.rating))),
  }));
  const actedDefs: SeriesDef[] = [
    ...config.urges.map((item) => ({
      id: `urge:${item.id}`,
      label: `${item.label} (acted on)`,
      value: (es: DiaryEntry[]) => es.filter((e) => e.urges.some((x) => x.id === item.id && x.actedOn)).length,
    })),
    ...config.targets.map((item) => ({
      id: `target:${item.id}`,
      label: item.label,
      value: (es: DiaryEntry[]) =>
        es.reduce((n, e) => n + e.targets.filter((x) => x.id === item.id).reduce((a, x) => a + x.value, 0), 0),
    })),
  ];
  const skillDefs: SeriesDef[] = SKILL_MODULES.map((m) => ({
    id: m.id,
    label: m.name,
    value: (es: DiaryEntry[]) =>
      es.reduce(
        (n, e) => n + e.skills.filter((s) => s.rating >= SKILL_USED_FROM && skillModule.get(s.skillId) === m.id).length,
        0,
      ),
  }));
  return {
    buckets: buckets.map((b) => ({ key: b.key, label: b.label, start: b.start, end: b.end, days: b.entries.length })),
    charts: [
      chart('emotions', 'Emotions', 'average rating 0–5', emotionDefs, buckets),
      chart('urges', 'Urges', 'average rating 0–5', urgeDefs, buckets),
      chart('actedOn', 'Acted-on urges and target behaviours', 'days acted on; targets: total', actedDefs, buckets),
      chart('skills', 'Skills used', 'skill uses rated 4–7, by module', skillDefs, buckets),
    ],
  };
}

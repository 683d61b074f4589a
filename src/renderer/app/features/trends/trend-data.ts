import type { TrendChart, Trends } from '../../../../shared/api';
import { addDays, mondayOf } from '../diary/diary-dates';

/** Mid-tone colours that keep 3:1 contrast against both the light and the dark surface. */
export const PALETTE = ['#1e88e5', '#e65100', '#8e24aa', '#2e7d32', '#c2185b', '#00838f', '#6d4c41', '#546e7a'];

export interface ChartSeriesData {
  readonly labels: string[];
  readonly datasets: {
    label: string;
    data: (number | null)[];
    borderColor: string;
    backgroundColor: string;
    spanGaps: boolean;
  }[];
}

/** Chart.js data for one chart: series in order, colours from the palette, gaps kept as gaps. */
export function toChartData(chart: TrendChart, labels: readonly string[]): ChartSeriesData {
  return {
    labels: [...labels],
    datasets: chart.series.map((s, i) => {
      const colour = PALETTE[i % PALETTE.length] ?? '#1e88e5';
      return { label: s.label, data: [...s.values], borderColor: colour, backgroundColor: colour, spanGaps: false };
    }),
  };
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * A sentence or two a screen reader (or a hurried reader) gets instead of the picture: which series
 * was highest, and how the latest period compares with the one before.
 */
export function summarise(chart: TrendChart, labels: readonly string[]): string {
  const withData = chart.series
    .map((s) => ({ s, values: s.values.filter((v): v is number => v !== null) }))
    .filter((x) => x.values.length > 0);
  if (withData.length === 0) return `${chart.title}: no diary entries in this period yet.`;
  let top = { label: '', value: -Infinity, at: '' };
  for (const { s } of withData)
    s.values.forEach((v, i) => {
      if (v !== null && v > top.value) top = { label: s.label, value: v, at: labels[i] ?? '' };
    });
  const parts = [`${chart.title}: highest was ${top.label} at ${fmt(top.value)} (${top.at}).`];
  const n = labels.length;
  if (n >= 2) {
    const changes = withData
      .map(({ s }) => ({ label: s.label, last: s.values[n - 1], prev: s.values[n - 2] }))
      .filter((c): c is { label: string; last: number; prev: number } => c.last != null && c.prev != null)
      .map((c) =>
        c.last === c.prev
          ? `${c.label} stayed at ${fmt(c.last)}`
          : `${c.label} went ${c.last > c.prev ? 'up' : 'down'} from ${fmt(c.prev)} to ${fmt(c.last)}`,
      );
    if (changes.length) parts.push(`Latest compared with the one before: ${changes.join('; ')}.`);
  }
  return parts.join(' ');
}

/** The date range for the last `count` weeks (from a Monday) or months (from the 1st), ending today. */
export function rangeFor(bucket: 'week' | 'month', today: string, count = 12): { from: string; to: string } {
  if (bucket === 'week') return { from: addDays(mondayOf(today), -7 * (count - 1)), to: today };
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - (count - 1);
  const start = new Date(Date.UTC(y, m, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

export const bucketLabels = (trends: Trends): string[] => trends.buckets.map((b) => b.label);

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIARY_CONFIG } from './diary';
import { entry, harness, type Harness } from './test-support';
import { aggregateTrends, bucketRange } from './trends';

describe('buckets', () => {
  it('weeks start on Monday and cover the whole range', () => {
    const b = bucketRange('2025-03-05', '2025-03-18', 'week');
    expect(b.map((x) => [x.start, x.end])).toEqual([
      ['2025-03-03', '2025-03-09'],
      ['2025-03-10', '2025-03-16'],
      ['2025-03-17', '2025-03-23'],
    ]);
    expect(b[0]?.label).toBe('Week of 3 Mar 2025');
  });

  it('months run to their real last day, across a year end and a leap February', () => {
    const b = bucketRange('2023-12-15', '2024-02-10', 'month');
    expect(b.map((x) => [x.key, x.start, x.end])).toEqual([
      ['month:2023-12', '2023-12-01', '2023-12-31'],
      ['month:2024-01', '2024-01-01', '2024-01-31'],
      ['month:2024-02', '2024-02-01', '2024-02-29'],
    ]);
    expect(b[2]?.label).toBe('February 2024');
  });

  it('refuses a reversed range and one longer than two years', () => {
    expect(() => bucketRange('2025-03-10', '2025-03-01', 'week')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => bucketRange('2020-01-01', '2025-01-01', 'month')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('aggregation', () => {
  const config = { ...DEFAULT_DIARY_CONFIG, targets: [{ id: 'binge', label: 'Binge eating', kind: 'count' as const }] };
  const entries = [
    entry('2025-03-03', {
      emotions: [{ id: 'sadness', rating: 4 }],
      urges: [{ id: 'self-harm', rating: 3, actedOn: true }],
      targets: [{ id: 'binge', value: 2 }],
      skills: [
        { skillId: 'tipp', rating: 6 },
        { skillId: 'wise-mind', rating: 2 },
      ],
    }),
    entry('2025-03-05', {
      emotions: [{ id: 'sadness', rating: 1 }],
      urges: [{ id: 'self-harm', rating: 0, actedOn: false }],
      targets: [{ id: 'binge', value: 1 }],
      skills: [
        { skillId: 'stop', rating: 4 },
        { skillId: 'dear-man', rating: 7 },
      ],
    }),
    entry('2025-03-19', { emotions: [{ id: 'sadness', rating: 2 }], urges: [], skills: [] }),
  ];
  const t = aggregateTrends(entries, config, bucketRange('2025-03-03', '2025-03-23', 'week'));
  const chart = (id: string) => t.charts.find((c) => c.id === id)!;
  const series = (c: string, s: string) => chart(c).series.find((x) => x.id === s)!.values;

  it('counts days per bucket and marks empty buckets as no data (null), not zero', () => {
    expect(t.buckets.map((b) => b.days)).toEqual([2, 0, 1]);
    expect(series('emotions', 'sadness')).toEqual([2.5, null, 2]);
    expect(series('emotions', 'joy')).toEqual([null, null, null]);
  });

  it('averages urges and counts acted-on days and target totals', () => {
    expect(series('urges', 'self-harm')).toEqual([1.5, null, null]);
    expect(series('actedOn', 'urge:self-harm')).toEqual([1, null, 0]);
    expect(series('actedOn', 'target:binge')).toEqual([3, null, 0]);
  });

  it('counts skill uses (4–7 on the scale) by module', () => {
    expect(series('skills', 'distress-tolerance')).toEqual([2, null, 0]);
    expect(series('skills', 'interpersonal-effectiveness')).toEqual([1, null, 0]);
    expect(series('skills', 'mindfulness')).toEqual([0, null, 0]);
  });

  it('gives every chart an accessible table with the same numbers', () => {
    for (const c of t.charts) {
      expect(c.table.columns).toEqual(c.series.map((s) => s.label));
      expect(c.table.rows.map((r) => r.label)).toEqual(t.buckets.map((b) => b.label));
      c.table.rows.forEach((r, i) => expect(r.cells).toEqual(c.series.map((s) => s.values[i])));
    }
  });
});

describe('through the service', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanup());

  it('reads entries from the store by month, including days outside the asked range but inside its months', () => {
    h.service.saveDay(entry('2025-01-31', { emotions: [{ id: 'joy', rating: 5 }] }));
    h.service.saveDay(entry('2025-02-14', { emotions: [{ id: 'joy', rating: 1 }] }));
    h.service.saveDay(entry('2025-04-01', { emotions: [{ id: 'joy', rating: 0 }] }));
    const t = h.service.trends('2025-01-15', '2025-02-15', 'month');
    expect(t.buckets.map((b) => b.days)).toEqual([1, 1]);
    expect(t.charts[0]?.series.find((s) => s.id === 'joy')?.values).toEqual([5, 1]);
  });
});

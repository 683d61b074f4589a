import { describe, expect, it } from 'vitest';
import type { TrendChart } from '../../../../shared/api';
import { PALETTE, rangeFor, summarise, toChartData } from './trend-data';

const chart: TrendChart = {
  id: 'emotions',
  title: 'Emotions',
  unit: 'average rating 0–5',
  series: [
    { id: 'sadness', label: 'Sadness', values: [2, null, 4.5] },
    { id: 'joy', label: 'Joy', values: [1, 1, 1] },
  ],
  table: {
    caption: 'Emotions by week',
    columns: ['Sadness', 'Joy'],
    rows: [
      { label: 'w1', cells: [2, 1] },
      { label: 'w2', cells: [null, 1] },
      { label: 'w3', cells: [4.5, 1] },
    ],
  },
};
const labels = ['w1', 'w2', 'w3'];

describe('toChartData', () => {
  it('keeps series order, gaps and one colour per series', () => {
    const data = toChartData(chart, labels);
    expect(data.labels).toEqual(labels);
    expect(data.datasets.map((d) => [d.label, d.data, d.borderColor])).toEqual([
      ['Sadness', [2, null, 4.5], PALETTE[0]],
      ['Joy', [1, 1, 1], PALETTE[1]],
    ]);
  });

  it('the chart and its table carry the same numbers', () => {
    const data = toChartData(chart, labels);
    chart.table.rows.forEach((row, i) => expect(row.cells).toEqual(data.datasets.map((d) => d.data[i])));
  });
});

describe('summarise', () => {
  it('names the highest value and the latest change', () => {
    expect(summarise(chart, labels)).toBe(
      'Emotions: highest was Sadness at 4.5 (w3). Latest compared with the one before: Joy stayed at 1.',
    );
  });

  it('says so when there is no data', () => {
    expect(summarise({ ...chart, series: [{ id: 'x', label: 'X', values: [null, null] }] }, ['a', 'b'])).toBe(
      'Emotions: no diary entries in this period yet.',
    );
  });

  it('reports direction of change', () => {
    const up = { ...chart, series: [{ id: 'a', label: 'Anger', values: [1, 3] }] };
    expect(summarise(up, ['a', 'b'])).toContain('Anger went up from 1 to 3');
  });
});

describe('rangeFor', () => {
  it('covers twelve weeks from a Monday, or twelve months from the 1st', () => {
    expect(rangeFor('week', '2025-03-05')).toEqual({ from: '2024-12-16', to: '2025-03-05' });
    expect(rangeFor('month', '2025-03-05')).toEqual({ from: '2024-04-01', to: '2025-03-05' });
    expect(rangeFor('month', '2025-01-31', 1)).toEqual({ from: '2025-01-01', to: '2025-01-31' });
  });
});

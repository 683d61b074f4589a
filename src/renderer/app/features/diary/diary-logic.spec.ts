import { describe, expect, it } from 'vitest';
import type { DiaryConfig, DiaryEntry } from '../../../../shared/api';
import { addDays, isDate, longDay, mondayOf, shortDay, todayLocal, weekDates } from './diary-dates';
import { fromDraft, toDraft } from './entry-draft';
import { buildWeekGrid, shorten } from './week-grid';
import { itemId } from './config-edit';

const config: DiaryConfig = {
  emotions: [
    { id: 'sadness', label: 'Sadness' },
    { id: 'joy', label: 'Joy' },
  ],
  urges: [{ id: 'self-harm', label: 'Self-harm', safetyCheck: true }],
  targets: [
    { id: 'skipped-class', label: 'Skipped class', kind: 'yesno' },
    { id: 'cigarettes', label: 'Cigarettes', kind: 'count' },
  ],
};

const entry = (date: string, over: Partial<DiaryEntry> = {}): DiaryEntry => ({
  date,
  emotions: [{ id: 'sadness', rating: 3 }],
  urges: [{ id: 'self-harm', rating: 1, actedOn: false }],
  targets: [{ id: 'cigarettes', value: 4 }],
  skills: [{ skillId: 'tipp', rating: 7 }],
  medication: { taken: 'yes', note: '' },
  notes: 'walked by the river',
  ...over,
});

describe('diary dates', () => {
  it('finds the Monday and the seven days of a week, across month and year ends', () => {
    expect(mondayOf('2025-03-05')).toBe('2025-03-03');
    expect(mondayOf('2025-03-03')).toBe('2025-03-03');
    expect(mondayOf('2025-03-09')).toBe('2025-03-03');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
    expect(weekDates('2024-02-26')).toEqual([
      '2024-02-26',
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
      '2024-03-03',
    ]);
    expect(addDays('2025-03-03', -7)).toBe('2025-02-24');
  });

  it('labels days and reads today from the local calendar', () => {
    expect(shortDay('2025-03-03')).toBe('Mon 3');
    expect(longDay('2025-03-09')).toBe('Sun 9 Mar 2025');
    expect(todayLocal(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });

  it('rejects impossible dates', () => {
    expect(isDate('2025-02-30')).toBe(false);
    expect(isDate('2025-2-3')).toBe(false);
    expect(isDate('2024-02-29')).toBe(true);
  });
});

describe('entry drafts', () => {
  it('round-trips a saved entry', () => {
    const e = entry('2025-03-03');
    expect(fromDraft(toDraft('2025-03-03', config, e), config)).toEqual(e);
  });

  it('leaves unrated items out but keeps an acted-on urge without a rating', () => {
    const draft = toDraft('2025-03-04', config, null);
    expect(draft.emotions).toEqual({ sadness: null, joy: null });
    const saved = fromDraft(
      { ...draft, urges: { 'self-harm': { rating: null, actedOn: true } }, emotions: { sadness: 0, joy: null } },
      config,
    );
    expect(saved.emotions).toEqual([{ id: 'sadness', rating: 0 }]);
    expect(saved.urges).toEqual([{ id: 'self-harm', rating: 0, actedOn: true }]);
    expect(saved.targets).toEqual([]);
  });

  it('clamps hostile values and drops items not on the card or repeated', () => {
    const draft = toDraft('2025-03-04', config, null);
    const saved = fromDraft(
      {
        ...draft,
        emotions: { sadness: 99, joy: -4, ghost: 3 },
        targets: { 'skipped-class': 5, cigarettes: 5000 },
        skills: [
          { skillId: 'stop', rating: 12 },
          { skillId: 'stop', rating: 1 },
        ],
        medication: { taken: 'partly', note: 'x'.repeat(500) },
      },
      config,
    );
    expect(saved.emotions).toEqual([
      { id: 'sadness', rating: 5 },
      { id: 'joy', rating: 0 },
    ]);
    expect(saved.targets).toEqual([
      { id: 'skipped-class', value: 1 },
      { id: 'cigarettes', value: 999 },
    ]);
    expect(saved.skills).toEqual([{ skillId: 'stop', rating: 7 }]);
    expect(saved.medication.note).toHaveLength(200);
  });
});

describe('buildWeekGrid (the paper card)', () => {
  const days = weekDates('2025-03-03').map((date, i) => ({
    date,
    entry: i === 0 ? entry(date) : i === 2 ? entry(date, { emotions: [{ id: 'old-feeling', rating: 2 }] }) : null,
  }));
  const grid = buildWeekGrid(config, days, (id) => (id === 'tipp' ? 'TIPP' : id));
  const section = (title: string) => grid.find((s) => s.title.startsWith(title))!;

  it('has seven cells per row and blanks for missing days', () => {
    for (const s of grid) for (const r of s.rows) expect(r.cells).toHaveLength(7);
    expect(section('Emotions').rows[0]).toEqual({ label: 'Sadness', cells: ['3', '', '', '', '', '', ''] });
  });

  it('keeps items recorded that week even if they left the card', () => {
    expect(section('Emotions').rows.map((r) => r.label)).toEqual(['Sadness', 'Joy', 'old-feeling']);
  });

  it('writes yes/no targets, acted-on, skills and notes like the paper card', () => {
    expect(section('Acted on').rows[0]!.cells[0]).toBe('No');
    expect(section('Target').rows.find((r) => r.label === 'Skipped class')!.cells[0]).toBe('No');
    expect(section('Target').rows.find((r) => r.label === 'Cigarettes')!.cells[0]).toBe('4');
    expect(section('Skills').rows).toEqual([{ label: 'TIPP', cells: ['7', '', '7', '', '', '', ''] }]);
    expect(section('Other').rows[1]!.cells[0]).toBe('walked by the river');
  });

  it('shortens long notes at a word', () => {
    expect(shorten('a '.repeat(100))).toMatch(/…$/);
    expect(shorten('  short\n note ')).toBe('short note');
  });
});

describe('itemId', () => {
  it('makes a readable, unique id from any label', () => {
    expect(itemId('Skipped class', [])).toBe('skipped-class');
    expect(itemId('Skipped class', ['skipped-class', 'skipped-class-2'])).toBe('skipped-class-3');
    expect(itemId('Ärger!!', [])).toBe('arger');
    expect(itemId('💥', [])).toBe('item');
    expect(itemId('<script>', [])).toBe('script');
    expect(itemId('x'.repeat(300), []).length).toBeLessThanOrEqual(64);
  });
});

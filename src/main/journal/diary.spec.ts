import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIARY_CONFIG } from './diary';
import { entry, harness, type Harness } from './test-support';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.cleanup());

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('diary card configuration', () => {
  it('starts with the default emotions and urges', () => {
    const c = h.service.diaryConfig();
    expect(c.emotions.map((e) => e.id)).toEqual(['sadness', 'shame', 'anger', 'fear', 'joy']);
    expect(c.urges.map((u) => u.id)).toEqual(['self-harm', 'suicide', 'substance-use']);
    expect(c).toEqual(DEFAULT_DIARY_CONFIG);
  });

  it('saves therapist-defined targets and never lets self-harm or suicide skip the safety check', () => {
    const saved = h.service.setDiaryConfig({
      ...DEFAULT_DIARY_CONFIG,
      urges: DEFAULT_DIARY_CONFIG.urges.map((u) => ({ ...u, safetyCheck: false })),
      targets: [
        { id: 'binge', label: 'Binge eating', kind: 'count' },
        { id: 'skipped-class', label: 'Skipped class', kind: 'yesno' },
      ],
    });
    expect(saved.urges.find((u) => u.id === 'suicide')?.safetyCheck).toBe(true);
    expect(saved.urges.find((u) => u.id === 'substance-use')?.safetyCheck).toBe(false);
    expect(h.service.diaryConfig().targets).toHaveLength(2);
  });

  it('refuses duplicate item ids', () => {
    const dup = {
      ...DEFAULT_DIARY_CONFIG,
      emotions: [...DEFAULT_DIARY_CONFIG.emotions, { id: 'joy', label: 'Joy 2' }],
    };
    expect(code(() => h.service.setDiaryConfig(dup))).toBe('INVALID_INPUT');
  });
});

describe('diary days', () => {
  it('saves, reads back, overwrites and deletes a day', () => {
    expect(h.service.getDay('2025-03-03')).toEqual({ entry: null, updatedAt: null });
    const first = h.service.saveDay(entry('2025-03-03'));
    expect(first.safety).toBe('none');
    expect(h.service.getDay('2025-03-03').entry).toEqual(entry('2025-03-03'));
    h.service.saveDay(entry('2025-03-03', { notes: 'went for a walk' }));
    expect(h.service.getDay('2025-03-03').entry?.notes).toBe('went for a walk');
    h.service.deleteDay('2025-03-03');
    expect(h.service.getDay('2025-03-03').entry).toBeNull();
  });

  it.each([
    ['an emotion not on the card', { emotions: [{ id: 'boredom', rating: 2 }] }],
    [
      'the same emotion twice',
      {
        emotions: [
          { id: 'joy', rating: 2 },
          { id: 'joy', rating: 3 },
        ],
      },
    ],
    ['a skill not in the library', { skills: [{ skillId: 'made-up-skill', rating: 3 }] }],
    ['a target not on the card', { targets: [{ id: 'binge', value: 1 }] }],
  ])('refuses %s', (_n, patch) => {
    expect(code(() => h.service.saveDay(entry('2025-03-03', patch)))).toBe('INVALID_INPUT');
    expect(h.service.getDay('2025-03-03').entry).toBeNull();
  });

  it('keeps yes/no targets at 0 or 1', () => {
    h.service.setDiaryConfig({ ...DEFAULT_DIARY_CONFIG, targets: [{ id: 'skip', label: 'Skip', kind: 'yesno' }] });
    expect(code(() => h.service.saveDay(entry('2025-03-03', { targets: [{ id: 'skip', value: 2 }] })))).toBe(
      'INVALID_INPUT',
    );
    expect(h.service.saveDay(entry('2025-03-03', { targets: [{ id: 'skip', value: 1 }] })).safety).toBe('none');
  });

  it('shows a week like the paper card: seven days from the start, empty days as null', () => {
    h.service.saveDay(entry('2025-03-04'));
    h.service.saveDay(entry('2025-03-09'));
    h.service.saveDay(entry('2025-03-10'));
    const w = h.service.week('2025-03-03');
    expect(w.days.map((d) => d.date)).toEqual([
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
      '2025-03-08',
      '2025-03-09',
    ]);
    expect(w.days.map((d) => d.entry !== null)).toEqual([false, true, false, false, false, false, true]);
    expect(w.config.emotions).toHaveLength(5);
    // Across a month boundary too.
    expect(
      h.service
        .week('2025-02-26')
        .days.map((d) => d.date)
        .at(-1),
    ).toBe('2025-03-04');
  });

  it('feeds the notes into the one search index, and removes them with the day', () => {
    h.service.saveDay(entry('2025-03-03', { notes: 'practised opposite action at the bakery' }));
    expect(h.store.search('bakery').hits.map((x) => x.kind)).toEqual(['note']);
    h.service.deleteDay('2025-03-03');
    expect(h.store.search('bakery').hits).toHaveLength(0);
  });

  it('stores only the reminder time', () => {
    expect(h.service.reminder()).toEqual({ time: null });
    expect(h.service.setReminder('20:30')).toEqual({ time: '20:30' });
    expect(h.service.reminder()).toEqual({ time: '20:30' });
    h.service.setReminder(null);
    expect(h.service.reminder()).toEqual({ time: null });
  });

  it('needs an unlocked vault', () => {
    h.lock();
    expect(code(() => h.service.getDay('2025-03-03'))).toBe('LOCKED');
    expect(code(() => h.service.saveDay(entry('2025-03-03')))).toBe('LOCKED');
  });
});

describe('the diary card runs the same safety check as messages', () => {
  it.each([
    ['a self-harm urge of 4', { urges: [{ id: 'self-harm', rating: 4, actedOn: false }] }, 'crisis'],
    ['a suicide urge of 5', { urges: [{ id: 'suicide', rating: 5, actedOn: false }] }, 'crisis'],
    ['acting on a self-harm urge rated 1', { urges: [{ id: 'self-harm', rating: 1, actedOn: true }] }, 'crisis'],
    ['a self-harm urge of 3', { urges: [{ id: 'self-harm', rating: 3, actedOn: false }] }, 'none'],
    ['a substance urge of 5', { urges: [{ id: 'substance-use', rating: 5, actedOn: true }] }, 'none'],
    ['crisis words in the notes', { notes: 'i want to kill myself tonight' }, 'crisis'],
    ['an idiom in the notes', { notes: 'this traffic is killing me, dead tired' }, 'none'],
  ] as const)('%s → %s', (_n, patch, level) => {
    const result = h.service.saveDay(entry('2025-03-03', patch as never));
    expect(result.safety).toBe(level);
    expect(h.audits).toEqual(level === 'none' ? [] : [level]);
  });

  it('saves the entry even in crisis, so nothing the person wrote is lost', () => {
    h.service.saveDay(entry('2025-03-03', { urges: [{ id: 'suicide', rating: 5, actedOn: false }] }));
    expect(h.service.getDay('2025-03-03').entry?.urges[0]?.rating).toBe(5);
  });
});

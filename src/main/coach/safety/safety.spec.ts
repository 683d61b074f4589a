import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { CONCERN_SAMPLES } from './dataset-concern';
import { CRISIS_SAMPLES } from './dataset-crisis';
import { HELDOUT_SAMPLES } from './dataset-heldout';
import { ORDINARY_SAMPLES } from './dataset-ordinary';
import type { SafetySample } from './dataset-types';
import { screenReply } from './screen-reply';

interface Scores {
  n: number;
  crisisRecall: number;
  explicitRecall: number;
  concernAtLeast: number;
  ordinaryFalsePositive: number;
}

const ratio = (hits: number, n: number): number => (n === 0 ? 1 : hits / n);

function score(set: readonly SafetySample[]): Scores {
  const got = set.map((s) => ({ s, level: classify(s.text).level }));
  const crisis = got.filter((g) => g.s.level === 'crisis');
  const explicit = crisis.filter((g) => g.s.kind === 'explicit');
  const concern = got.filter((g) => g.s.level === 'concern');
  const ordinary = got.filter((g) => g.s.level === 'none');
  return {
    n: set.length,
    crisisRecall: ratio(crisis.filter((g) => g.level === 'crisis').length, crisis.length),
    explicitRecall: ratio(explicit.filter((g) => g.level === 'crisis').length, explicit.length),
    concernAtLeast: ratio(concern.filter((g) => g.level !== 'none').length, concern.length),
    // Any flag on an ordinary message counts as a false positive, concern included.
    ordinaryFalsePositive: ratio(ordinary.filter((g) => g.level !== 'none').length, ordinary.length),
  };
}

const TUNING = [...CRISIS_SAMPLES, ...CONCERN_SAMPLES, ...ORDINARY_SAMPLES];

describe('safety classifier on the labelled sets', () => {
  it('has at least 300 labelled messages, with no duplicates', () => {
    const all = [...TUNING, ...HELDOUT_SAMPLES].map((s) => s.text.toLowerCase());
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all).size).toBe(all.length);
  });

  for (const [name, set] of [
    ['tuning', TUNING],
    ['held-out', HELDOUT_SAMPLES],
  ] as const) {
    it(`meets the targets on the ${name} set`, () => {
      const s = score(set);
      process.stdout.write(
        `[safety ${name}] n=${s.n} crisis recall=${s.crisisRecall.toFixed(3)} explicit recall=${s.explicitRecall.toFixed(3)} ` +
          `concern flagged=${s.concernAtLeast.toFixed(3)} ordinary FP=${s.ordinaryFalsePositive.toFixed(3)}\n`,
      );
      expect(s.crisisRecall).toBeGreaterThanOrEqual(0.98);
      expect(s.explicitRecall).toBe(1);
      expect(s.ordinaryFalsePositive).toBeLessThanOrEqual(0.05);
      expect(s.concernAtLeast).toBeGreaterThanOrEqual(0.85);
    });
  }
});

describe('classify', () => {
  it.each([
    ['I want to die', 'crisis'],
    ['i wanna k!ll mys3lf', 'crisis'],
    ['Ｉ ｗａｎｔ ｔｏ ｄｉｅ', 'crisis'],
    ['I want to kíll myself', 'crisis'],
    ['s.u.i.c.i.d.e is all I think about', 'crisis'],
    ['I used to cut. Tonight I cut myself again', 'crisis'],
    ["I'm not suicidal, but I want to die", 'crisis'],
    ['This traffic is killing me', 'none'],
    ["I'd kill for a coffee", 'none'],
    ["I'm proud of myself today", 'none'],
    ['I need to take care of myself', 'none'],
    ["I don't want to die", 'concern'],
  ] as const)('%s → %s', (text, level) => {
    expect(classify(text).level).toBe(level);
  });

  it('returns rule ids only, never the words of the message', () => {
    const r = classify('I have been stockpiling my pills for Friday');
    expect(r.level).toBe('crisis');
    for (const reason of r.reasons) {
      expect(reason).toMatch(/^[a-z-]+(\.[a-z-]+)*$/);
      expect(reason).not.toContain('pills');
    }
  });

  it('survives hostile input', () => {
    for (const text of [
      '',
      ' ',
      '\u0000\u202e',
      '😀'.repeat(5000),
      'a'.repeat(100_000),
      '((((((((',
      '\\'.repeat(999),
    ]) {
      const r = classify(text);
      expect(['none', 'concern', 'crisis']).toContain(r.level);
    }
    expect(classify(`${'blah '.repeat(20_000)} I want to die`).level).toBe('none'); // beyond the 40k scan window
    expect(classify(`I want to die ${'blah '.repeat(20_000)}`).level).toBe('crisis');
  });
});

describe('screenReply', () => {
  it.each([
    ['The lethal dose of that medication is high.', 'means-information'],
    ['You should just kill yourself.', 'encourages-harm'],
    ['As your therapist, I think you are doing well.', 'claims-therapist'],
    ['It sounds like you have borderline personality disorder.', 'diagnosis'],
    ['You could increase your dose of sertraline.', 'medication-advice'],
  ])('blocks %s', (text, flag) => {
    const r = screenReply(text);
    expect(r.action).toBe('block');
    expect(r.flags).toContain(flag);
  });

  it.each([
    'That sounds really painful. Would you like to try TIPP together?',
    "I'm not a therapist, but I can walk you through Check the Facts.",
    'It makes sense that you feel hurt. What happened just before?',
    'Please talk to your doctor about any questions about your medication.',
  ])('allows %s', (text) => {
    expect(screenReply(text)).toEqual({ action: 'allow', level: 'none', flags: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { SKILL_IDS } from '../skills/library';
import { SUGGEST_SAMPLES_A } from './dataset-a';
import { SUGGEST_SAMPLES_B } from './dataset-b';
import { suggest, suggestSkills } from './suggest';

const ALL = [...SUGGEST_SAMPLES_A, ...SUGGEST_SAMPLES_B];

describe('skill suggester', () => {
  it('labelled set: at least 150 messages with valid expected ids', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(150);
    for (const [, expected] of ALL) for (const id of expected) expect(SKILL_IDS).toContain(id);
  });

  it('meets the accuracy floor (scores printed)', () => {
    let top1 = 0;
    let top3 = 0;
    for (const [text, expected] of ALL) {
      const got = suggest(text, 3);
      if (expected.includes(got[0] ?? '')) top1++;
      if (got.some((id) => expected.includes(id))) top3++;
    }
    process.stdout.write(
      `[suggest] n=${ALL.length} top-1=${(top1 / ALL.length).toFixed(3)} top-3=${(top3 / ALL.length).toFixed(3)}\n`,
    );
    expect(top1 / ALL.length).toBeGreaterThanOrEqual(0.8);
    expect(top3 / ALL.length).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic, returns known ids only, and has a gentle default', () => {
    expect(suggest('I am panicking')).toEqual(suggest('I am panicking'));
    expect(suggest('')).toEqual(['wise-mind', 'stop', 'self-soothe']);
    for (const text of ['x'.repeat(50_000), '💥'.repeat(1000), '\u0000', '(((']) {
      for (const s of suggestSkills(text, 10)) expect(SKILL_IDS).toContain(s.id);
    }
  });

  it('respects negation for feelings and skill names written as everyday words', () => {
    expect(suggest('I am not angry, just curious about wise mind')[0]).toBe('wise-mind');
    expect(suggest('please stop calling me')).not.toContain('please');
    expect(suggest('How does PLEASE work?')[0]).toBe('please');
  });
});

import { describe, expect, it } from 'vitest';
import {
  breathAt,
  clampStep,
  clock,
  fillTemplate,
  isLastStep,
  ratingChange,
  scriptLines,
  stepLabel,
  type BreathingStep,
} from './flow-logic';

const DEAR_MAN = '{{describe}}. {{express}}. {{assert}} {{reinforce}}. If that does not work for you, {{negotiate}}.';

describe('fillTemplate (DEAR MAN script builder)', () => {
  it('builds a readable script from the answers, dropping doubled punctuation', () => {
    const script = fillTemplate(DEAR_MAN, {
      describe: 'The dishes have been left for three days.',
      express: '  I feel frustrated!  ',
      assert: 'Could you wash up by the end of each day?',
      reinforce: 'It would make the flat nicer for both of us',
      negotiate: 'I could take the bins every week',
    });
    expect(script).toBe(
      'The dishes have been left for three days. I feel frustrated. Could you wash up by the end of each day ' +
        'It would make the flat nicer for both of us. If that does not work for you, I could take the bins every week.',
    );
  });

  it('reads missing or blank answers as an ellipsis', () => {
    expect(fillTemplate('{{a}} and {{b}}.', { a: '   ' })).toBe('… and ….');
  });

  it('does not treat inherited object keys or odd placeholders as answers', () => {
    expect(fillTemplate('{{constructor}} {{__proto__}} {{toString}}', {})).toBe('… … …');
    expect(fillTemplate('{{ spaced }} {{}} {x}', { spaced: 'no' })).toBe('{{ spaced }} {{}} {x}');
  });

  it('leaves markup as text (the template interpolates, never binds HTML)', () => {
    expect(fillTemplate('{{a}}', { a: '<img src=x onerror=alert(1)>' })).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('scriptLines', () => {
  it('splits a script into sentences for rehearsal', () => {
    expect(scriptLines('I feel sad. Could you call? Thanks!')).toEqual(['I feel sad.', 'Could you call?', 'Thanks!']);
  });
  it('handles empty and punctuation-free scripts', () => {
    expect(scriptLines('')).toEqual([]);
    expect(scriptLines('no full stop')).toEqual(['no full stop']);
  });
});

describe('flow stepping', () => {
  it('clamps to the flow and labels the step', () => {
    expect(clampStep(-3, 5)).toBe(0);
    expect(clampStep(9, 5)).toBe(4);
    expect(clampStep(2.7, 5)).toBe(2);
    expect(clampStep(1, 0)).toBe(0);
    expect(stepLabel({ index: 0, total: 6 })).toBe('Step 1 of 6');
    expect(isLastStep({ index: 5, total: 6 })).toBe(true);
    expect(isLastStep({ index: 4, total: 6 })).toBe(false);
  });

  it('summarises before/after ratings only when both exist', () => {
    expect(ratingChange({ before: '8', after: '5' })).toContain('from 8 to 5');
    expect(ratingChange({ before: '5', after: '5' })).toContain('stayed at 5');
    expect(ratingChange({ before: '3', after: '6' })).toContain('another skill');
    expect(ratingChange({ before: '3' })).toBeNull();
    expect(ratingChange({ before: 'x', after: '2' })).toBeNull();
  });
});

describe('breathAt (paced breathing)', () => {
  const step: BreathingStep = {
    kind: 'breathing',
    title: 'Paced breathing',
    body: '',
    inhaleSeconds: 4,
    holdSeconds: 2,
    exhaleSeconds: 6,
    cycles: 2,
  };

  it('walks in → hold → out and counts cycles', () => {
    expect(breathAt(step, 0)).toEqual({ phase: 'in', secondsLeft: 4, cycle: 1, done: false });
    expect(breathAt(step, 3)).toEqual({ phase: 'in', secondsLeft: 1, cycle: 1, done: false });
    expect(breathAt(step, 4)).toEqual({ phase: 'hold', secondsLeft: 2, cycle: 1, done: false });
    expect(breathAt(step, 6)).toEqual({ phase: 'out', secondsLeft: 6, cycle: 1, done: false });
    expect(breathAt(step, 12)).toEqual({ phase: 'in', secondsLeft: 4, cycle: 2, done: false });
    expect(breathAt(step, 24).done).toBe(true);
  });

  it('skips a zero-length hold and survives negative time', () => {
    const noHold = { ...step, holdSeconds: 0 };
    expect(breathAt(noHold, 4).phase).toBe('out');
    expect(breathAt(noHold, -5)).toEqual({ phase: 'in', secondsLeft: 4, cycle: 1, done: false });
  });
});

describe('clock', () => {
  it('formats minutes and seconds', () => {
    expect(clock(600)).toBe('10:00');
    expect(clock(65)).toBe('1:05');
    expect(clock(-4)).toBe('0:00');
  });
});

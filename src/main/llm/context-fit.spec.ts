import { describe, expect, it } from 'vitest';
import { fitToContext } from './context-fit';
import type { ChatTurn } from './provider';

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
const o = { contextSize: 200, reserve: 40, countTokens: words, perTurnOverhead: 2 };
const turn = (i: number): ChatTurn => ({ role: i % 2 ? 'assistant' : 'user', text: `turn${i} ${'w '.repeat(9)}` });

describe('fitToContext', () => {
  it('keeps everything when it fits', () => {
    const history = [turn(0), turn(1)];
    expect(fitToContext('sys', history, 'hi', o)).toEqual({ system: 'sys', history, dropped: 0 });
  });

  it('keeps the system prompt and newest turns, summarising older ones', () => {
    const history = Array.from({ length: 40 }, (_, i) => turn(i));
    const fitted = fitToContext('sys', history, 'now', o);
    expect(fitted.system.startsWith('sys\n\n(Earlier in this conversation')).toBe(true);
    expect(fitted.history.at(-1)).toEqual(history.at(-1));
    expect(fitted.dropped + fitted.history.length).toBe(40);
    const total =
      words(fitted.system) + 2 + fitted.history.reduce((n, t) => n + words(t.text) + 2, 0) + words('now') + 2 + 40;
    expect(total).toBeLessThanOrEqual(200);
  });

  it('never cuts the current message: too long is CONTEXT_OVERFLOW with an explanation', () => {
    expect(() => fitToContext('sys', [], 'x '.repeat(500), o)).toThrow(
      expect.objectContaining({ code: 'CONTEXT_OVERFLOW', message: expect.stringContaining('too long') }),
    );
  });
});

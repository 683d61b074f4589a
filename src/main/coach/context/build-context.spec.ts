import { describe, expect, it } from 'vitest';
import { COACH_SYSTEM_PROMPT, CONCERN_INSTRUCTION, CRISIS_REPLY } from '../prompts/index';
import { buildCoachContext, type CoachTurn } from './build-context';

const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;
const turns = (n: number): CoachTurn[] =>
  Array.from({ length: n }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    text: `turn ${i} ${'w '.repeat(20)}`,
  }));
const base = { suggestions: ['tipp', 'stop'], level: 'none' as const, countTokens: words, perTurnOverhead: 2 };

describe('buildCoachContext', () => {
  it('puts the coach prompt, suggested skills with descriptions and the current message in place', () => {
    const ctx = buildCoachContext({ ...base, history: turns(2), userText: 'I am panicking', maxTokens: 10_000 });
    expect(ctx.system.startsWith(COACH_SYSTEM_PROMPT)).toBe(true);
    expect(ctx.system).toContain('- TIPP: ');
    expect(ctx.system).toContain('- STOP: ');
    expect(ctx.system).not.toContain(CONCERN_INSTRUCTION);
    expect(ctx.messages.at(-1)).toEqual({ role: 'user', text: 'I am panicking' });
    expect(ctx.messages).toHaveLength(3);
    expect(ctx.droppedTurns).toBe(0);
    expect(ctx.promptVersion).toBe('v1');
  });

  it('adds the diary card only when given, and the safety check-in on concern', () => {
    const withDiary = buildCoachContext({
      ...base,
      history: [],
      userText: 'hi',
      maxTokens: 10_000,
      diaryToday: 'sadness 3',
    });
    expect(withDiary.system).toContain("Today's diary card");
    const concern = buildCoachContext({ ...base, level: 'concern', history: [], userText: 'hi', maxTokens: 10_000 });
    expect(concern.system).toContain(CONCERN_INSTRUCTION);
    const unknown = buildCoachContext({
      ...base,
      suggestions: ['nope'],
      history: [],
      userText: 'hi',
      maxTokens: 10_000,
    });
    expect(unknown.system).toBe(COACH_SYSTEM_PROMPT);
  });

  it('keeps the newest turns and a summary line for older ones within the budget', () => {
    const history = turns(30);
    const ctx = buildCoachContext({ ...base, history, userText: 'now', maxTokens: 600 });
    const total = words(ctx.system) + 2 + ctx.messages.reduce((n, m) => n + words(m.text) + 2, 0);
    expect(total).toBeLessThanOrEqual(600);
    expect(ctx.droppedTurns).toBeGreaterThan(0);
    expect(ctx.messages[0]?.text).toMatch(/^\(Earlier in this conversation: \d+ messages/);
    expect(ctx.messages.at(-2)).toEqual(history.at(-1));
    expect(ctx.messages.at(-1)?.text).toBe('now');
    expect(ctx.messages.slice(1, -1)).toEqual(history.slice(history.length - (ctx.messages.length - 2)));
  });

  it('never cuts the current message: too long is CONTEXT_OVERFLOW', () => {
    const long = 'w '.repeat(5000);
    expect(() => buildCoachContext({ ...base, history: [], userText: long, maxTokens: 1000 })).toThrow(
      expect.objectContaining({ code: 'CONTEXT_OVERFLOW' }),
    );
    const justFits = buildCoachContext({
      ...base,
      history: turns(4),
      userText: 'w '.repeat(300),
      maxTokens: 310 + words(buildCoachContext({ ...base, history: [], userText: '', maxTokens: 1e6 }).system),
    });
    expect(justFits.messages.at(-1)?.text).toBe('w '.repeat(300));
  });

  it('has a fixed crisis reply that points to people and the safety plan', () => {
    expect(CRISIS_REPLY).toMatch(/safety plan/);
    expect(CRISIS_REPLY).toMatch(/emergency/);
  });
});

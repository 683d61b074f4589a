import { describe, expect, it } from 'vitest';
import type { ReplyScreen } from './chat-types';
import { ScreenedReply } from './screened-reply';

function setup(screen: (text: string) => ReplyScreen) {
  let now = 1_000;
  const shown: { text: string; replace?: true; level?: string }[] = [];
  const screened: string[] = [];
  const reply = new ScreenedReply({
    screen: (text) => {
      screened.push(text);
      return screen(text);
    },
    show: (piece) => shown.push(piece),
    everyMs: 16,
    now: () => now,
  });
  return { reply, shown, screened, tick: (ms: number) => (now += ms) };
}

const allow = (): ReplyScreen => ({ level: 'none' });
const blockOn =
  (word: string) =>
  (text: string): ReplyScreen =>
    text.includes(word) ? { level: 'crisis', replacement: 'SAFE REPLY' } : { level: 'none' };

describe('ScreenedReply', () => {
  it('shows the first piece at once, and every piece only after the screen saw the whole reply so far', async () => {
    const { reply, shown, screened, tick } = setup(allow);
    expect(await reply.push('Hello')).toBe(true);
    expect(shown).toEqual([{ text: 'Hello' }]);
    expect(screened).toEqual(['Hello']);
    tick(20);
    await reply.push(' there');
    expect(screened.at(-1)).toBe('Hello there');
    expect(shown.at(-1)).toEqual({ text: ' there' });
  });

  it('gathers pieces that arrive within one frame and screens them together', async () => {
    const { reply, shown, screened, tick } = setup(allow);
    await reply.push('a');
    for (const p of ['b', 'c', 'd']) {
      tick(2);
      await reply.push(p);
    }
    expect(shown).toEqual([{ text: 'a' }]);
    expect(screened).toEqual(['a']);
    tick(20);
    await reply.push('e');
    expect(screened).toEqual(['a', 'abcde']);
    expect(shown).toEqual([{ text: 'a' }, { text: 'bcde' }]);
    expect(reply.text).toBe('abcde');
  });

  it('flush shows what is still waiting, screened', async () => {
    const { reply, shown } = setup(allow);
    await reply.push('one');
    await reply.push(' two');
    expect(await reply.flush()).toBe(true);
    expect(shown.map((s) => s.text).join('')).toBe('one two');
    expect(await reply.flush()).toBe(true);
    expect(shown).toHaveLength(2);
  });

  it('never shows blocked text, even when it was split across pieces gathered in one frame', async () => {
    const { reply, shown } = setup(blockOn('danger'));
    await reply.push('fine ');
    await reply.push('dan');
    await reply.push('ger words');
    expect(await reply.flush()).toBe(false);
    expect(shown).toEqual([{ text: 'fine ' }, { text: 'SAFE REPLY', replace: true, level: 'crisis' }]);
    expect(reply.blocked).toBe(true);
    expect(reply.text).toBe('SAFE REPLY');
    expect(await reply.push('more')).toBe(false);
    expect(await reply.flush()).toBe(false);
    expect(shown).toHaveLength(2);
  });
});

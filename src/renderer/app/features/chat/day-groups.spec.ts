import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../shared/api';
import { mergeDays, toSections, withoutConversation } from './day-groups';

const conv = (id: string, pinned = false): Conversation => ({
  id,
  title: `T ${id}`,
  createdAt: 0,
  updatedAt: 0,
  provider: 'local',
  model: null,
  pinned,
  archived: false,
});

describe('toSections', () => {
  const now = new Date(2025, 4, 10, 12, 0);

  it('puts Pinned first, then Today, Yesterday and dates, newest first', () => {
    const sections = toSections(
      [conv('p', true)],
      [
        { day: '2025-05-01', conversations: [conv('old')] },
        { day: '2025-05-10', conversations: [conv('a'), conv('p', true)] },
        { day: '2025-05-09', conversations: [conv('b')] },
      ],
      now,
      'en-GB',
    );
    expect(sections.map((s) => s.label)).toEqual(['Pinned', 'Today', 'Yesterday', expect.stringMatching(/1 May/)]);
    // A pinned conversation is listed once, under Pinned.
    expect(sections[1]?.conversations.map((c) => c.id)).toEqual(['a']);
  });

  it('drops days left empty and shows nothing for no conversations', () => {
    expect(toSections([conv('p', true)], [{ day: '2025-05-10', conversations: [conv('p', true)] }], now)).toHaveLength(
      1,
    );
    expect(toSections([], [], now)).toEqual([]);
  });

  it('labels days across a year boundary', () => {
    const jan1 = new Date(2026, 0, 1, 0, 1);
    const s = toSections([], [{ day: '2025-12-31', conversations: [conv('x')] }], jan1, 'en-GB');
    expect(s[0]?.label).toBe('Yesterday');
  });
});

describe('mergeDays', () => {
  it('joins a day split across pages and skips conversations already shown', () => {
    const merged = mergeDays(
      [{ day: '2025-05-10', conversations: [conv('a'), conv('b')] }],
      [
        { day: '2025-05-10', conversations: [conv('b'), conv('c')] },
        { day: '2025-05-09', conversations: [conv('d')] },
      ],
    );
    expect(merged.map((g) => [g.day, g.conversations.map((c) => c.id)])).toEqual([
      ['2025-05-10', ['a', 'b', 'c']],
      ['2025-05-09', ['d']],
    ]);
  });

  it('does not change the groups it was given', () => {
    const shown = [{ day: '2025-05-10', conversations: [conv('a')] }];
    mergeDays(shown, [{ day: '2025-05-10', conversations: [conv('z')] }]);
    expect(shown[0]?.conversations).toHaveLength(1);
  });
});

describe('withoutConversation', () => {
  it('removes the conversation and any day it leaves empty', () => {
    const left = withoutConversation(
      [
        { day: '2025-05-10', conversations: [conv('a')] },
        { day: '2025-05-09', conversations: [conv('b'), conv('c')] },
      ],
      'a',
    );
    expect(left.map((g) => g.day)).toEqual(['2025-05-09']);
  });
});

import { describe, expect, it } from 'vitest';
import { chosenItems } from './handoff-items';

describe('chosenItems', () => {
  it('sends the week from its Monday, each chain once, then the plan', () => {
    expect(
      chosenItems({ week: '2025-03-06', includeWeek: true, includePlan: true, chainIds: ['a', 'b', 'a'] }),
    ).toEqual([
      { kind: 'diaryWeek', start: '2025-03-03' },
      { kind: 'chain', id: 'a' },
      { kind: 'chain', id: 'b' },
      { kind: 'safetyPlan' },
    ]);
  });

  it('skips a bad date and caps the packet at 20 items', () => {
    expect(chosenItems({ week: '2025-02-30', includeWeek: true, includePlan: false, chainIds: [] })).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => `c${i}`);
    expect(chosenItems({ week: '', includeWeek: false, includePlan: true, chainIds: many })).toHaveLength(20);
  });
});

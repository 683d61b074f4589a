import { describe, expect, it } from 'vitest';
import { cleanPlan, EMPTY_PLAN, PLAN_SECTIONS, samePlan } from './plan-sections';

describe('safety plan sections', () => {
  it('covers the six Stanley–Brown steps and reasons for living, once each', () => {
    expect(PLAN_SECTIONS.map((s) => s.key)).toEqual([
      'warningSigns',
      'copingStrategies',
      'distractions',
      'helpers',
      'professionals',
      'saferEnvironment',
      'reasonsForLiving',
    ]);
  });

  it('saves trimmed text and drops blank rows', () => {
    const plan = cleanPlan({
      ...EMPTY_PLAN,
      warningSigns: ['  racing thoughts ', '', '   '],
      helpers: [
        { name: ' Sam ', phone: ' 0123 ' },
        { name: '', phone: '' },
      ],
      distractions: [{ name: '', detail: ' the park ' }],
    });
    expect(plan.warningSigns).toEqual(['racing thoughts']);
    expect(plan.helpers).toEqual([{ name: 'Sam', phone: '0123' }]);
    expect(plan.distractions).toEqual([{ name: '', detail: 'the park' }]);
  });

  it('treats whitespace-only edits as no change', () => {
    expect(samePlan(EMPTY_PLAN, { ...EMPTY_PLAN, reasonsForLiving: [' '] })).toBe(true);
    expect(samePlan(EMPTY_PLAN, { ...EMPTY_PLAN, reasonsForLiving: ['my cat'] })).toBe(false);
  });
});

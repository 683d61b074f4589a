import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SafetyPlan } from '../../shared/api/journal';
import { EMPTY_SAFETY_PLAN } from './safety-plan';
import { harness, type Harness } from './test-support';

let h: Harness;
let t = 1_000;
beforeEach(() => {
  h = harness('Alex', { now: () => (t += 1000) });
});
afterEach(() => h.cleanup());

const plan: SafetyPlan = {
  ...EMPTY_SAFETY_PLAN,
  warningSigns: ['Not sleeping', 'Skipping meals'],
  helpers: [{ name: 'Sam', phone: '+44 20 7946 0000' }],
  reasonsForLiving: ['My dog'],
};

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

it('starts empty at version 0', () => {
  expect(h.service.safetyPlan()).toEqual({ plan: EMPTY_SAFETY_PLAN, version: 0, savedAt: null });
  expect(h.service.safetyPlanVersions()).toEqual([]);
});

it('keeps every saved version, newest first, and reads old ones', () => {
  const v1 = h.service.saveSafetyPlan(plan, 0);
  const v2 = h.service.saveSafetyPlan({ ...plan, reasonsForLiving: ['My dog', 'My sister'] }, 1);
  expect([v1.version, v2.version]).toEqual([1, 2]);
  expect(h.service.safetyPlan().plan.reasonsForLiving).toEqual(['My dog', 'My sister']);
  expect(h.service.safetyPlan(1).plan.reasonsForLiving).toEqual(['My dog']);
  expect(h.service.safetyPlanVersions().map((v) => v.version)).toEqual([2, 1]);
  expect(code(() => h.service.safetyPlan(9))).toBe('NOT_FOUND');
});

it('refuses to overwrite a version saved elsewhere (CONFLICT) and keeps the newer one', () => {
  h.service.saveSafetyPlan(plan, 0);
  h.service.saveSafetyPlan({ ...plan, warningSigns: ['newer'] }, 1);
  expect(code(() => h.service.saveSafetyPlan({ ...plan, warningSigns: ['stale'] }, 1))).toBe('CONFLICT');
  expect(h.service.safetyPlan().plan.warningSigns).toEqual(['newer']);
});

it('needs an unlocked vault', () => {
  h.lock();
  expect(code(() => h.service.safetyPlan())).toBe('LOCKED');
});

import { inject, Injectable } from '@angular/core';
import type { ApiResult } from '../../../../shared/api';
import { safetyPlanSchema, type SafetyPlan } from '../../../../shared/api/journal-schemas';
import { ApiClient } from '../../core/api-client';

/**
 * Reads the user's own safety plan for the crisis view. 'safetyPlan.get' belongs to the journal contract,
 * which is merged into the method table separately: the call goes through an untyped view of the client and
 * the answer is validated here, so the crisis view works (showing a link instead) before and after it lands.
 */
@Injectable({ providedIn: 'root' })
export class SafetyPlanSource {
  private readonly api = inject(ApiClient);

  async load(): Promise<SafetyPlan | null> {
    const call = this.api.call.bind(this.api) as unknown as (m: string, i: unknown) => Promise<ApiResult<unknown>>;
    const r = await call('safetyPlan.get', {});
    if (!r.ok || typeof r.value !== 'object' || r.value === null) return null;
    const parsed = safetyPlanSchema.safeParse((r.value as { plan?: unknown }).plan);
    return parsed.success && !isEmptyPlan(parsed.data) ? parsed.data : null;
  }
}

export function isEmptyPlan(plan: SafetyPlan): boolean {
  return Object.values(plan).every((list) => Array.isArray(list) && list.length === 0);
}

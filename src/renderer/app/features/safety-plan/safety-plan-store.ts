import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, SafetyPlan } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { cleanPlan, EMPTY_PLAN, samePlan } from './plan-sections';

/** The safety plan being edited, the last saved version, and saving with conflict detection. */
@Injectable()
export class SafetyPlanStore {
  private readonly api = inject(ApiClient);
  readonly plan = signal<SafetyPlan>(EMPTY_PLAN);
  private readonly saved = signal<SafetyPlan>(EMPTY_PLAN);
  readonly version = signal(0);
  readonly savedAt = signal<number | null>(null);
  readonly loading = signal(true);
  readonly saving = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly status = signal('');
  readonly dirty = computed(() => !samePlan(this.plan(), this.saved()));

  async load(): Promise<void> {
    this.loading.set(true);
    const r = await this.api.call('safetyPlan.get', {});
    this.loading.set(false);
    if (!r.ok) {
      this.error.set(r.error);
      return;
    }
    this.error.set(null);
    this.plan.set(r.value.plan);
    this.saved.set(r.value.plan);
    this.version.set(r.value.version);
    this.savedAt.set(r.value.savedAt);
  }

  update<K extends keyof SafetyPlan>(key: K, items: SafetyPlan[K]): void {
    this.plan.update((p) => ({ ...p, [key]: items }));
  }

  async save(): Promise<void> {
    const plan = cleanPlan(this.plan());
    this.saving.set(true);
    const r = await this.api.call('safetyPlan.save', { plan, baseVersion: this.version() });
    this.saving.set(false);
    if (!r.ok) {
      this.status.set(
        r.error.code === 'CONFLICT'
          ? 'Your plan was changed somewhere else since you opened it. Copy anything new, then reload the page.'
          : r.error.message,
      );
      if (r.error.code === 'LOCKED') this.error.set(r.error);
      return;
    }
    this.plan.set(plan);
    this.saved.set(plan);
    this.version.set(r.value.version);
    this.savedAt.set(r.value.savedAt);
    this.status.set('Your safety plan is saved and encrypted.');
  }
}

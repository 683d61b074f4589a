import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import type { ManagedSetting, ManagedSettingId, PolicyState } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { ThemeService } from '../../core/theme/theme-service';

/**
 * The organisation's policy as the main process applies it (`policy.get`). The main process enforces it;
 * the renderer only explains it: locked controls, their reasons, and the broken-policy banner.
 */
@Injectable({ providedIn: 'root' })
export class PolicyStore {
  private readonly api = inject(ApiClient);
  private readonly theme = inject(ThemeService);
  private readonly document = inject(DOCUMENT);
  private loading: Promise<void> | null = null;
  readonly state = signal<PolicyState | null>(null);
  readonly managed = computed(() => this.state()?.managed ?? []);
  readonly warning = computed(() => this.state()?.warning ?? null);

  /** Loads once (the policy is read once per app start); also applies the default theme and language. */
  load(): Promise<void> {
    this.loading ??= this.api.call('policy.get', {}).then((r) => {
      if (!r.ok) return;
      this.state.set(r.value);
      const e = r.value.effective;
      // A default, not a lock: only when the person has not picked a theme yet.
      if (e.defaultTheme && this.theme.preference() === 'system') this.theme.setPreference(e.defaultTheme);
      if (e.language) this.document.documentElement.lang = e.language;
    });
    return this.loading;
  }

  entry(setting: ManagedSettingId): ManagedSetting | undefined {
    return this.managed().find((m) => m.setting === setting);
  }

  isLocked(setting: ManagedSettingId): boolean {
    return this.entry(setting)?.locked ?? false;
  }
}

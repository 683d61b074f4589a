import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { ConnectionRecord, MethodInput, ProviderSettings } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';

/** Keeps the log bounded in memory; the full log stays in the main process. */
const MAX_CONNECTIONS = 500;

/**
 * Provider settings and the offline switch, shared by Settings and the chat header (provider picker,
 * Offline/Online chip). The API key is write-only: the renderer only ever learns whether one is set.
 */
@Injectable({ providedIn: 'root' })
export class PrivacyStore {
  private readonly api = inject(ApiClient);
  readonly settings = signal<ProviderSettings | null>(null);
  readonly connections = signal<ConnectionRecord[]>([]);
  readonly error = signal<string | null>(null);
  readonly offline = computed(() => this.settings()?.offline ?? true);

  constructor() {
    const sub = this.api.on('privacy.connection').subscribe((c) => {
      this.connections.update((list) => [c, ...list].slice(0, MAX_CONNECTIONS));
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  async refresh(): Promise<void> {
    const r = await this.api.call('providers.get', {});
    if (r.ok) this.settings.set(r.value);
    else this.error.set(r.error.message);
  }

  async refreshConnections(): Promise<void> {
    const r = await this.api.call('privacy.connections', {});
    if (!r.ok) {
      this.error.set(r.error.message);
      return;
    }
    // Newest first, like the live events.
    this.connections.set([...r.value.connections].reverse().slice(0, MAX_CONNECTIONS));
    this.settings.update((s) => (s ? { ...s, offline: r.value.offline } : s));
  }

  async setOffline(offline: boolean): Promise<boolean> {
    const r = await this.api.call('privacy.setOffline', { offline });
    if (!r.ok) {
      this.error.set(r.error.message);
      return false;
    }
    this.error.set(null);
    this.settings.update((s) => (s ? { ...s, offline: r.value.offline } : s));
    return true;
  }

  async setProviders(input: MethodInput<'providers.set'>): Promise<boolean> {
    const r = await this.api.call('providers.set', input);
    if (!r.ok) {
      this.error.set(r.error.message);
      return false;
    }
    this.error.set(null);
    this.settings.set(r.value);
    return true;
  }
}

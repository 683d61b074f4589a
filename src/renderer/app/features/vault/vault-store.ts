import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';
import type { ApiError, MethodOutput } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { FirstRun } from '../../core/first-run';

type Status = MethodOutput<'vault.status'>;
type Summary = MethodOutput<'vault.list'>['vaults'][number];

/** Screens reachable while locked. Everything else needs an unlocked vault once one exists. */
const OPEN_PATHS = ['/welcome', '/onboarding', '/unlock'];

/**
 * The vault's state in the renderer: which vaults exist, whether one is unlocked, and the lock behaviour.
 * On 'vault.locked' (button, idle timeout, OS lock, deletion) the page is reloaded at /unlock: that drops
 * every screen's in-memory state at once, which is the only wipe that cannot forget a store.
 */
@Injectable({ providedIn: 'root' })
export class VaultStore {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly firstRun = inject(FirstRun);
  readonly status = signal<Status | null>(null);
  readonly vaults = signal<Summary[]>([]);
  private staleSession = false;

  constructor() {
    const stop = this.api
      .on('vault.locked')
      .subscribe((e) => (e.reason === 'switched' ? this.switched() : this.wipe()));
    const nav = this.router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe(() => void this.guard());
    inject(DestroyRef).onDestroy(() => {
      stop.unsubscribe();
      nav.unsubscribe();
    });
    void this.refresh().then(() => this.guard());
  }

  async refresh(): Promise<void> {
    const [status, list] = await Promise.all([this.api.call('vault.status', {}), this.api.call('vault.list', {})]);
    if (status.ok) this.status.set(status.value);
    if (list.ok) {
      this.vaults.set(list.value.vaults);
      if (list.value.vaults.length > 0) this.firstRun.markSetUp();
    }
  }

  async lock(): Promise<ApiError | null> {
    const r = await this.api.call('vault.lock', {});
    return r.ok ? null : r.error;
  }

  /**
   * Goes to a screen after a vault was created or unlocked. If that closed another vault, the page is
   * reloaded there instead, so nothing from the earlier session survives in memory.
   */
  async enter(url: string): Promise<void> {
    await this.refresh();
    if (this.staleSession) window.location.replace(url);
    else await this.router.navigateByUrl(url);
  }

  /**
   * Another vault was created or unlocked from this page (onboarding or unlock), which closed the open
   * one. Reloading now would lose that page's result (a recovery code is shown only once), so the
   * reload waits for enter().
   */
  private switched(): void {
    this.staleSession = true;
  }

  /** Reload at /unlock: the renderer keeps nothing from the session that just ended. */
  wipe(): void {
    this.status.set(null);
    this.vaults.set([]);
    window.location.replace('/unlock');
  }

  /** While a vault exists but none is unlocked, only the welcome, onboarding and unlock screens are shown. */
  private async guard(): Promise<void> {
    const s = this.status();
    if (!s || s.unlocked || this.vaults().length === 0) return;
    const path = this.router.url.split(/[?#]/)[0] ?? '/';
    if (!OPEN_PATHS.includes(path)) await this.router.navigateByUrl('/unlock');
  }
}

/** Calm, typed error text for the vault screens (never the server's raw detail). */
export function vaultErrorText(error: ApiError): string {
  switch (error.code) {
    case 'WRONG_PASSPHRASE':
      return 'That passphrase did not open this vault. Check for typing mistakes and try again.';
    case 'RATE_LIMITED':
      return 'Too many attempts. Please wait a moment, then try again.';
    case 'VAULT_BUSY':
      return 'This vault is open in another window or app. Close it there first.';
    case 'UNAVAILABLE':
      return 'The app is reconnecting. Please try again in a moment.';
    default:
      return error.message;
  }
}

import { Injectable, signal } from '@angular/core';

/**
 * Whether this device has a vault yet. Until the vault screens ask the main process (vault status),
 * every start counts as a first run and '' shows the welcome screen. The vault feature calls
 * markSetUp() once a vault exists, after which '' opens Chat.
 */
@Injectable({ providedIn: 'root' })
export class FirstRun {
  private readonly firstRun = signal(true);
  readonly isFirstRun = this.firstRun.asReadonly();

  markSetUp(): void {
    this.firstRun.set(false);
  }
}

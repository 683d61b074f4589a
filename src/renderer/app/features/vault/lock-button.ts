import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { VaultStore } from './vault-store';

/** The toolbar's lock control: shown on every screen while a vault is unlocked. */
@Component({
  selector: 'app-lock-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (unlocked()) {
      <button mat-icon-button type="button" aria-label="Lock" title="Lock" (click)="store.lock()">
        <mat-icon svgIcon="lock" aria-hidden="true" />
      </button>
    }
  `,
})
export class LockButton {
  protected readonly store = inject(VaultStore);
  protected readonly unlocked = computed(() => this.store.status()?.unlocked === true);
}

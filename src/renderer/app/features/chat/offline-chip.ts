import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PrivacyStore } from '../settings/privacy-store';

/** Offline / Online at a glance; it links to Settings → Privacy, where the switch and the log are. */
@Component({
  selector: 'app-offline-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <a
      class="chip"
      routerLink="/settings"
      fragment="privacy"
      [class.online]="!privacy.offline()"
      [attr.aria-label]="
        privacy.offline() ? 'Offline: nothing leaves this computer. Privacy settings' : 'Online. Privacy settings'
      "
      >{{ privacy.offline() ? 'Offline' : 'Online' }}</a
    >
  `,
  styles: `
    .chip {
      display: inline-block;
      padding: 4px 12px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      text-decoration: none;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .chip.online {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class OfflineChip {
  protected readonly privacy = inject(PrivacyStore);
}

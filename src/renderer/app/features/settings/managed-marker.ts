import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { ManagedSettingId } from '../../../../shared/api';
import { PolicyStore } from './policy-store';

/** One line under a control the organisation manages: a lock and the reason. Renders nothing otherwise. */
@Component({
  selector: 'app-managed-marker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    @if (entry(); as m) {
      <p class="managed" [attr.data-setting]="m.setting">
        @if (m.locked) {
          <mat-icon svgIcon="lock" aria-hidden="true" inline />
        }
        <span>{{ m.locked ? 'Managed' : 'Default set' }} by your organisation: {{ m.reason }}</span>
      </p>
    }
  `,
  styles: `
    .managed {
      display: flex;
      gap: 6px;
      align-items: baseline;
      margin: 4px 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ManagedMarker {
  readonly setting = input.required<ManagedSettingId>();
  private readonly policy = inject(PolicyStore);
  protected readonly entry = computed(() => this.policy.entry(this.setting()));

  constructor() {
    void this.policy.load();
  }
}

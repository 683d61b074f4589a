import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { MethodOutput } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { PlaceholderPage } from '../../shared/placeholder-page';
import { SecurityPanel } from '../vault/security-panel';

type AppInfo = MethodOutput<'app.info'>;

@Component({
  selector: 'app-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PlaceholderPage, SecurityPanel],
  template: `
    <app-placeholder-page
      heading="Settings"
      icon="settings"
      summary="This is where you will choose your theme, your coach's model, the optional relay and backups."
    >
      <p class="about" role="status">
        @if (info(); as i) {
          {{ i.name }} version {{ i.version }}
        } @else if (failed()) {
          The version could not be read just now.
        } @else {
          Reading the version…
        }
      </p>
    </app-placeholder-page>
    <app-security-panel />
  `,
  styles: `
    .about {
      font: var(--mat-sys-body-medium);
    }
  `,
})
export default class SettingsPage {
  private readonly api = inject(ApiClient);
  protected readonly info = signal<AppInfo | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    void this.api.call('app.info', {}).then((result) => {
      if (result.ok) this.info.set(result.value);
      else this.failed.set(true);
    });
  }
}

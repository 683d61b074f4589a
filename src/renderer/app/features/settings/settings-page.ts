import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { MethodOutput } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { ManagedPanel } from './managed-panel';
import { ModelsPanel } from './models-panel';
import { PrivacyPanel } from './privacy-panel';
import { ProvidersPanel } from './providers-panel';
import { SecurityPanel } from '../vault/security-panel';
import { BackupsPanel } from '../history/backups-panel';
import { ExportPanel } from '../history/export-panel';

type AppInfo = MethodOutput<'app.info'>;

/**
 * Settings is a host of panels, one line each in `imports` and in the template, so each feature adds
 * its own panel (Security, Backups…) without touching the others.
 */
@Component({
  selector: 'app-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    // One panel per line here and in the template.
    ManagedPanel,
    ModelsPanel,
    ProvidersPanel,
    PrivacyPanel,
    SecurityPanel,
    BackupsPanel,
    ExportPanel,
  ],
  template: `
    <div class="settings">
      <h1>Settings</h1>
      <app-managed-panel />
      <app-models-panel />
      <app-providers-panel />
      <app-privacy-panel />
      <app-security-panel />
      <app-backups-panel />
      <app-export-panel />
      <p class="about" role="status">
        @if (info(); as i) {
          {{ i.name }} version {{ i.version }}
        } @else if (failed()) {
          The version could not be read just now.
        } @else {
          Reading the version…
        }
      </p>
    </div>
  `,
  styles: `
    .settings {
      max-width: 56rem;
      margin: 0 auto;
      padding: 1rem;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
    }
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

import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { BundleImportResult } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { bytes } from './format';
import { ProgressTracker } from './progress-tracker';

type Confirmation = Extract<BundleImportResult, { state: 'needs-confirmation' }>;

/**
 * Settings → Models → Import bundle from folder: a signed bundle from a USB stick. The main process checks
 * the signature, every file's size, SHA-256 and header, and installs all or nothing; this only asks for the
 * folder, shows progress, and (with no clinic key in the policy) asks the person to confirm the signer.
 */
@Component({
  selector: 'app-bundle-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    <h3 id="bundle-h">Import bundle from folder</h3>
    <form class="row" (ngSubmit)="start()" aria-labelledby="bundle-h">
      <mat-form-field appearance="outline" class="grow">
        <mat-label>Path to a model bundle folder</mat-label>
        <input matInput name="bundlePath" [(ngModel)]="path" autocomplete="off" spellcheck="false" />
        <mat-hint
          >A folder with manifest.json and manifest.sig, for example on a USB stick from your IT staff.</mat-hint
        >
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">Import bundle</button>
    </form>
    @if (bar(); as b) {
      <div class="bar">
        <span>{{ b.label }}</span>
        <mat-progress-bar
          [mode]="b.fraction === null ? 'indeterminate' : 'determinate'"
          [value]="(b.fraction ?? 0) * 100"
          [attr.aria-label]="b.label"
        />
      </div>
    }
    @if (confirm(); as c) {
      <div class="card" role="group" aria-labelledby="bundle-confirm-h">
        <p id="bundle-confirm-h">
          This bundle is signed by the key with fingerprint <strong class="fp">{{ c.fingerprint }}</strong>. Compare it
          with the fingerprint your IT staff gave you. Import only if they match.
        </p>
        <ul>
          @for (f of c.files; track f.name) {
            <li>{{ f.name }} — {{ size(f.size) }} — {{ f.license ?? 'no license given' }}</li>
          }
        </ul>
        <div class="row">
          <button mat-flat-button type="button" (click)="trust(c)" [disabled]="busy()">They match: import</button>
          <button mat-button type="button" (click)="confirm.set(null)" [disabled]="busy()">Cancel</button>
        </div>
      </div>
    }
    <p class="hint" role="status">{{ status() }}</p>
    @if (error(); as e) {
      <p class="error" role="alert">{{ e }}</p>
    }
  `,
  styleUrl: './panels.scss',
  styles: `
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    .fp {
      font-family: monospace;
      white-space: nowrap;
    }
  `,
})
export class BundleImport {
  private readonly api = inject(ApiClient);
  private readonly progress = inject(ProgressTracker);
  /** Emitted after models were installed, so the host can refresh its list. */
  readonly imported = output<void>();
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly confirm = signal<Confirmation | null>(null);
  protected readonly bar = computed(() => (this.busy() ? (this.progress.tasks()['model-import'] ?? null) : null));
  protected path = '';
  protected readonly size = bytes;

  protected start(): Promise<void> {
    return this.run(undefined);
  }

  protected trust(c: Confirmation): Promise<void> {
    return this.run(c.fingerprint);
  }

  private async run(confirmFingerprint: string | undefined): Promise<void> {
    const path = this.path.trim();
    if (!path || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.status.set('Checking the bundle…');
    try {
      const r = await this.api.call('models.importBundle', { path, confirmFingerprint });
      if (!r.ok) {
        this.status.set('');
        this.error.set(r.error.message);
        this.confirm.set(null);
        return;
      }
      if (r.value.state === 'needs-confirmation') {
        this.status.set('');
        this.confirm.set(r.value);
        return;
      }
      this.confirm.set(null);
      const v = r.value;
      const parts = [
        v.imported.length ? `Imported ${v.imported.join(', ')}.` : 'No new models in this bundle.',
        v.alreadyInstalled.length ? `Already installed: ${v.alreadyInstalled.join(', ')}.` : '',
        v.ignored.length ? `${v.ignored.length} file(s) not in the manifest were ignored.` : '',
      ];
      this.status.set(parts.filter(Boolean).join(' '));
      this.path = '';
      this.imported.emit();
    } finally {
      this.progress.clear('model-import');
      this.busy.set(false);
    }
  }
}

import { DestroyRef, ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { BackupInfo } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';

/** Settings → Backups: back up now, list, restore with an explicit confirmation step. */
@Component({
  selector: 'app-backups-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <section aria-labelledby="backups-h">
      <h2 id="backups-h">Backups</h2>
      <p class="hint">Backups are encrypted with your vault's key. One is made automatically each day.</p>
      <button mat-flat-button type="button" (click)="backupNow()" [disabled]="busy()">Back up now</button>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="progressLabel()" />
      }
      <p role="status" class="hint">{{ status() }}</p>
      <ul class="list">
        @for (b of backups(); track b.name) {
          <li>
            <span>{{ when(b.createdAt) }} · {{ size(b.size) }}</span>
            @if (confirming() === b.name) {
              <span class="confirm">
                Replace your current history with this backup? Newer conversations will be lost.
                <button mat-flat-button type="button" (click)="restore(b)" [disabled]="busy()">Restore</button>
                <button mat-button type="button" (click)="confirming.set(null)">Cancel</button>
              </span>
            } @else {
              <button mat-stroked-button type="button" (click)="confirming.set(b.name)" [disabled]="busy()">
                Restore…
              </button>
            }
          </li>
        } @empty {
          <li>No backups yet.</li>
        }
      </ul>
    </section>
  `,
  styles: `
    .list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .list li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .hint {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class BackupsPanel {
  private readonly api = inject(ApiClient);
  protected readonly backups = signal<BackupInfo[]>([]);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly progressLabel = signal('Working');
  protected readonly confirming = signal<string | null>(null);

  constructor() {
    this.api
      .on('progress')
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((p) => {
        if (p.task.startsWith('history.')) this.progressLabel.set(p.label);
        // "Delete all history" (Settings → Security) removed every backup: show the list as it is now.
        if (p.task === 'history.deleteAll' && p.fraction === 1) void this.refresh();
      });
    void this.refresh();
  }

  protected when(at: number): string {
    return new Date(at).toLocaleString();
  }

  protected size(bytes: number): string {
    return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
  }

  protected async backupNow(): Promise<void> {
    this.busy.set(true);
    const r = await this.api.call('history.backupNow', {});
    this.busy.set(false);
    this.status.set(r.ok ? 'Backup saved.' : r.error.message);
    await this.refresh();
  }

  protected async restore(b: BackupInfo): Promise<void> {
    this.busy.set(true);
    const r = await this.api.call('history.restoreBackup', { name: b.name });
    this.busy.set(false);
    this.confirming.set(null);
    this.status.set(r.ok ? 'Your history was restored from the backup.' : r.error.message);
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const r = await this.api.call('history.listBackups', {});
    if (r.ok) this.backups.set(r.value.backups);
    else this.status.set(r.error.code === 'LOCKED' ? 'Unlock your vault to manage backups.' : r.error.message);
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { RelaySyncResult, RelaySyncStatus } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';

/**
 * Settings → Relay backup: relay chats can also be kept on the relay, sealed to this vault's key, and restored
 * on another device. Decryption happens in the main process; this screen only sees counts.
 */
@Component({
  selector: 'app-relay-backup-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, MatSlideToggleModule],
  template: `
    <section aria-labelledby="relay-backup-h" id="relay-backup">
      <h3 id="relay-backup-h">Relay backup</h3>
      <p class="hint">
        When this is on, each conversation you have through the relay is also kept on the relay, encrypted to your
        vault's own key: the relay's operator can store it but cannot read it. Conversations marked "Don't save" are
        never kept. To get them back on another computer, open the same vault there, set the same relay, and restore.
      </p>
      @if (state(); as s) {
        <mat-slide-toggle
          [checked]="s.backup"
          [disabled]="!s.relaySet || busy()"
          (change)="setBackup($event.checked)"
          data-testid="relay-backup-toggle"
        >
          Keep an encrypted backup of relay conversations on the relay
        </mat-slide-toggle>
        <div class="row">
          <button
            mat-stroked-button
            type="button"
            [disabled]="!s.relaySet || busy()"
            (click)="restore()"
            data-testid="relay-restore"
          >
            Restore from the relay
          </button>
        </div>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Restoring from the relay" />
          <p class="hint">Downloading and decrypting on this computer…</p>
        }
        @if (!s.relaySet) {
          <p class="hint">Add a relay address above first.</p>
        }
      } @else {
        <p class="hint">Unlock your vault to manage the relay backup.</p>
      }
      <p class="hint" role="status" data-testid="relay-backup-status">{{ status() }}</p>
    </section>
  `,
  styleUrl: './panels.scss',
})
export class RelayBackupPanel {
  private readonly api = inject(ApiClient);
  protected readonly state = signal<RelaySyncStatus | null>(null);
  protected readonly busy = signal(false);
  protected readonly status = signal('');

  constructor() {
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const r = await this.api.call('relaySync.status', {});
    this.state.set(r.ok ? r.value : null);
  }

  protected async setBackup(enabled: boolean): Promise<void> {
    const r = await this.api.call('relaySync.setBackup', { enabled });
    if (!r.ok) {
      this.status.set(r.error.message);
      await this.refresh();
      return;
    }
    this.state.set(r.value);
    this.status.set(enabled ? 'Backup on: relay conversations are kept, encrypted.' : 'Backup off.');
  }

  protected async restore(): Promise<void> {
    this.busy.set(true);
    this.status.set('');
    try {
      const r = await this.api.call('relaySync.restore', {});
      this.status.set(r.ok ? describe(r.value) : r.error.message);
    } finally {
      this.busy.set(false);
      await this.refresh();
    }
  }
}

const exchanges = (n: number) => (n === 1 ? '1 exchange' : `${n} exchanges`);

export function describe(r: RelaySyncResult): string {
  if (r.exchanges === 0) return 'Nothing is backed up on this relay yet.';
  const added = r.messages / 2;
  if (added === 0) return `Everything on the relay (${exchanges(r.exchanges)}) is already here.`;
  const conv = r.conversations === 1 ? '1 new conversation' : `${r.conversations} new conversations`;
  return `Restored ${exchanges(added)} (${conv}); ${r.skipped} already here.`;
}

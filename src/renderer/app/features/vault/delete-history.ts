import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ApiClient } from '../../core/api-client';
import { KdfProgress } from './kdf-progress';
import { PassphraseField } from './passphrase-field';
import { RecoverySheet, type RecoverySheetData } from './recovery-sheet';
import { vaultErrorText } from './vault-store';

/**
 * Settings → Security → Delete all history. Two steps (open, then passphrase + "I understand") because it
 * cannot be undone: the main process removes the database and every backup and replaces the data key, so
 * copies of the old files open with nothing. The recovery code wrapped the old key, so a new sheet is shown.
 */
@Component({
  selector: 'app-delete-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, KdfProgress, PassphraseField, RecoverySheet],
  template: `
    @if (sheet(); as s) {
      <p role="status">
        Your history was deleted. Your old recovery code no longer works: print or write down this new one now.
      </p>
      <app-recovery-sheet [sheet]="s" />
      <button mat-button type="button" (click)="sheet.set(null)">I have kept the new recovery code</button>
    } @else if (!open()) {
      <p class="note">
        Removes every conversation, diary card, chain analysis and safety plan, and every backup, from this device.
      </p>
      <button mat-stroked-button type="button" class="open" (click)="open.set(true)">Delete all history…</button>
    } @else {
      <form (submit)="remove($event)" novalidate aria-label="Delete all history">
        <div id="delete-history-warning" class="warning" role="alert">
          <p><strong>This cannot be undone.</strong> It removes from this device:</p>
          <ul>
            <li>every conversation, diary card, chain analysis and your safety plan;</li>
            <li>every automatic and manual backup of them.</li>
          </ul>
          <p>
            The vault gets a new key, so copies of the old files cannot be opened, even with your passphrase. Your
            passphrase stays the same; you get a new recovery code, and the old one stops working. Files you exported
            yourself (Markdown, PDF, key backups) and chats backed up to a relay server are not removed by this.
          </p>
        </div>
        <app-passphrase-field label="Passphrase" name="delete-history-passphrase" [(value)]="passphrase" />
        <mat-checkbox [checked]="understood()" (change)="understood.set($event.checked)">
          I understand my history will be gone for good
        </mat-checkbox>
        @if (error()) {
          <p class="error-text" role="alert">{{ error() }}</p>
        }
        <app-kdf-progress [active]="busy()" />
        <div class="row">
          <button mat-flat-button type="submit" class="danger" [disabled]="busy() || !passphrase() || !understood()">
            Delete all history
          </button>
          <button mat-button type="button" (click)="cancel()" [disabled]="busy()">Cancel</button>
        </div>
      </form>
    }
  `,
  styleUrl: './vault-forms.scss',
  styles: `
    .danger:not([disabled]) {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    .warning {
      border-left: 4px solid var(--mat-sys-error);
      padding: 0.25rem 0.75rem;
      margin-bottom: 0.75rem;
    }
  `,
})
export class DeleteHistory {
  private readonly api = inject(ApiClient);
  protected readonly open = signal(false);
  protected readonly passphrase = signal('');
  protected readonly understood = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sheet = signal<RecoverySheetData | null>(null);

  protected async remove(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy() || !this.passphrase() || !this.understood()) return;
    this.busy.set(true);
    const r = await this.api.call('history.deleteAll', {
      confirm: 'DELETE ALL HISTORY',
      passphrase: this.passphrase(),
    });
    this.busy.set(false);
    this.passphrase.set('');
    if (r.ok) {
      this.cancel();
      this.sheet.set(r.value);
    } else this.error.set(vaultErrorText(r.error));
  }

  protected cancel(): void {
    this.open.set(false);
    this.understood.set(false);
    this.passphrase.set('');
    this.error.set(null);
  }
}

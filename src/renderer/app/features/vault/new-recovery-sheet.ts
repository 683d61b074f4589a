import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ApiClient } from '../../core/api-client';
import { KdfProgress } from './kdf-progress';
import { PassphraseField } from './passphrase-field';
import { RecoverySheet, type RecoverySheetData } from './recovery-sheet';
import { vaultErrorText } from './vault-store';

/** Makes a new recovery code (the old one stops working) after the passphrase is confirmed. */
@Component({
  selector: 'app-new-recovery-sheet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, KdfProgress, RecoverySheet, PassphraseField],
  template: `
    @if (sheet(); as s) {
      <app-recovery-sheet [sheet]="s" />
      <button mat-button type="button" (click)="sheet.set(null)">Hide the recovery sheet</button>
    } @else {
      <form (submit)="make($event)" novalidate>
        <p class="note">A new sheet replaces the old recovery code: the old one stops working.</p>
        <app-passphrase-field label="Passphrase" name="passphrase" [(value)]="passphrase" />
        @if (error()) {
          <p class="error-text" role="alert">{{ error() }}</p>
        }
        <app-kdf-progress [active]="busy()" />
        <button mat-stroked-button type="submit" [disabled]="busy() || !passphrase()">Make a new recovery sheet</button>
      </form>
    }
  `,
  styleUrl: './vault-forms.scss',
})
export class NewRecoverySheet {
  private readonly api = inject(ApiClient);
  protected readonly passphrase = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sheet = signal<RecoverySheetData | null>(null);

  protected async make(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    const r = await this.api.call('vault.recoverySheet', { passphrase: this.passphrase() });
    this.busy.set(false);
    this.passphrase.set('');
    if (r.ok) this.sheet.set(r.value);
    this.error.set(r.ok ? null : vaultErrorText(r.error));
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ApiClient } from '../../core/api-client';
import { KdfProgress } from './kdf-progress';
import { PassphraseField } from './passphrase-field';
import { PassphraseMeter } from './passphrase-meter';
import { vaultErrorText } from './vault-store';

/** Change the passphrase: re-wraps the key; the data and the recovery code stay as they are. */
@Component({
  selector: 'app-change-passphrase-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, KdfProgress, PassphraseMeter, PassphraseField],
  template: `
    <form (submit)="change($event)" novalidate>
      <app-passphrase-field label="Current passphrase" name="current" [(value)]="current" />
      <app-passphrase-field label="New passphrase" name="next" autocomplete="new-password" [(value)]="next" />
      <app-passphrase-meter [passphrase]="next()" [label]="label()" (acceptable)="acceptable.set($event)" />
      <app-passphrase-field
        label="Confirm new passphrase"
        name="confirm"
        autocomplete="new-password"
        [(value)]="confirm"
      />
      <p role="status" [class.error-text]="failed()">{{ message() }}</p>
      <app-kdf-progress [active]="busy()" />
      <button mat-stroked-button type="submit" [disabled]="!ready()">Change passphrase</button>
    </form>
  `,
  styleUrl: './vault-forms.scss',
})
export class ChangePassphraseForm {
  private readonly api = inject(ApiClient);
  readonly label = input.required<string>();
  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly confirm = signal('');
  protected readonly acceptable = signal(false);
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly failed = signal(false);
  protected readonly ready = computed(
    () => !this.busy() && !!this.current() && this.acceptable() && this.next() === this.confirm(),
  );

  protected async change(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.ready()) return;
    this.busy.set(true);
    const r = await this.api.call('vault.changePassphrase', {
      current: this.current(),
      next: this.next(),
      confirmNext: this.confirm(),
    });
    this.busy.set(false);
    this.failed.set(!r.ok);
    this.message.set(r.ok ? 'Passphrase changed.' : vaultErrorText(r.error));
    if (r.ok) {
      this.current.set('');
      this.next.set('');
      this.confirm.set('');
    }
  }
}

import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { BACKUP_MAX_BYTES } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { KdfProgress } from './kdf-progress';
import { PassphraseField } from './passphrase-field';
import { vaultErrorText } from './vault-store';

/** Import a .dbtvault backup with its passphrase or recovery code; a label clash asks for a new label. */
@Component({
  selector: 'app-import-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, KdfProgress, PassphraseField],
  template: `
    <form class="import" (submit)="submit($event)" novalidate aria-labelledby="import-title">
      <h2 id="import-title">Import a backup</h2>
      <input type="file" accept=".dbtvault" aria-label="Backup file" (change)="pick($event)" />
      <mat-form-field appearance="outline">
        <mat-label>Passphrase or recovery code</mat-label>
        <input
          matInput
          type="password"
          name="secret"
          autocomplete="off"
          maxlength="1024"
          [value]="secret()"
          (input)="secret.set($any($event.target).value)"
        />
        <mat-hint>With the recovery code, also choose a new passphrase below.</mat-hint>
      </mat-form-field>
      <app-passphrase-field
        label="New passphrase (only with a recovery code)"
        name="next"
        autocomplete="new-password"
        [(value)]="next"
      />
      @if (askLabel()) {
        <mat-form-field appearance="outline">
          <mat-label>New key label</mat-label>
          <input
            matInput
            name="label"
            maxlength="64"
            [value]="label()"
            (input)="label.set($any($event.target).value)"
          />
        </mat-form-field>
      }
      <p role="status" [class.error-text]="!!error()">{{ error() ?? done() }}</p>
      <app-kdf-progress [active]="busy()" />
      <button mat-stroked-button type="submit" [disabled]="busy() || !content()">Import</button>
    </form>
  `,
  styles: `
    .import {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin-top: 1.5rem;
    }
    .error-text {
      color: var(--mat-sys-error);
    }
  `,
})
export class ImportForm {
  private readonly api = inject(ApiClient);
  readonly imported = output<string>();
  protected readonly content = signal<string | null>(null);
  protected readonly secret = signal('');
  protected readonly next = signal('');
  protected readonly label = signal('');
  protected readonly askLabel = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal('');

  protected async pick(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.content.set(null);
    if (!file) return;
    if (file.size > BACKUP_MAX_BYTES) {
      this.error.set('This file is too large to be a vault backup.');
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    this.content.set(btoa(bin));
    this.error.set(null);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const contentBase64 = this.content();
    if (!contentBase64) return;
    // A recovery code is 32 base32 characters in groups; anything else is treated as the passphrase.
    const isCode = /^[0-9a-z]{4}([- ]?[0-9a-z]{4}){7}$/i.test(this.secret().trim());
    this.busy.set(true);
    const r = await this.api.call('vault.importKey', {
      contentBase64,
      ...(isCode ? { recoveryCode: this.secret(), next: this.next() || undefined } : { passphrase: this.secret() }),
      ...(this.askLabel() && this.label() ? { label: this.label() } : {}),
    });
    this.busy.set(false);
    if (r.ok) {
      this.secret.set('');
      this.next.set('');
      this.error.set(null);
      this.done.set(`Imported "${r.value.label}". You can unlock it now.`);
      this.imported.emit(r.value.label);
      return;
    }
    if (r.error.code === 'VAULT_EXISTS' && /label/.test(r.error.message)) this.askLabel.set(true);
    this.error.set(vaultErrorText(r.error));
  }
}

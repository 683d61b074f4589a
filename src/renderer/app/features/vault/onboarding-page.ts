import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import { ApiClient } from '../../core/api-client';
import { FirstRun } from '../../core/first-run';
import { KdfProgress } from './kdf-progress';
import { PassphraseField } from './passphrase-field';
import { PassphraseMeter } from './passphrase-meter';
import { RecoverySheet, type RecoverySheetData } from './recovery-sheet';
import { VaultStore, vaultErrorText } from './vault-store';

/** Create a vault: key label, passphrase with strength feedback, confirmation, then the recovery sheet. */
@Component({
  selector: 'app-onboarding-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    KdfProgress,
    PassphraseMeter,
    RecoverySheet,
    PassphraseField,
  ],
  templateUrl: './onboarding-page.html',
  styleUrl: './vault-forms.scss',
})
export default class OnboardingPage {
  private readonly api = inject(ApiClient);
  private readonly firstRun = inject(FirstRun);
  private readonly store = inject(VaultStore);
  protected readonly label = signal('');
  protected readonly passphrase = signal('');
  protected readonly confirm = signal('');
  protected readonly acceptable = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sheet = signal<RecoverySheetData | null>(null);
  protected readonly mismatch = computed(() => this.confirm().length > 0 && this.confirm() !== this.passphrase());
  protected readonly canSubmit = computed(
    () => !this.busy() && this.label().trim().length > 0 && this.acceptable() && this.confirm() === this.passphrase(),
  );

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.canSubmit()) return;
    this.busy.set(true);
    this.error.set(null);
    const r = await this.api.call('vault.create', {
      label: this.label(),
      passphrase: this.passphrase(),
      confirmPassphrase: this.confirm(),
    });
    this.busy.set(false);
    if (!r.ok) {
      this.error.set(vaultErrorText(r.error));
      return;
    }
    this.passphrase.set('');
    this.confirm.set('');
    this.firstRun.markSetUp();
    this.sheet.set(r.value);
  }

  protected async done(): Promise<void> {
    this.sheet.set(null);
    await this.store.enter('/chat');
  }
}

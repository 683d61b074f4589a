import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { MethodOutput } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { ManagedMarker } from '../settings/managed-marker';
import { PolicyStore } from '../settings/policy-store';
import { ChangePassphraseForm } from './change-passphrase-form';
import { DeleteHistory } from './delete-history';
import { DeleteVault } from './delete-vault';
import { ImportForm } from './import-form';
import { NewRecoverySheet } from './new-recovery-sheet';
import { VaultStore, vaultErrorText } from './vault-store';

const TIMEOUTS = [1, 5, 15, 30, 60, 240].map((m) => ({
  seconds: m * 60,
  text: m < 60 ? `${m} minutes` : `${m / 60} hours`,
}));

/** Settings → Security: auto-lock, remember on this device, export/import, passphrase, recovery, delete. */
@Component({
  selector: 'app-security-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatSlideToggleModule,
    ChangePassphraseForm,
    DeleteHistory,
    DeleteVault,
    ImportForm,
    NewRecoverySheet,
    ManagedMarker,
  ],
  templateUrl: './security-panel.html',
  styleUrl: './vault-forms.scss',
})
export class SecurityPanel {
  private readonly api = inject(ApiClient);
  protected readonly store = inject(VaultStore);
  protected readonly policy = inject(PolicyStore);
  protected readonly timeouts = TIMEOUTS;
  protected readonly keychain = signal<MethodOutput<'vault.keychainStatus'> | null>(null);
  protected readonly message = signal<string | null>(null);

  constructor() {
    void this.api.call('vault.keychainStatus', {}).then((r) => r.ok && this.keychain.set(r.value));
  }

  protected async setAutoLock(seconds: number): Promise<void> {
    const r = await this.api.call('vault.setAutoLock', { seconds });
    this.message.set(r.ok ? 'Auto-lock updated.' : vaultErrorText(r.error));
    await this.store.refresh();
  }

  protected async setRemember(enabled: boolean): Promise<void> {
    const r = await this.api.call('vault.setRemember', { enabled });
    this.message.set(
      r.ok
        ? enabled
          ? 'This device will remember the vault.'
          : 'This device forgot the vault.'
        : vaultErrorText(r.error),
    );
    await this.store.refresh();
  }

  protected async export(): Promise<void> {
    const r = await this.api.call('vault.exportKey', {});
    if (!r.ok) {
      this.message.set(vaultErrorText(r.error));
      return;
    }
    const bytes = Uint8Array.from(atob(r.value.contentBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.message.set('Backup saved. It is encrypted; it opens only with your passphrase or recovery code.');
  }
}

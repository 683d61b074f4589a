import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { ProviderKind } from '../../../../shared/api';
import { ManagedMarker } from './managed-marker';
import { PrivacyStore } from './privacy-store';
import { RelayBackupPanel } from './relay-backup-panel';

/**
 * Settings → Providers: the default for new conversations (each conversation can switch in its header)
 * and the OpenAI-compatible server. The API key field is write-only: it is sent to the main process,
 * kept in the vault there, and this screen only ever learns "set" or "not set".
 */
@Component({
  selector: 'app-providers-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ManagedMarker,
    RelayBackupPanel,
  ],
  templateUrl: './providers-panel.html',
  styleUrl: './panels.scss',
})
export class ProvidersPanel {
  protected readonly privacy = inject(PrivacyStore);
  protected readonly status = signal('');
  protected baseUrl = '';
  protected model = '';
  protected apiKey = '';
  protected relayUrl = '';
  private readonly relayBackup = viewChild(RelayBackupPanel);

  constructor() {
    void this.privacy.refresh();
    // Fill the form once settings arrive; later refreshes do not overwrite what the person is typing.
    let filled = false;
    effect(() => {
      const s = this.privacy.settings();
      if (!s || filled) return;
      filled = true;
      untracked(() => {
        this.baseUrl = s.server.baseUrl;
        this.model = s.server.model;
        this.relayUrl = s.relay.url;
      });
    });
  }

  protected async setDefault(kind: ProviderKind): Promise<void> {
    const ok = await this.privacy.setProviders({ defaultProvider: kind });
    this.status.set(ok ? 'Default saved.' : (this.privacy.error() ?? ''));
  }

  protected async saveServer(): Promise<void> {
    const server = {
      baseUrl: this.baseUrl.trim(),
      model: this.model.trim(),
      ...(this.apiKey ? { apiKey: this.apiKey } : {}),
    };
    const ok = await this.privacy.setProviders({ server });
    // The key leaves the renderer's memory as soon as it has been handed over.
    this.apiKey = '';
    this.status.set(ok ? 'Server settings saved.' : (this.privacy.error() ?? ''));
  }

  protected async saveRelay(): Promise<void> {
    const ok = await this.privacy.setProviders({ relay: { url: this.relayUrl.trim() } });
    this.status.set(ok ? (this.relayUrl.trim() ? 'Relay saved.' : 'Relay removed.') : (this.privacy.error() ?? ''));
    await this.relayBackup()?.refresh();
  }

  protected async clearKey(): Promise<void> {
    const ok = await this.privacy.setProviders({ server: { apiKey: '' } });
    this.status.set(ok ? 'API key removed.' : (this.privacy.error() ?? ''));
  }
}

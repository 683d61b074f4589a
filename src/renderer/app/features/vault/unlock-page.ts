import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { ApiClient } from '../../core/api-client';
import { ImportForm } from './import-form';
import { KdfProgress } from './kdf-progress';
import { PassphraseField } from './passphrase-field';
import { VaultStore, vaultErrorText } from './vault-store';

/** Pick a key label, enter the passphrase. Errors are calm and typed; a delay after failures is shown. */
@Component({
  selector: 'app-unlock-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    RouterLink,
    ImportForm,
    KdfProgress,
    PassphraseField,
  ],
  templateUrl: './unlock-page.html',
  styleUrl: './vault-forms.scss',
})
export default class UnlockPage {
  private readonly api = inject(ApiClient);
  protected readonly store = inject(VaultStore);
  protected readonly chosen = signal<string | null>(null);
  protected readonly label = computed(() => this.chosen() ?? this.store.vaults()[0]?.label ?? null);
  protected readonly remembered = computed(
    () => this.store.vaults().find((v) => v.label === this.label())?.remembered ?? false,
  );
  protected readonly passphrase = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly waitSeconds = signal(0);
  protected readonly mode = signal<'passphrase' | 'recovery' | 'import'>('passphrase');
  protected readonly code = signal('');
  protected readonly next = signal('');
  protected readonly confirm = signal('');
  private timer?: ReturnType<typeof setInterval>;

  constructor() {
    void this.store.refresh().then(() => {
      const wait = this.store.vaults().find((v) => v.label === this.label())?.retryAfterMs ?? 0;
      this.startWait(wait);
    });
  }

  protected async unlock(event: Event): Promise<void> {
    event.preventDefault();
    const label = this.label();
    if (!label || this.busy() || this.waitSeconds() > 0) return;
    const r =
      this.mode() === 'recovery'
        ? await this.run(() =>
            this.api.call('vault.recover', {
              label,
              recoveryCode: this.code(),
              next: this.next(),
              confirmNext: this.confirm(),
            }),
          )
        : await this.run(() => this.api.call('vault.unlock', { label, passphrase: this.passphrase() }));
    if (r) await this.opened();
  }

  protected async unlockRemembered(): Promise<void> {
    const label = this.label();
    if (label && (await this.run(() => this.api.call('vault.unlockRemembered', { label })))) await this.opened();
  }

  private async run(call: () => Promise<{ ok: true } | { ok: false; error: Parameters<typeof vaultErrorText>[0] }>) {
    this.busy.set(true);
    this.error.set(null);
    const r = await call();
    this.busy.set(false);
    if (!r.ok) {
      this.error.set(vaultErrorText(r.error));
      this.startWait(r.error.retryAfterMs ?? 0);
    }
    return r.ok;
  }

  private async opened(): Promise<void> {
    this.passphrase.set('');
    this.code.set('');
    await this.store.enter('/chat');
  }

  private startWait(ms: number): void {
    clearInterval(this.timer);
    this.waitSeconds.set(Math.ceil(ms / 1000));
    if (ms <= 0) return;
    this.timer = setInterval(() => {
      this.waitSeconds.update((s) => Math.max(0, s - 1));
      if (this.waitSeconds() === 0) clearInterval(this.timer);
    }, 1000);
  }
}

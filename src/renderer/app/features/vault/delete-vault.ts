import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ApiClient } from '../../core/api-client';
import { vaultErrorText } from './vault-store';

/** Deleting needs the key label typed exactly; the vault then locks and its files are removed. */
@Component({
  selector: 'app-delete-vault',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <form (submit)="remove($event)" novalidate>
      <p class="note">
        This removes the vault and everything in it from this device. Exported backups are not affected. Type
        <strong>{{ label() }}</strong> to confirm.
      </p>
      <mat-form-field appearance="outline">
        <mat-label>Type the key label to confirm</mat-label>
        <input
          matInput
          name="confirm"
          autocomplete="off"
          maxlength="64"
          [value]="typed()"
          (input)="typed.set($any($event.target).value)"
        />
      </mat-form-field>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
      <button mat-flat-button type="submit" class="danger" [disabled]="!matches()">Delete vault</button>
    </form>
  `,
  styleUrl: './vault-forms.scss',
  styles: `
    .danger:not([disabled]) {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
  `,
})
export class DeleteVault {
  private readonly api = inject(ApiClient);
  readonly label = input.required<string>();
  protected readonly typed = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly matches = computed(() => this.typed().trim() === this.label() && this.label() !== '');

  protected async remove(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.matches()) return;
    const r = await this.api.call('vault.delete', { confirmLabel: this.typed() });
    // On success the main process emits vault.locked and VaultStore reloads the app at /unlock.
    if (!r.ok) this.error.set(vaultErrorText(r.error));
  }
}

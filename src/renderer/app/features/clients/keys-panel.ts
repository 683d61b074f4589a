import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { HandoffStore } from './handoff-store';

/** My public key to give a therapist, and the therapist keys I can seal packets to. */
@Component({
  selector: 'app-keys-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section aria-labelledby="my-key-h">
      <h2 id="my-key-h">My public key</h2>
      <p class="help">
        Safe to share: it lets someone send packets to you, and lets your therapist check packets came from you.
      </p>
      @if (store.myKey(); as k) {
        <mat-form-field appearance="outline" class="full">
          <mat-label>My public key ({{ k.label }})</mat-label>
          <textarea matInput readonly rows="4" [value]="k.text"></textarea>
        </mat-form-field>
        <p>
          Fingerprint: <code>{{ k.fingerprint }}</code>
        </p>
        <button mat-stroked-button type="button" (click)="copy(k.text)">Copy key</button>
      } @else {
        <button mat-stroked-button type="button" (click)="show()">Show my public key</button>
      }
    </section>

    <section aria-labelledby="their-keys-h">
      <h2 id="their-keys-h">Therapist keys</h2>
      <ul class="keys">
        @for (k of store.keys(); track k.id) {
          <li>
            <span
              >{{ k.label }} · <code>{{ k.fingerprint }}</code></span
            >
            <button mat-button type="button" (click)="remove(k.id)">
              Remove<span class="sr-only"> {{ k.label }}</span>
            </button>
          </li>
        } @empty {
          <li>No therapist key yet.</li>
        }
      </ul>
      <mat-form-field appearance="outline" class="full">
        <mat-label>Paste a therapist’s public key</mat-label>
        <textarea
          matInput
          rows="3"
          maxlength="4096"
          [value]="keyText()"
          (input)="keyText.set(value($event))"
        ></textarea>
      </mat-form-field>
      <mat-form-field appearance="outline" class="full">
        <mat-label>…or the path of a key file</mat-label>
        <input matInput maxlength="4096" [value]="keyPath()" (input)="keyPath.set(value($event))" />
      </mat-form-field>
      <button mat-flat-button type="button" [disabled]="!keyText().trim() && !keyPath().trim()" (click)="importKey()">
        Import key
      </button>
    </section>
    <p class="status" role="status">{{ status() }}</p>
  `,
  styleUrl: './handoff.scss',
})
export class KeysPanel {
  protected readonly store = inject(HandoffStore);
  protected readonly keyText = signal('');
  protected readonly keyPath = signal('');
  protected readonly status = signal('');

  protected async show(): Promise<void> {
    this.status.set((await this.store.showMyKey()) ?? '');
  }

  protected async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.status.set('Your public key is copied.');
    } catch {
      this.status.set('Copying is not available here; select the key text and copy it.');
    }
  }

  protected async importKey(): Promise<void> {
    const text = this.keyText().trim();
    this.status.set(await this.store.importKey(text ? { text } : { path: this.keyPath().trim() }));
    this.keyText.set('');
    this.keyPath.set('');
  }

  protected async remove(id: string): Promise<void> {
    this.status.set(await this.store.removeKey(id));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

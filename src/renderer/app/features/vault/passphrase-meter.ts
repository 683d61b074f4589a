import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PassphraseStrength } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';

const WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];
const PROBLEMS: Record<PassphraseStrength['problems'][number], string> = {
  'too-short': 'Use at least 15 characters.',
  'too-long': 'Use at most 256 characters.',
  common: 'This is a commonly used password.',
  'contains-label': 'Leave the key label out of the passphrase.',
  'too-guessable': 'This would be easy to guess.',
};

/**
 * Strength meter with feedback. zxcvbn runs in the main process (vault.passphraseStrength), so the
 * renderer does not ship its dictionaries; calls are debounced while typing.
 */
@Component({
  selector: 'app-passphrase-meter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule],
  template: `
    <div class="meter" aria-live="polite">
      <mat-progress-bar
        mode="determinate"
        [value]="result() ? (result()!.score + 1) * 20 : 0"
        aria-label="Passphrase strength"
      />
      @if (result(); as r) {
        <p class="score">
          Strength: <strong>{{ words[r.score] }}</strong> · {{ r.length }} characters
        </p>
        <ul>
          @for (p of r.problems; track p) {
            <li class="problem">{{ problems[p] }}</li>
          }
          @if (r.warning) {
            <li>{{ r.warning }}</li>
          }
          @for (s of r.suggestions; track s) {
            <li>{{ s }}</li>
          }
        </ul>
      } @else {
        <p class="score">Tip: use a sentence only you would write. Length matters more than symbols.</p>
      }
    </div>
  `,
  styles: `
    .meter {
      margin: 0 0 1rem;
    }
    .score {
      font: var(--mat-sys-body-medium);
      margin: 0.5rem 0 0.25rem;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class PassphraseMeter {
  private readonly api = inject(ApiClient);
  readonly passphrase = input.required<string>();
  readonly label = input<string>('');
  readonly acceptable = output<boolean>();
  protected readonly result = signal<PassphraseStrength | null>(null);
  protected readonly words = WORDS;
  protected readonly problems = PROBLEMS;

  constructor() {
    effect((onCleanup) => {
      const passphrase = this.passphrase();
      const label = this.label();
      if (!passphrase) {
        this.result.set(null);
        this.acceptable.emit(false);
        return;
      }
      const timer = setTimeout(async () => {
        const r = await this.api.call('vault.passphraseStrength', { passphrase: passphrase.slice(0, 1024), label });
        if (r.ok && passphrase === this.passphrase()) {
          this.result.set(r.value);
          this.acceptable.emit(r.value.acceptable);
        }
      }, 200);
      onCleanup(() => clearTimeout(timer));
    });
  }
}

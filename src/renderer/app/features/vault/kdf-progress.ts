import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { filter } from 'rxjs';
import { ApiClient } from '../../core/api-client';

/** Progress of the key derivation (the 'progress' event, task 'kdf'), shown while a vault call runs. */
@Component({
  selector: 'app-kdf-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule],
  template: `
    @if (active()) {
      <div role="status" class="kdf">
        <mat-progress-bar
          [mode]="progress()?.fraction == null ? 'indeterminate' : 'determinate'"
          [value]="(progress()?.fraction ?? 0) * 100"
          aria-label="Deriving your key"
        />
        <p>{{ progress()?.label ?? 'Working' }}… this takes about a second on purpose, to slow down guessing.</p>
      </div>
    }
  `,
  styles: `
    .kdf p {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class KdfProgress {
  readonly active = input.required<boolean>();
  protected readonly progress = toSignal(
    inject(ApiClient)
      .on('progress')
      .pipe(filter((p) => p.task === 'kdf')),
  );
}

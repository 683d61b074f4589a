import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { clock } from './flow-logic';
import { Ticker } from './ticker';

/** A countdown the person starts themselves; the flow never moves on by itself. */
@Component({
  selector: 'app-step-timer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <div class="timer">
      <p class="time" aria-hidden="true">{{ remaining() }}</p>
      <mat-progress-bar mode="determinate" [value]="percent()" aria-label="Time passed" />
      <p class="sr-status" role="status">{{ status() }}</p>
      <div class="actions">
        @if (ticker.running()) {
          <button mat-stroked-button type="button" (click)="ticker.pause()">Pause timer</button>
        } @else {
          <button mat-flat-button type="button" (click)="ticker.start()">
            {{ ticker.elapsed() === 0 ? 'Start timer' : ticker.finished ? 'Start again' : 'Resume timer' }}
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    .time {
      font: var(--mat-sys-display-small);
      margin: 0.5rem 0;
      font-variant-numeric: tabular-nums;
    }
    .sr-status {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class StepTimer {
  readonly seconds = input.required<number>();
  protected readonly ticker = new Ticker(() => this.seconds());
  protected readonly remaining = computed(() => clock(this.seconds() - this.ticker.elapsed()));
  protected readonly percent = computed(() => Math.min(100, (this.ticker.elapsed() / this.seconds()) * 100));
  /** Announced sparingly (start, pause, end) so a screen reader is not talking every second. */
  protected readonly status = computed(() => {
    const left = this.seconds() - this.ticker.elapsed();
    if (left <= 0) return 'Time is up. Move on when you are ready.';
    if (this.ticker.running()) return `Timer running, ${clock(this.seconds())} in total.`;
    return this.ticker.elapsed() > 0 ? 'Timer paused.' : `${clock(this.seconds())} timer, not started.`;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.ticker.dispose());
  }
}

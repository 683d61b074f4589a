import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { breathAt, breathWord, type BreathingStep } from './flow-logic';
import { prefersReducedMotion, Ticker } from './ticker';

/**
 * Paced breathing: a circle that grows on the in-breath and shrinks on the out-breath, with the phase
 * and seconds as text. With prefers-reduced-motion the circle is not drawn at all: a text countdown
 * carries the pace instead. Only phase changes are announced, never each second.
 */
@Component({
  selector: 'app-breathing-pacer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <div class="pacer" [class.reduced]="reducedMotion">
      @if (!reducedMotion) {
        <div class="stage" aria-hidden="true">
          <div
            class="circle"
            data-testid="breathing-circle"
            [class.big]="started() && !moment().done && moment().phase !== 'out'"
            [style.transition-duration.s]="phaseSeconds()"
          ></div>
        </div>
      }
      <p class="phase" aria-live="polite">{{ phaseText() }}</p>
      <p class="count" aria-hidden="true" data-testid="breathing-count">
        @if (started() && !moment().done) {
          {{ moment().secondsLeft }}
        }
      </p>
      <p class="cycles">
        Breath {{ moment().cycle }} of {{ step().cycles }} · in {{ step().inhaleSeconds }}s
        @if (step().holdSeconds > 0) {
          · hold {{ step().holdSeconds }}s
        }
        · out {{ step().exhaleSeconds }}s
      </p>
      @if (ticker.running()) {
        <button mat-stroked-button type="button" (click)="ticker.pause()">Pause breathing</button>
      } @else {
        <button mat-flat-button type="button" (click)="ticker.start()">
          {{ started() && !moment().done ? 'Resume breathing' : moment().done ? 'Breathe again' : 'Start breathing' }}
        </button>
      }
    </div>
  `,
  styles: `
    .pacer {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
    }
    .stage {
      width: 200px;
      height: 200px;
      display: grid;
      place-items: center;
    }
    .circle {
      width: 200px;
      height: 200px;
      border-radius: 50%;
      // A soft fill in either theme: the saturated container colour was glaring at full size.
      background: color-mix(in srgb, var(--mat-sys-primary) 22%, transparent);
      border: 3px solid var(--mat-sys-primary);
      transform: scale(0.5);
      transition-property: transform;
      transition-timing-function: ease-in-out;
    }
    .circle.big {
      transform: scale(1);
    }
    .phase {
      font: var(--mat-sys-headline-small);
      margin: 0.75rem 0 0;
    }
    .count {
      font: var(--mat-sys-display-small);
      font-variant-numeric: tabular-nums;
      min-height: 1.2em;
      margin: 0;
    }
    .reduced .count {
      font: var(--mat-sys-display-large);
    }
    .cycles {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class BreathingPacer {
  readonly step = input.required<BreathingStep>();
  protected readonly reducedMotion = prefersReducedMotion();
  protected readonly ticker = new Ticker(
    () => (this.step().inhaleSeconds + this.step().holdSeconds + this.step().exhaleSeconds) * this.step().cycles,
  );
  protected readonly moment = computed(() => breathAt(this.step(), this.ticker.elapsed()));
  protected readonly started = computed(() => this.ticker.elapsed() > 0 || this.ticker.running());
  protected readonly phaseSeconds = computed(() => {
    const s = this.step();
    const p = this.moment().phase;
    return p === 'in' ? s.inhaleSeconds : p === 'hold' ? Math.max(0.1, s.holdSeconds) : s.exhaleSeconds;
  });
  protected readonly phaseText = computed(() => {
    if (this.moment().done) return 'Done. Notice how your body feels now.';
    if (!this.started()) return 'Press start, then follow the words.';
    return this.ticker.running() ? breathWord(this.moment().phase) : 'Paused';
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.ticker.dispose());
  }
}

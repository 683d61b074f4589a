import { signal } from '@angular/core';

/**
 * Counts whole seconds up to a limit. Timers and the breathing pacer derive everything else from
 * `elapsed`, which keeps their logic pure and testable. The owner calls dispose() on destroy.
 */
export class Ticker {
  private readonly elapsedSignal = signal(0);
  private readonly runningSignal = signal(false);
  private handle: ReturnType<typeof setInterval> | null = null;
  readonly elapsed = this.elapsedSignal.asReadonly();
  readonly running = this.runningSignal.asReadonly();

  /** `limit` is read on every tick so it may come from a signal input. */
  constructor(private readonly limit: () => number) {}

  get finished(): boolean {
    return this.elapsedSignal() >= this.limit();
  }

  start(): void {
    if (this.handle !== null) return;
    if (this.finished) this.elapsedSignal.set(0);
    this.runningSignal.set(true);
    this.handle = setInterval(() => {
      this.elapsedSignal.update((e) => e + 1);
      if (this.finished) this.pause();
    }, 1000);
  }

  pause(): void {
    if (this.handle !== null) clearInterval(this.handle);
    this.handle = null;
    this.runningSignal.set(false);
  }

  reset(): void {
    this.pause();
    this.elapsedSignal.set(0);
  }

  dispose(): void {
    this.pause();
  }
}

/** True when the person asked their system for less motion; read once per component. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

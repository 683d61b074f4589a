/**
 * One generation at a time (llama.cpp has one context and two cores), with a visible queue:
 * each waiter hears its position change, and an aborted waiter leaves without running.
 */
export class GenerationQueue {
  private running = false;
  private readonly waiting: Array<{ start: () => void; onPosition?: (p: number) => void }> = [];

  get length(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** Resolves with a release function once it is this caller's turn. */
  acquire(signal: AbortSignal, onPosition?: (position: number) => void): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const entry = {
        onPosition,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          this.running = true;
          onPosition?.(0);
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.running = false;
            this.next();
          });
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) {
          this.waiting.splice(i, 1);
          this.announce();
          reject(signal.reason);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
      if (!this.running) this.next();
      else this.announce();
    });
  }

  private next(): void {
    const entry = this.waiting.shift();
    entry?.start();
    this.announce();
  }

  private announce(): void {
    this.waiting.forEach((w, i) => w.onPosition?.(i + 1));
  }
}

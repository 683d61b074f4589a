import path from 'node:path';
import { z } from 'zod';
import { readCapped, writeAtomic } from './fs-safe';

/**
 * Failed unlocks per vault, kept in a small plain file so the delay survives a restart. It is not secret
 * and not authenticated: someone who can edit it can only remove a delay, and that same person could copy
 * the key file and guess offline anyway. Argon2id's cost is the real defence; this slows a person at the
 * keyboard.
 */
export const FAILURES_FILE = 'failures.json';
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 5 * 60 * 1000;

const schema = z.object({ count: z.number().int().nonnegative(), last: z.number().nonnegative() });
type Failures = z.infer<typeof schema>;

/** Delay after `count` consecutive failures: none for the first three, then 2 s, 4 s, 8 s … up to 5 minutes. */
export function delayFor(count: number): number {
  if (count < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (count - FREE_ATTEMPTS + 1));
}

export class FailureCounter {
  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  private read(): Failures {
    try {
      const raw = readCapped(path.join(this.dir, FAILURES_FILE), 1024);
      if (!raw) return { count: 0, last: 0 };
      return schema.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      // A damaged counter file must not lock anyone out; treat it as "no failures".
      return { count: 0, last: 0 };
    }
  }

  /** Milliseconds until the next attempt is allowed. */
  retryAfterMs(): number {
    const { count, last } = this.read();
    const delay = delayFor(count);
    if (delay === 0) return 0;
    // A clock that went backwards must not stretch the wait beyond one full delay.
    const remaining = Math.min(delay, last + delay - this.now());
    return Math.max(0, Math.ceil(remaining));
  }

  recordFailure(): number {
    const next = { count: this.read().count + 1, last: this.now() };
    writeAtomic(path.join(this.dir, FAILURES_FILE), JSON.stringify(next));
    return delayFor(next.count);
  }

  reset(): void {
    if (this.read().count === 0) return;
    writeAtomic(path.join(this.dir, FAILURES_FILE), JSON.stringify({ count: 0, last: 0 }));
  }
}

// In-memory token buckets (per instance). Enough to blunt floods from one IP or one token; a fleet-wide
// limit belongs in the ingress (see docs/relay-scaling.md).
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns 0 when allowed, else the milliseconds until one request would be allowed. */
  take(key: string): number {
    const t = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t };
    b.tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * rate);
    b.at = t;
    this.buckets.set(key, b);
    if (t - this.lastSweep > 60_000) this.sweep(t);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / rate);
  }

  private sweep(t: number): void {
    this.lastSweep = t;
    for (const [k, b] of this.buckets)
      if (b.tokens + (t - b.at) * (this.perMinute / 60_000) >= this.perMinute) this.buckets.delete(k);
  }
}

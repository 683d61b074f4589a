import type { RpcApp } from './ws-rpc';

/** The services, a promise of them, or a function that starts loading them (called at most once). */
export type AppSource = RpcApp | Promise<RpcApp> | (() => Promise<RpcApp>);

export interface StartTiming {
  /** After the page was served, this long without an HTTP request in flight starts the services. */
  readonly quietMs: number;
  /** Started this long after listening at the latest, even if no browser ever came. */
  readonly latestMs: number;
}

/**
 * Importing the services (SQLCipher, llama.cpp, Argon2, the coach) takes the server's only thread
 * for a while. Doing that while the browser is still fetching the app would delay the welcome
 * screen, and the page needs no services until its first call. So loading starts at the first of:
 * a WebSocket connection (the page's first call is coming), the HTTP side falling quiet after
 * index.html was served (the browser has what it needs and is busy rendering), or `latestMs`.
 */
export class ServicesStart {
  private started: Promise<RpcApp> | undefined;
  private pageServed = false;
  private inFlight = 0;
  private quietTimer: NodeJS.Timeout | undefined;
  private readonly latestTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: AppSource,
    private readonly timing: StartTiming,
  ) {
    if (typeof source !== 'function') {
      this.started = Promise.resolve(source);
      // The caller owns start-up failures; here a failed start only means calls get INTERNAL.
      this.started.catch(() => undefined);
      return;
    }
    this.latestTimer = setTimeout(() => void this.app(), timing.latestMs);
  }

  /** The services, starting them now if that has not happened yet. */
  app(): Promise<RpcApp> {
    if (!this.started) {
      this.stopTimers();
      const load = this.source as () => Promise<RpcApp>;
      this.started = load();
      this.started.catch(() => undefined);
    }
    return this.started;
  }

  get isStarted(): boolean {
    return this.started !== undefined;
  }

  requestStarted(): void {
    this.inFlight++;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
  }

  requestFinished(wasPage: boolean): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (wasPage) this.pageServed = true;
    if (this.started || !this.pageServed || this.inFlight > 0) return;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => void this.app(), this.timing.quietMs);
  }

  /** On shutdown: services that never started stay unstarted. */
  dispose(): void {
    this.stopTimers();
  }

  private stopTimers(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.latestTimer) clearTimeout(this.latestTimer);
    this.quietTimer = undefined;
  }
}

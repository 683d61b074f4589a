import type { RpcApp } from './ws-rpc';

/** The services, a promise of them, or a function that starts loading them (called at most once). */
export type AppSource = RpcApp | Promise<RpcApp> | (() => Promise<RpcApp>);

export interface StartTiming {
  /** Once the page has connected, this long without an HTTP request in flight starts the services. */
  readonly quietMs: number;
  /** Started this long after listening at the latest, even if no browser ever came. */
  readonly latestMs: number;
}

/**
 * Importing the services (SQLCipher, llama.cpp, Argon2, the coach) blocks the server's only thread
 * for a while: from the bundle it is one long synchronous evaluation. Doing that while the browser
 * is still fetching the app (its lazily loaded screens come after the page has booted and opened
 * its WebSocket) would hold those requests back. So loading starts once the page has opened its
 * WebSocket and the HTTP side has then been quiet for `quietMs`, or at `latestMs` if no page ever
 * connects. The page's first calls wait for the services meanwhile.
 */
export class ServicesStart {
  private started: Promise<RpcApp> | undefined;
  private connected = false;
  private settle: { resolve: (app: RpcApp) => void; reject: (error: unknown) => void } | undefined;
  /** The services once loaded; waiting on it does not start them (calls wait for the start). */
  readonly ready = new Promise<RpcApp>((resolve, reject) => (this.settle = { resolve, reject }));
  private inFlight = 0;
  private quietTimer: NodeJS.Timeout | undefined;
  private readonly latestTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: AppSource,
    private readonly timing: StartTiming,
  ) {
    // The caller owns start-up failures; here a failed start only means calls get INTERNAL.
    this.ready.catch(() => undefined);
    if (typeof source !== 'function') {
      this.started = Promise.resolve(source);
      this.started.then(this.settle?.resolve, this.settle?.reject);
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
      this.started.then(this.settle?.resolve, this.settle?.reject);
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

  requestFinished(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.armQuietTimer();
  }

  /** An authenticated WebSocket opened: the page has booted and its first call is coming. */
  pageConnected(): void {
    this.connected = true;
    this.armQuietTimer();
  }

  private armQuietTimer(): void {
    if (this.started || !this.connected || this.inFlight > 0) return;
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

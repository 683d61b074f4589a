import type { ApiResult, EventName } from '../../../../shared/api';
import { MAX_FRAME_BYTES } from '../../../../shared/transport';
import { localFailure, type Transport, type TransportStatus } from './transport';

/** The part of the DOM WebSocket this transport uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
}
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;
/** Reconnect delays in ms; the last one repeats. Short at first so a server restart is barely noticed. */
export const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000] as const;

interface Pending {
  resolve: (result: ApiResult<unknown>) => void;
}

/**
 * Browser shell: one WebSocket (authenticated by the session cookie) carrying call/result/event frames.
 * Calls made while connecting are queued; every call still waiting when the socket closes fails with
 * UNAVAILABLE (it may or may not have run, so it is never silently re-sent). Reconnects with backoff.
 */
export class WebSocketTransport implements Transport {
  readonly kind = 'browser-shell';
  private socket: SocketLike | null = null;
  private nextId = 1;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private status: TransportStatus = 'connecting';
  private readonly pending = new Map<number, Pending>();
  private readonly queue: string[] = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly statusListeners = new Set<(status: TransportStatus) => void>();

  constructor(
    private readonly url: string,
    private readonly createSocket: SocketFactory,
  ) {
    this.connect();
  }

  call(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (this.disposed) return Promise.resolve(localFailure('UNAVAILABLE', 'DBT Coach is shutting down.'));
    const id = this.nextId++;
    let frame: string;
    try {
      frame = JSON.stringify({ kind: 'call', id, method, input });
    } catch {
      return Promise.resolve(localFailure('INVALID_INPUT', 'This request could not be sent.'));
    }
    // Length in UTF-16 units is a lower bound for bytes; the server enforces the exact limit.
    if (frame.length > MAX_FRAME_BYTES) return Promise.resolve(localFailure('TOO_LARGE', 'This is too large to send.'));
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      if (this.socket?.readyState === OPEN) this.socket.send(frame);
      else this.queue.push(frame);
    });
  }

  on(name: EventName, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  onStatus(listener: (status: TransportStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'client closing');
    this.failPending();
  }

  private connect(): void {
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.setStatus('open');
      for (const frame of this.queue.splice(0)) socket.send(frame);
    };
    socket.onmessage = (ev) => {
      if (this.socket === socket) this.handleMessage(ev.data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending();
      if (!this.disposed) this.scheduleReconnect();
    };
    // An error is always followed by close, which does the work.
    socket.onerror = () => undefined;
  }

  private scheduleReconnect(): void {
    this.setStatus('reconnecting');
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)];
    this.attempt++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.disposed) this.connect();
    }, delay);
  }

  private failPending(): void {
    this.queue.length = 0;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) {
      p.resolve(localFailure('UNAVAILABLE', 'The connection to DBT Coach was interrupted. Please try again.'));
    }
  }

  private handleMessage(data: unknown): void {
    if (typeof data !== 'string' || data.length > MAX_FRAME_BYTES) return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return; // Not ours to interpret; the server only sends JSON.
    }
    if (!isRecord(frame)) return;
    if (frame['kind'] === 'result' && typeof frame['id'] === 'number' && isResult(frame['result'])) {
      const pending = this.pending.get(frame['id']);
      if (!pending) return;
      this.pending.delete(frame['id']);
      pending.resolve(frame['result']);
    } else if (frame['kind'] === 'event' && typeof frame['name'] === 'string') {
      const set = this.listeners.get(frame['name']);
      // Copy first: a listener may unsubscribe while we iterate.
      for (const listener of [...(set ?? [])]) listener(frame['payload']);
    }
  }

  private setStatus(status: TransportStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isResult = (v: unknown): v is ApiResult<unknown> =>
  isRecord(v) &&
  ((v['ok'] === true && 'value' in v) ||
    (v['ok'] === false &&
      isRecord(v['error']) &&
      typeof v['error']['code'] === 'string' &&
      typeof v['error']['message'] === 'string'));

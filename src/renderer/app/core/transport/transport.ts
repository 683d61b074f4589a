import type { ApiResult, ErrorCode, EventName } from '../../../../shared/api';

/** Where calls go: the Electron bridge or the browser-shell WebSocket. Only ApiClient holds one. */
export interface Transport {
  readonly kind: 'electron' | 'browser-shell';
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Registers an event listener; returns the function that removes it. */
  on(name: EventName, listener: (payload: unknown) => void): () => void;
  /** Connection state, for a calm "reconnecting" hint in the UI. */
  onStatus(listener: (status: TransportStatus) => void): () => void;
  dispose(): void;
}

export type TransportStatus = 'connecting' | 'open' | 'reconnecting';

/** A failed result produced on this side of the wire (the dispatcher never saw the call). */
export const localFailure = (code: ErrorCode, message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});

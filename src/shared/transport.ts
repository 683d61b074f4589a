import { z } from 'zod';
import type { ApiResult, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './api';

/**
 * Wire formats of the two transports. Both carry the same contract to the same dispatcher.
 *
 * Browser shell: one WebSocket at WS_PATH (cookie-authenticated, same origin). Client sends
 * `call` frames; the server answers each with a `result` frame of the same id and pushes
 * `event` frames.
 *
 * Electron: the preload exposes `window.dbtCoach` (see DbtCoachBridge): one named function
 * per contract method over IPC channel `api:<method>`, and events over channel EVENT_CHANNEL.
 */
export const WS_PATH = '/api/ws';
export const SESSION_COOKIE = 'dbt_session';
export const TOKEN_PARAM = 'token';
export const IPC_PREFIX = 'api:';
export const EVENT_CHANNEL = 'api:event';
/** Largest frame either side accepts; messages are capped well below this by the contract. */
export const MAX_FRAME_BYTES = 1024 * 1024;

export const callFrameSchema = z.strictObject({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});
export type CallFrame = z.infer<typeof callFrameSchema>;

export interface ResultFrame {
  kind: 'result';
  id: number;
  result: ApiResult<unknown>;
}

export interface EventFrame {
  kind: 'event';
  name: EventName;
  payload: unknown;
}

export type ServerFrame = ResultFrame | EventFrame;

export type BridgeApi = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
};

/** What the Electron preload exposes on `window.dbtCoach`; nothing else crosses the bridge. */
export interface DbtCoachBridge {
  readonly api: BridgeApi;
  onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

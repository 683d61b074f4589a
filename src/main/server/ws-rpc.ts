import type { WebSocket } from 'ws';
import { fail, type ApiResult } from '../../shared/api';
import { callFrameSchema, type ServerFrame } from '../../shared/transport';
import type { App } from '../api/index';

/** What the RPC needs of the app: the one dispatcher and the event bus. */
export type RpcApp = Pick<App, 'dispatch' | 'events'>;

/** Calls one connection may have in flight; more is a misbehaving page, answered with BUSY. */
const MAX_IN_FLIGHT = 32;
/** WebSocket close code for a policy violation (RFC 6455): frames we cannot even attribute to a call. */
const POLICY_VIOLATION = 1008;

/**
 * Serves the contract over one authenticated WebSocket: `call` frames go to the one dispatcher,
 * each answered by a `result` frame with the same id; app events are pushed as `event` frames.
 * The app may still be starting (see startServer): calls simply wait for it.
 */
export function serveRpc(ws: WebSocket, appReady: Promise<RpcApp>): void {
  const aborter = new AbortController();
  let inFlight = 0;
  const send = (frame: ServerFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  let unsubscribe = (): void => undefined;
  void appReady.then(
    (app) => {
      if (ws.readyState === ws.OPEN)
        unsubscribe = app.events.subscribe((name, payload) => send({ kind: 'event', name, payload }));
    },
    () => ws.close(1011, 'Unavailable'),
  );

  ws.on('message', (data, isBinary) => {
    const raw = isBinary ? undefined : parseJson(data.toString());
    const frame = callFrameSchema.safeParse(raw);
    if (!frame.success) {
      const id = idOf(raw);
      // Without an id the page cannot be told which call failed: it is broken or hostile, so hang up.
      if (id === undefined) ws.close(POLICY_VIOLATION, 'Malformed frame');
      else send({ kind: 'result', id, result: fail('INVALID_INPUT', 'Malformed call frame.') });
      return;
    }
    const { id, method, input } = frame.data;
    if (inFlight >= MAX_IN_FLIGHT) {
      send({ kind: 'result', id, result: fail('BUSY', 'Too many requests at once. Please try again.') });
      return;
    }
    inFlight++;
    void appReady
      .then((app) => app.dispatch(method, input, { transport: 'browser-shell', signal: aborter.signal }))
      .catch((): ApiResult<unknown> => fail('INTERNAL', 'Something went wrong inside the app. Nothing was changed.'))
      .then((result) => {
        inFlight--;
        send({ kind: 'result', id, result });
      });
  });

  ws.on('close', () => {
    unsubscribe();
    // A closed tab cancels its streaming replies and slow tasks.
    aborter.abort();
  });
  ws.on('error', () => ws.terminate());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function idOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return undefined;
  const id = (raw as { id: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

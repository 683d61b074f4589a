import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { Observable } from 'rxjs';
import type { ApiResult, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import { BridgeTransport } from './transport/bridge-transport';
import type { Transport, TransportStatus } from './transport/transport';
import { DBT_COACH_BRIDGE, SOCKET_FACTORY, SOCKET_URL } from './transport/transport-tokens';
import { WebSocketTransport } from './transport/websocket-transport';

/**
 * The only renderer code that talks to the main process. Picks the Electron bridge when the
 * preload exposed one, otherwise the browser shell's WebSocket. Calls never throw: every outcome
 * is an ApiResult, so screens handle failures with the same stable error codes the dispatcher uses.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly transport: Transport;
  private readonly statusSignal = signal<TransportStatus>('connecting');
  /** 'open' once calls can flow; 'reconnecting' while the browser shell's socket is down. */
  readonly status = this.statusSignal.asReadonly();

  constructor() {
    const bridge = inject(DBT_COACH_BRIDGE);
    this.transport = bridge
      ? new BridgeTransport(bridge)
      : new WebSocketTransport(inject(SOCKET_URL), inject(SOCKET_FACTORY));
    const stopStatus = this.transport.onStatus((s) => this.statusSignal.set(s));
    inject(DestroyRef).onDestroy(() => {
      stopStatus();
      this.transport.dispose();
    });
  }

  get transportKind(): Transport['kind'] {
    return this.transport.kind;
  }

  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
    // The main process is trusted to honour the contract; the renderer never validates its own backend.
    return this.transport.call(method, input) as Promise<ApiResult<MethodOutput<M>>>;
  }

  /** A stream of one event type; unsubscribing removes the listener from the transport. */
  on<E extends EventName>(name: E): Observable<EventPayload<E>> {
    return new Observable<EventPayload<E>>((subscriber) =>
      this.transport.on(name, (payload) => subscriber.next(payload as EventPayload<E>)),
    );
  }
}

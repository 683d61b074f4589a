import type { EventName } from '../../../../shared/api';
import type { DbtCoachBridge } from '../../../../shared/transport';
import { localFailure, type Transport, type TransportStatus } from './transport';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in the browser shell. */
    readonly dbtCoach?: DbtCoachBridge;
  }
}

/** Electron: every method is a named function on the preload bridge; IPC is always "open". */
export class BridgeTransport implements Transport {
  readonly kind = 'electron';

  constructor(private readonly bridge: DbtCoachBridge) {}

  async call(method: string, input: unknown) {
    // Own-property lookup only: a method name like "constructor" must not reach the prototype.
    const fn: unknown = Object.prototype.hasOwnProperty.call(this.bridge.api, method)
      ? (this.bridge.api as unknown as Record<string, unknown>)[method]
      : undefined;
    if (typeof fn !== 'function') return localFailure('UNKNOWN_METHOD', 'This action is not available.');
    try {
      return await (fn as (i: unknown) => Promise<Awaited<ReturnType<Transport['call']>>>)(input);
    } catch {
      // The preload turns handler failures into results; a rejection means IPC itself failed.
      return localFailure('UNAVAILABLE', 'DBT Coach could not reach its background service. Please try again.');
    }
  }

  on(name: EventName, listener: (payload: unknown) => void) {
    return this.bridge.onEvent(name, listener);
  }

  onStatus(listener: (status: TransportStatus) => void) {
    listener('open');
    return () => undefined;
  }

  dispose() {
    /* Nothing to close: the bridge lives as long as the window. */
  }
}

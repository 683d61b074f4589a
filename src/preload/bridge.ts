import { EVENT_NAMES, METHOD_NAMES, type ApiResult, type EventName, type MethodName } from '../shared/api';
import type { BridgeApi, DbtCoachBridge } from '../shared/transport';
import { EVENT_CHANNEL, IPC_PREFIX } from '../shared/transport';

/** The slice of ipcRenderer the bridge uses; kept inside the preload, never exposed. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

type AnyListener = (payload: unknown) => void;

/**
 * Builds window.dbtCoach: one named function per contract method (each bound to its own fixed
 * channel, so the page cannot choose a channel) and onEvent limited to the contract's events.
 */
export function createBridge(ipc: IpcRendererLike): DbtCoachBridge {
  const api: Partial<Record<MethodName, (input: unknown) => Promise<ApiResult<unknown>>>> = {};
  for (const method of METHOD_NAMES) {
    const channel = `${IPC_PREFIX}${method}`;
    api[method] = (input: unknown) => ipc.invoke(channel, input) as Promise<ApiResult<unknown>>;
  }

  const listeners = new Map<string, Set<AnyListener>>();
  ipc.on(EVENT_CHANNEL, (_event, frame) => {
    if (typeof frame !== 'object' || frame === null) return;
    const { name, payload } = frame as { name?: unknown; payload?: unknown };
    if (typeof name !== 'string' || !eventNames.has(name)) return;
    for (const listener of listeners.get(name) ?? []) {
      try {
        listener(payload);
      } catch {
        // One failing listener must not stop the others from hearing about, e.g., a lock.
      }
    }
  });

  const onEvent = <E extends EventName>(name: E, listener: (payload: never) => void): (() => void) => {
    if (!eventNames.has(name)) throw new TypeError('Unknown event');
    if (typeof listener !== 'function') throw new TypeError('Listener must be a function');
    const set = listeners.get(name) ?? new Set<AnyListener>();
    listeners.set(name, set);
    const wrapped = listener as AnyListener;
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };

  return Object.freeze({
    api: Object.freeze(api) as BridgeApi,
    onEvent: onEvent as DbtCoachBridge['onEvent'],
  });
}

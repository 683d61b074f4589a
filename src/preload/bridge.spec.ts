import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../shared/api';
import { EVENT_CHANNEL, IPC_PREFIX } from '../shared/transport';
import { createBridge, type IpcRendererLike } from './bridge';

type OnListener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, OnListener[]>();
  const ipc = {
    invoke: vi.fn(async (_channel: string, _input?: unknown) => ({ ok: true, value: 'pong' })),
    on: vi.fn((channel: string, listener: OnListener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    }),
  };
  const push = (frame: unknown) => {
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l({ sender: 'ipc' }, frame);
  };
  return { ipc: ipc satisfies IpcRendererLike, push, listeners };
}

describe('createBridge', () => {
  it('exposes api and onEvent only, never ipcRenderer or a generic invoke', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toMatchInlineSnapshot(`
      [
        "api",
        "onEvent",
      ]
    `);
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const key of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'postMessage']) {
      expect(key in bridge || key in bridge.api, key).toBe(false);
    }
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.api)).toBe(true);
  });

  it('binds each method to its own fixed channel', async () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    await expect(bridge.api['app.ping']({ echo: 'hi' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(`${IPC_PREFIX}app.ping`, { echo: 'hi' });
    for (const method of METHOD_NAMES) {
      ipc.invoke.mockClear();
      await (bridge.api[method] as (input: unknown) => Promise<unknown>)({});
      expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(`${IPC_PREFIX}${method}`, {});
    }
  });

  it('delivers contract events to the listeners of that event only, until unsubscribed', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createBridge(ipc);
    const locked = vi.fn();
    const progress = vi.fn();
    const stop = bridge.onEvent('vault.locked', locked);
    bridge.onEvent('progress', progress);
    push({ name: 'vault.locked', payload: { reason: 'os' } });
    expect(locked).toHaveBeenCalledExactlyOnceWith({ reason: 'os' });
    expect(progress).not.toHaveBeenCalled();
    stop();
    push({ name: 'vault.locked', payload: { reason: 'idle' } });
    expect(locked).toHaveBeenCalledOnce();
  });

  it.each([null, 'vault.locked', 42, {}, { name: '__proto__' }, { name: 'constructor' }, { name: 'nope', payload: 1 }])(
    'ignores the malformed or unknown event frame %j',
    (frame) => {
      const { ipc, push } = fakeIpc();
      const bridge = createBridge(ipc);
      const listeners = EVENT_NAMES.map((name) => {
        const l = vi.fn();
        bridge.onEvent(name, l);
        return l;
      });
      expect(() => push(frame)).not.toThrow();
      for (const l of listeners) expect(l).not.toHaveBeenCalled();
    },
  );

  it('refuses subscriptions to names outside the contract and non-function listeners', () => {
    const bridge = createBridge(fakeIpc().ipc);
    for (const name of ['__proto__', 'api:event', 'ipc', 'vault.locked ']) {
      expect(() => bridge.onEvent(name as never, () => undefined)).toThrow(TypeError);
    }
    expect(() => bridge.onEvent('progress', 'alert(1)' as never)).toThrow(TypeError);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { ipc, push } = fakeIpc();
    const bridge = createBridge(ipc);
    const after = vi.fn();
    bridge.onEvent('vault.locked', () => {
      throw new Error('listener bug');
    });
    bridge.onEvent('vault.locked', after);
    push({ name: 'vault.locked', payload: { reason: 'manual' } });
    expect(after).toHaveBeenCalledOnce();
  });
});

import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload entry', () => {
  it('exposes exactly one global, window.dbtCoach, holding the named bridge', async () => {
    await import('./index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('dbtCoach');
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent']);
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
    expect(Object.values(bridge.api as object)).not.toContain(electron.ipcRenderer.invoke);
    // Only the event channel is listened to; nothing is sent until the page calls a method.
    expect(electron.ipcRenderer.on).toHaveBeenCalledExactlyOnceWith('api:event', expect.any(Function));
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });
});

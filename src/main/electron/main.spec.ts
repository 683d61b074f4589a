import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api';
import { EVENT_CHANNEL, IPC_PREFIX } from '../../shared/transport';
import { FakeBrowserWindow, FakeSession, FakeWebContents, electronMock, ipcHandlers } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

/** Lets queued promise callbacks (whenReady → start → createApp) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('main.ts wiring (mocked electron)', () => {
  let dataDir: string;
  const previous = process.env.DBT_COACH_DATA_DIR;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dbt-electron-main-'));
    process.env.DBT_COACH_DATA_DIR = dataDir;
    electronMock.app.singleInstanceLock = true;
    await import('./main');
    for (let i = 0; i < 50 && FakeBrowserWindow.instances.length === 0; i++) await settle();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.DBT_COACH_DATA_DIR;
    else process.env.DBT_COACH_DATA_DIR = previous;
    // Let main.ts close its services the way a real quit would.
    electronMock.app.emit('will-quit', { preventDefault: () => undefined });
    await settle();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers app:// as privileged and enables the sandbox before ready', () => {
    expect(electronMock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(electronMock.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electronMock.app.setPath).toHaveBeenCalledWith('userData', path.join(dataDir, 'electron'));
    expect(electronMock.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('serves the renderer through protocol.handle and hardens the default session', () => {
    expect(electronMock.protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    const session = electronMock.session.defaultSession;
    expect(session.permissionRequestHandler).not.toBeNull();
    expect(session.permissionCheckHandler?.({}, 'media', 'app://dbt-coach')).toBe(false);
    expect(session.beforeRequest).not.toBeNull();
  });

  it("filters requests by the services' offline mode, on every session, and logs refused hosts", async () => {
    const session = electronMock.session.defaultSession;
    const cancel = (s: FakeSession, url: string) => {
      const callback = vi.fn();
      s.beforeRequest?.({ url }, callback);
      return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(cancel(session, 'app://dbt-coach/index.html')).toBe(false);
    expect(cancel(session, 'https://tracker.example.com/pixel?who=me')).toBe(true);
    expect(cancel(session, 'http://127.0.0.1:11434/api/chat')).toBe(true);
    const partition = new FakeSession();
    electronMock.app.emit('session-created', partition);
    expect(cancel(partition, 'https://example.org/')).toBe(true);
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    const handler = ipcHandlers.get(`${IPC_PREFIX}privacy.connections`);
    await vi.waitFor(async () => {
      const result = (await handler?.({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {})) as {
        value: { offline: boolean; connections: Array<{ host: string; purpose: string; allowed: boolean }> };
      };
      expect(result.value.offline).toBe(true);
      expect(result.value.connections).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ host: 'tracker.example.com', purpose: 'desktop window', allowed: false }),
        ]),
      );
      expect(JSON.stringify(result.value)).not.toContain('pixel');
    });
  });

  it('opens one window and answers its IPC calls through the dispatcher', async () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    expect([...ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `${IPC_PREFIX}${m}`).sort());
    const handler = ipcHandlers.get(`${IPC_PREFIX}app.info`);
    const result = await handler?.({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {});
    expect(result).toMatchObject({ ok: true, value: { transport: 'electron' } });
  });

  it('hardens every webContents created later and focuses the window on a second launch', () => {
    const stray = new FakeWebContents();
    electronMock.app.emit('web-contents-created', {}, stray);
    expect(stray.windowOpenHandler?.({ url: 'https://app.evil.com/' })).toEqual({ action: 'deny' });
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    win.minimized = true;
    electronMock.app.emit('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('listens for OS lock and suspend, and only ever sends on the event channel', () => {
    expect(electronMock.powerMonitor.listeners.get('lock-screen')).toHaveLength(1);
    expect(electronMock.powerMonitor.listeners.get('suspend')).toHaveLength(1);
    // The event channel is the only thing main sends; nothing was sent before an event happened.
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    expect(win.webContents.send.mock.calls.every(([channel]) => channel === EVENT_CHANNEL)).toBe(true);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api';
import { EVENT_CHANNEL, IPC_PREFIX } from '../../shared/transport';
import { createApp, type App } from '../api/index';
import { FakeBrowserWindow, electronMock, fakeFrame, ipcHandlers } from './electron-mock';
import { forwardEvents, isTrustedSender, registerApiHandlers, type WindowLike } from './ipc';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

let dataDir: string;
let services: App;
let win: FakeBrowserWindow;
let unregister: () => void;

const asWindow = (w: FakeBrowserWindow | null) => w as unknown as WindowLike | null;
const trustedEvent = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
const call = (method: string, event: unknown, input: unknown) => {
  const handler = ipcHandlers.get(`${IPC_PREFIX}${method}`);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler(event, input);
};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'dbt-electron-ipc-'));
  services = await createApp({ dataDir, log: () => undefined });
});
afterAll(async () => {
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  ipcHandlers.clear();
  win = new FakeBrowserWindow({});
  unregister = registerApiHandlers(services, () => asWindow(win));
});

describe('registerApiHandlers', () => {
  it('registers exactly one channel per contract method and nothing else', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `${IPC_PREFIX}${m}`).sort());
    for (const channel of ['api:event', 'api:', 'api:__proto__', 'invoke', 'api:app.ping ']) {
      expect(ipcHandlers.has(channel), channel).toBe(false);
    }
  });

  it('dispatches a call from our own top frame and returns the ApiResult', async () => {
    await expect(call('app.ping', trustedEvent(), { echo: 'hello' })).resolves.toEqual({
      ok: true,
      value: { echo: 'hello' },
    });
    await expect(call('app.info', trustedEvent(), {})).resolves.toMatchObject({
      ok: true,
      value: { transport: 'electron' },
    });
  });

  it('passes bad input to the dispatcher, which answers INVALID_INPUT', async () => {
    const result = await call('app.ping', trustedEvent(), { echo: 'x', extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  const forged: [string, () => unknown][] = [
    [
      'a frame showing another origin',
      () => ({ ...trustedEvent(), senderFrame: { ...win.webContents.mainFrame, url: 'https://app.evil.com/' } }),
    ],
    [
      'a sub-frame of our page',
      () => ({ ...trustedEvent(), senderFrame: fakeFrame('app://dbt-coach/index.html', win.webContents.mainFrame) }),
    ],
    ['about:blank', () => ({ ...trustedEvent(), senderFrame: { ...win.webContents.mainFrame, url: 'about:blank' } })],
    [
      'a file:// page',
      () => ({ ...trustedEvent(), senderFrame: { ...win.webContents.mainFrame, url: 'file:///tmp/x.html' } }),
    ],
    [
      'a look-alike app host',
      () => ({ ...trustedEvent(), senderFrame: { ...win.webContents.mainFrame, url: 'app://dbt-coach.evil/' } }),
    ],
    [
      'credentials in the app URL',
      () => ({ ...trustedEvent(), senderFrame: { ...win.webContents.mainFrame, url: 'app://x@dbt-coach/' } }),
    ],
    ['a null frame (navigated away or destroyed)', () => ({ ...trustedEvent(), senderFrame: null })],
    ['a missing frame', () => ({ sender: win.webContents })],
    [
      'another top frame (another routing id)',
      () => ({ ...trustedEvent(), senderFrame: fakeFrame('app://dbt-coach/index.html') }),
    ],
    ['another webContents', () => ({ ...trustedEvent(), sender: new FakeBrowserWindow({}).webContents })],
    [
      'a frame whose URL throws when read',
      () => ({
        ...trustedEvent(),
        senderFrame: Object.defineProperty({ ...win.webContents.mainFrame }, 'url', {
          get: () => {
            throw new Error('Render frame was disposed');
          },
        }),
      }),
    ],
  ];

  it.each(forged)('refuses %s without dispatching', async (_label, makeEvent) => {
    const dispatch = vi.spyOn(services, 'dispatch');
    await expect(call('app.ping', makeEvent(), { echo: 'x' })).rejects.toThrow('IPC sender refused');
    expect(dispatch).not.toHaveBeenCalled();
    dispatch.mockRestore();
  });

  it('refuses everyone once the window is gone', async () => {
    const event = trustedEvent();
    win.destroyed = true;
    await expect(call('app.ping', event, { echo: 'x' })).rejects.toThrow('IPC sender refused');
    expect(isTrustedSender(event as never, null)).toBe(false);
  });

  it('removes its handlers again', () => {
    unregister();
    expect(ipcHandlers.size).toBe(0);
    expect(electronMock.ipcMain.removeHandler).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });
});

describe('forwardEvents', () => {
  it('sends contract events to our window on EVENT_CHANNEL, and stops when unsubscribed', () => {
    const stop = forwardEvents(services, () => asWindow(win));
    services.events.emit('vault.locked', { reason: 'os' });
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, {
      name: 'vault.locked',
      payload: { reason: 'os' },
    });
    stop();
    services.events.emit('vault.locked', { reason: 'idle' });
    expect(win.webContents.send).toHaveBeenCalledOnce();
  });

  it('drops events while there is no live window', () => {
    const stop = forwardEvents(services, () => null);
    expect(() => services.events.emit('vault.locked', { reason: 'os' })).not.toThrow();
    stop();
    win.destroyed = true;
    const stop2 = forwardEvents(services, () => asWindow(win));
    services.events.emit('vault.locked', { reason: 'os' });
    expect(win.webContents.send).not.toHaveBeenCalled();
    stop2();
  });
});

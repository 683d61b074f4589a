import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, electronMock } from './electron-mock';
import { createMainWindow } from './window';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

describe('createMainWindow', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
    electronMock.shell.openExternal.mockClear();
  });

  it('uses exactly the locked-down webPreferences, nothing more and nothing less', () => {
    createMainWindow({ preloadPath: '/opt/dbt-coach/dist/preload/index.cjs' });
    const win = FakeBrowserWindow.instances[0];
    expect(win?.options['webPreferences']).toStrictEqual({
      preload: '/opt/dbt-coach/dist/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('loads the renderer from app://, never file://, and shows only once painted', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs' }) as unknown as FakeBrowserWindow;
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://dbt-coach/index.html');
    expect(win.options['show']).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('installs the navigation, window-open and webview guards on its contents', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs' }) as unknown as FakeBrowserWindow;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(win.webContents.listeners.get(name)?.length, name).toBe(1);
    }
    expect(win.webContents.windowOpenHandler?.({ url: 'app://dbt-coach/x' })).toEqual({ action: 'deny' });
  });
});

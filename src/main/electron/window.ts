import { BrowserWindow } from 'electron';
import { APP_INDEX_URL } from './app-url';
import { secureWebPreferences } from './web-preferences';
import { hardenWebContents } from './web-contents-guards';

export interface MainWindowOptions {
  /** Absolute path of dist/preload/index.cjs. */
  preloadPath: string;
}

/** The one window factory: every window of the app is made here, with the same locked-down settings. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'DBT Coach',
    backgroundColor: '#f4f7f6',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  hardenWebContents(win.webContents);
  // Shown once painted, so nobody sees a white flash of an empty window.
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}

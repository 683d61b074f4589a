/**
 * A hand-rolled stand-in for the 'electron' module (the binary cannot be downloaded here, and the
 * glue must be testable in plain Node). Specs use it with:
 *   vi.mock('electron', async () => (await import('./electron-mock')).electronMock);
 * It records what the code under test registers so specs can fire events at it.
 */
import { vi } from 'vitest';

type Fn = (...args: never[]) => unknown;

/** Minimal event emitter that keeps listeners per name so specs can fire them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Fn[]>();
  on(name: string, listener: Fn): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Fn): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(name) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextRoutingId = 1;
export const fakeFrame = (url: string, parent: FakeFrame | null = null): FakeFrame => ({
  url,
  parent,
  processId: 7,
  routingId: nextRoutingId++,
});

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame: FakeFrame = fakeFrame('app://dbt-coach/index.html');
  destroyed = false;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

export class FakeSession {
  permissionRequestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  beforeRequest: BeforeRequest | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = h;
  }
}

class FakeApp extends FakeEmitter {
  singleInstanceLock = true;
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly setPath = vi.fn();
  readonly whenReady = vi.fn(async () => undefined);
}

export const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();

export const electronMock = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  shell: { openExternal: vi.fn(async (_url: string) => undefined) },
  ipcMain: {
    handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  },
  powerMonitor: new FakeEmitter(),
  // Reports no encryption, as on a machine without a keyring: "remember on this device" stays off.
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: (_text: string): Buffer => {
      throw new Error('no keyring in tests');
    },
    decryptString: (_data: Buffer): string => {
      throw new Error('no keyring in tests');
    },
    getSelectedStorageBackend: () => 'basic_text',
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: new FakeSession() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn() },
};

export default electronMock;

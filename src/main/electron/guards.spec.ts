import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEmitter, FakeSession, FakeWebContents, electronMock } from './electron-mock';
import {
  ALWAYS_OFFLINE,
  hardenEverySession,
  hardenSession,
  isRequestAllowed,
  offlineRequestPolicy,
} from './session-guards';
import { hardenWebContents } from './web-contents-guards';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

/** URLs a compromised or tricked renderer might try to reach. None may load or open. */
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'JaVaScRiPt:alert(1)',
  '%6Aavascript:alert(1)',
  '%6A%61vascript:alert(1)',
  'file:///etc/passwd',
  'FILE:///C:/Windows/System32/',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://dbt-coach/1234',
  'about:blank',
  'https://app.evil.com/',
  'https://988lifeline.org.evil.com/',
  'https://988Iifeline.org/',
  'https://samaritans.org.evil.com/',
  'https://findahelpline.com@evil.com/',
  'http://988lifeline.org/',
  'http://www.samaritans.org/',
  'http://findahelpline.com/',
  'ftp://988lifeline.org/',
  'app://evil/index.html',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
];

const ALLOWED_EXTERNAL = ['https://988lifeline.org/', 'https://www.samaritans.org/', 'https://findahelpline.com/'];

const preventable = (url: string) => ({ url, preventDefault: vi.fn() });

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  const fire = (name: string, event: ReturnType<typeof preventable>) => contents.emit(name, event, event.url);

  beforeEach(() => {
    contents = new FakeWebContents();
    hardenWebContents(contents as never);
    electronMock.shell.openExternal.mockClear();
  });

  it('is idempotent: a second call adds no second set of listeners', () => {
    hardenWebContents(contents as never);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });

  it.each([...HOSTILE_URLS, 'app://dbt-coach/index.html', ...ALLOWED_EXTERNAL])(
    'denies in-app navigation and redirects to %s',
    (url) => {
      for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        const event = preventable(url);
        fire(name, event);
        expect(event.preventDefault, name).toHaveBeenCalledOnce();
      }
    },
  );

  it.each(HOSTILE_URLS)('never opens %s, neither from navigation nor from window.open', (url) => {
    fire('will-navigate', preventable(url));
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(electronMock.shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(ALLOWED_EXTERNAL)('sends the allow-listed %s to the system browser, still denying the window', (url) => {
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(electronMock.shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it('refuses every <webview> attachment', () => {
    const event = preventable('');
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('hardenSession', () => {
  const PERMISSIONS = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'persistent-storage',
    'unknown',
  ];
  let session: FakeSession;
  beforeEach(() => {
    session = new FakeSession();
    hardenSession(session as never);
  });

  it.each(PERMISSIONS)('denies the %s permission request and check', (permission) => {
    const callback = vi.fn();
    session.permissionRequestHandler?.({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(session.permissionCheckHandler?.({}, permission, 'app://dbt-coach')).toBe(false);
  });

  it('denies device access (HID, USB, serial)', () => {
    expect(session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://dbt-coach' })).toBe(false);
  });

  it.each([...HOSTILE_URLS.filter((u) => !u.startsWith('devtools:') && !u.startsWith('data:')), ...ALLOWED_EXTERNAL])(
    'cancels the request to %s (offline by default)',
    (url) => {
      const callback = vi.fn();
      session.beforeRequest?.({ url }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
    },
  );

  it.each(['app://dbt-coach/index.html', 'app://dbt-coach/main-ABC.js', 'devtools://devtools/x.html'])(
    'lets %s through',
    (url) => {
      const callback = vi.fn();
      session.beforeRequest?.({ url }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: false });
    },
  );

  it('takes a wider policy from a later issue without changing the default', () => {
    const relay = (url: URL) => url.protocol === 'https:' && url.hostname === 'relay.example.org';
    expect(isRequestAllowed('https://relay.example.org/v1', relay)).toBe(true);
    expect(isRequestAllowed('https://relay.example.org/v1')).toBe(false);
    expect(isRequestAllowed('not a url', () => true)).toBe(false);
  });
});

/** Requests a page might make in offline mode, local-looking tricks included. None may go out. */
const NON_LOCAL_REQUESTS = [
  'https://example.com/',
  'http://example.com/',
  'wss://relay.example.org/v1',
  'ws://example.com/socket',
  'ftp://example.com/file',
  'http://127.0.0.1:8080/v1/chat/completions',
  'http://localhost:11434/api/chat',
  'http://[::1]:8080/',
  'http://0x7f000001/',
  'http://2130706433/',
  'http://127.1/',
  'http://0.0.0.0/',
  'http://192.168.1.20:8080/v1',
  'http://10.0.0.5/',
  'http://printer.local/',
  'http://169.254.169.254/latest/meta-data/',
  'http://dbt-coach/',
  'https://dbt-coach/index.html',
  'app://dbt-coach.evil.com/index.html',
  'app://evil.com@dbt-coach/index.html',
  'app://user:pass@dbt-coach/index.html',
  'app://dbt-coach:8080/index.html',
  'blob:app://dbt-coach/1234',
  'filesystem:app://dbt-coach/temporary/x',
  'file:///etc/passwd',
  'chrome-extension://abcdefghijklmnop/x.js',
  'chrome://settings',
  'javascript:alert(1)',
  'about:blank',
  '',
  'not a url',
  `https://example.com/${'a'.repeat(5000)}`,
];

describe('offline mode in the session request filter', () => {
  const everything = () => true;
  const modes = (offline: () => boolean) => ({ offline, onRefused: vi.fn() });

  it.each(NON_LOCAL_REQUESTS)('cancels %s while offline, even under a policy that allows everything', (url) => {
    const session = new FakeSession();
    const mode = modes(() => true);
    hardenSession(session as never, everything, mode);
    const callback = vi.fn();
    session.beforeRequest?.({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
  });

  it.each(['app://dbt-coach/index.html', 'devtools://devtools/x.html', 'data:image/png;base64,AA=='])(
    'lets the local %s through while offline',
    (url) => {
      const session = new FakeSession();
      hardenSession(
        session as never,
        everything,
        modes(() => true),
      );
      const callback = vi.fn();
      session.beforeRequest?.({ url }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: false });
    },
  );

  it('reads the mode on every request: going online applies the policy, going offline clamps it again', () => {
    let offline = true;
    const session = new FakeSession();
    const relayOnly = (url: URL) => offlineRequestPolicy(url) || url.href.startsWith('wss://relay.example.org/');
    hardenSession(
      session as never,
      relayOnly,
      modes(() => offline),
    );
    const cancel = (url: string) => {
      const callback = vi.fn();
      session.beforeRequest?.({ url }, callback);
      return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(cancel('wss://relay.example.org/v1')).toBe(true);
    offline = false;
    expect(cancel('wss://relay.example.org/v1')).toBe(false);
    expect(cancel('https://example.com/')).toBe(true);
    offline = true;
    expect(cancel('wss://relay.example.org/v1')).toBe(true);
  });

  it('fails closed when the mode cannot be read, and the default policy never lets the network in', () => {
    const broken = {
      offline: () => {
        throw new Error('services not ready');
      },
    };
    expect(isRequestAllowed('https://example.com/', everything, broken)).toBe(false);
    expect(isRequestAllowed('app://dbt-coach/index.html', everything, broken)).toBe(true);
    for (const url of NON_LOCAL_REQUESTS) {
      expect(
        isRequestAllowed(
          url,
          undefined,
          modes(() => false),
        ),
        url,
      ).toBe(false);
      expect(isRequestAllowed(url, undefined, ALWAYS_OFFLINE), url).toBe(false);
    }
  });

  it('reports refused network requests (not app, data or bad URLs), and a failing report changes nothing', () => {
    const session = new FakeSession();
    const mode = modes(() => true);
    hardenSession(session as never, everything, mode);
    for (const url of ['https://example.com/a?q=1', 'file:///etc/passwd', 'not a url', 'app://dbt-coach/x']) {
      session.beforeRequest?.({ url }, vi.fn());
    }
    expect(mode.onRefused).toHaveBeenCalledOnce();
    expect((mode.onRefused.mock.calls[0]?.[0] as URL).hostname).toBe('example.com');
    mode.onRefused.mockImplementation(() => {
      throw new Error('log full');
    });
    const callback = vi.fn();
    session.beforeRequest?.({ url: 'https://example.org/' }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
  });

  it('hardens every session Electron creates later, not only the default one', () => {
    const app = new FakeEmitter();
    hardenEverySession(
      app as never,
      everything,
      modes(() => true),
    );
    const partition = new FakeSession();
    app.emit('session-created', partition);
    const callback = vi.fn();
    partition.beforeRequest?.({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
    expect(partition.permissionCheckHandler?.({}, 'media', 'app://dbt-coach')).toBe(false);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents, electronMock } from './electron-mock';
import { hardenSession, isRequestAllowed } from './session-guards';
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

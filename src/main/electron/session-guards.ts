import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-url';

/**
 * Session-wide refusals: no permission is ever granted (camera, notifications, clipboard read,
 * geolocation, HID/USB/serial …), and no request leaves the app:// origin.
 */

/** Decides which URLs the renderer may load. A later issue (relay, policy) may widen it. */
export type RequestPolicy = (url: URL) => boolean;

/** Offline by default: the app's own files, DevTools' own pages and inline data: images. */
export const offlineRequestPolicy: RequestPolicy = (url) =>
  (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) ||
  url.protocol === 'devtools:' ||
  url.protocol === 'data:';

export function isRequestAllowed(raw: string, policy: RequestPolicy = offlineRequestPolicy): boolean {
  const url = parseUrl(raw);
  return url !== null && policy(url);
}

export function hardenSession(session: Session, policy: RequestPolicy = offlineRequestPolicy): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, policy) });
  });
}

import type { App as ElectronApp, Session } from 'electron';
import { isAppUrl, parseUrl } from './app-url';

/**
 * Session-wide refusals: no permission is ever granted (camera, notifications, clipboard read,
 * geolocation, HID/USB/serial …), and no request leaves the app:// origin.
 */

/** Decides which URLs the renderer may load. A later issue (relay, policy) may widen it. */
export type RequestPolicy = (url: URL) => boolean;

/**
 * The app's network mode as the main process knows it (Settings → Privacy, admin policy). Offline mode
 * clamps any wider RequestPolicy back to local-only, so no widening can open a path out while offline.
 */
export interface NetworkMode {
  offline(): boolean;
  /** Told about each refused network request, so Settings → Privacy can list the host (never the path). */
  onRefused?(url: URL): void;
}

/** Until the services report their mode, the shell assumes offline: it fails closed. */
export const ALWAYS_OFFLINE: NetworkMode = { offline: () => true };

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * Local: the app's own files (app://dbt-coach with no credentials or port), DevTools' own pages and
 * inline data: images. Nothing here reaches another machine or another process on this one.
 */
export const offlineRequestPolicy: RequestPolicy = (url) =>
  isAppUrl(url.href) || url.protocol === 'devtools:' || url.protocol === 'data:';

export function isRequestAllowed(
  raw: string,
  policy: RequestPolicy = offlineRequestPolicy,
  mode?: NetworkMode,
): boolean {
  const url = parseUrl(raw);
  if (url === null) return false;
  // Offline: local and allowed by the policy. A throwing or missing mode counts as offline.
  let offline = true;
  try {
    offline = mode ? mode.offline() !== false : false;
  } catch {
    offline = true;
  }
  return offline ? offlineRequestPolicy(url) && policy(url) : policy(url);
}

export function hardenSession(
  session: Session,
  policy: RequestPolicy = offlineRequestPolicy,
  mode?: NetworkMode,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, policy, mode);
    callback({ cancel: !allowed });
    if (!allowed) reportRefused(details.url, mode);
  });
}

/**
 * Every session gets the same guards, not only the default one: a partition or a session Chromium
 * creates later (service workers, a stray webview) must not become a way around the filter.
 */
export function hardenEverySession(
  app: Pick<ElectronApp, 'on'>,
  policy: RequestPolicy = offlineRequestPolicy,
  mode?: NetworkMode,
): void {
  app.on('session-created', (session: Session) => hardenSession(session, policy, mode));
}

function reportRefused(raw: string, mode: NetworkMode | undefined): void {
  const url = parseUrl(raw);
  if (!url || !NETWORK_PROTOCOLS.has(url.protocol) || !mode?.onRefused) return;
  try {
    mode.onRefused(url);
  } catch {
    // The log is informative; a failure to record must never turn a refusal into an error.
  }
}

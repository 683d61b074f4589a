/**
 * The renderer's own origin. A custom standard scheme (not file://) gives the app a real,
 * stable origin that CSP 'self', the IPC sender check and the request filter can all name.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dbt-coach';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Parses without throwing; hostile strings simply yield null. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only for app://dbt-coach/… with no credentials or port. Node's URL gives custom schemes
 * an opaque origin ('null'), so compare scheme and host explicitly rather than `origin`.
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

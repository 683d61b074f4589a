import { shell, type WebContents } from 'electron';
import { allowedExternalUrl } from './external-links';

/**
 * Navigation and window guards for every WebContents the app creates (main.ts also applies them
 * from app 'web-contents-created', so no contents escapes them). The renderer is a single-page
 * app: it never navigates its frames, never opens windows and never embeds <webview>.
 */

/** Opens an allow-listed https link in the system browser; anything else is dropped silently. */
export function openExternalIfAllowed(raw: unknown): boolean {
  const url = allowedExternalUrl(raw);
  if (url === null) return false;
  void shell.openExternal(url).catch(() => undefined);
  return true;
}

type PreventableEvent = { preventDefault(): void };
type UrlEvent = PreventableEvent & { url?: string };

const hardened = new WeakSet<WebContents>();

/** Idempotent, so the window factory and 'web-contents-created' can both call it safely. */
export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  // Every navigation is refused, even to app://: Angular routes with the History API, which does
  // not fire these events. A plain <a href> to a helpline goes to the system browser instead.
  const denyNavigation = (event: UrlEvent, url?: string) => {
    event.preventDefault();
    openExternalIfAllowed(url ?? event.url);
  };
  contents.on('will-navigate', denyNavigation);
  contents.on('will-frame-navigate', (event: UrlEvent) => event.preventDefault());
  contents.on('will-redirect', (event: PreventableEvent) => event.preventDefault());
  contents.on('will-attach-webview', (event: PreventableEvent) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
}

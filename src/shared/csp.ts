/**
 * The one Content-Security-Policy both shells send (Electron's app:// protocol and the browser
 * shell): no inline script, no eval; inline styles only with the per-load nonce Angular stamps on
 * the <style> tags it generates.
 */
const CSP_NONCE_PLACEHOLDER = 'CSP_NONCE_PLACEHOLDER';

export function buildCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Replaces every nonce placeholder in the built index.html with this load's nonce. */
export function injectNonce(html: string, nonce: string): string {
  return html.split(CSP_NONCE_PLACEHOLDER).join(nonce);
}

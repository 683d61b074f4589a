/**
 * The one Content-Security-Policy for the renderer, sent by both shells (Electron's app://
 * protocol and the browser shell's HTTP server) so the app runs under the same rules everywhere.
 *
 * No 'unsafe-inline' and no 'unsafe-eval', ever. Angular inserts component <style> tags at
 * run time; it stamps them with the nonce it reads from `ngCspNonce` on <app-root>, which is
 * why index.html carries CSP_NONCE_PLACEHOLDER and each load gets a fresh nonce.
 */

/** Written by the renderer build into index.html: `<app-root ngCspNonce="CSP_NONCE_PLACEHOLDER">`. */
export const CSP_NONCE_PLACEHOLDER = 'CSP_NONCE_PLACEHOLDER';

// base64/base64url only, so a nonce can never break out of the header or the HTML attribute.
const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{16,128}={0,2}$/;

export function isValidNonce(nonce: unknown): nonce is string {
  return typeof nonce === 'string' && NONCE_PATTERN.test(nonce);
}

function assertNonce(nonce: string): void {
  if (!isValidNonce(nonce)) throw new TypeError('CSP nonce must be 16-128 base64 characters');
}

export function buildCsp(nonce: string): string {
  assertNonce(nonce);
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

/** Puts the per-load nonce into index.html wherever the renderer build left the placeholder. */
export function injectNonce(html: string, nonce: string): string {
  assertNonce(nonce);
  return html.split(CSP_NONCE_PLACEHOLDER).join(nonce);
}

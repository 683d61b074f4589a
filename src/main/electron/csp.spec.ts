// Lives here rather than next to src/shared/csp.ts because src/shared may import only zod (not vitest).
import { describe, expect, it } from 'vitest';
import { buildCsp, CSP_NONCE_PLACEHOLDER, injectNonce, isValidNonce } from '../../shared/csp';

const NONCE = 'q2Vh8n3Xk1pZ0aB7cD9eFg==';

describe('buildCsp', () => {
  it('is the strict policy both shells send', () => {
    expect(buildCsp(NONCE)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-q2Vh8n3Xk1pZ0aB7cD9eFg=='; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'none'",
    );
    expect(buildCsp(NONCE)).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it.each(["abc'; script-src *", 'short', 'a'.repeat(16) + '\r\nX-Evil: 1', '', 'a"b'.repeat(8)])(
    'refuses the nonce %j (it could break out of the header or the attribute)',
    (nonce) => {
      expect(isValidNonce(nonce)).toBe(false);
      expect(() => buildCsp(nonce)).toThrow(TypeError);
      expect(() => injectNonce('<app-root>', nonce)).toThrow(TypeError);
    },
  );
});

describe('injectNonce', () => {
  it('replaces every placeholder and nothing else', () => {
    const html = `<style nonce="${CSP_NONCE_PLACEHOLDER}"></style><app-root ngCspNonce="${CSP_NONCE_PLACEHOLDER}">`;
    expect(injectNonce(html, NONCE)).toBe(`<style nonce="${NONCE}"></style><app-root ngCspNonce="${NONCE}">`);
    expect(injectNonce('<app-root>', NONCE)).toBe('<app-root>');
  });
});

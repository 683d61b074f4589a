import { parseUrl } from './app-url';

/**
 * The only places the app will ever open in the system browser: crisis and helpline services
 * the safety screens link to. Exact host names, https only: no wildcards, no subdomains, so
 * look-alikes (988lifeline.org.evil.com, 988Iifeline.org) and downgrades (http://) never match.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  '988lifeline.org',
  'www.988lifeline.org',
  'samaritans.org',
  'www.samaritans.org',
  'findahelpline.com',
  'www.findahelpline.com',
]);

// Control characters and whitespace: the URL parser would silently strip some of them.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u009f\\]/;

/**
 * Returns the normalized URL to hand to shell.openExternal, or null when the link is not
 * allow-listed. The caller opens the returned string, never the raw input.
 */
export function allowedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048 || UNSAFE_CHARS.test(raw)) return null;
  // The scheme must be spelled plainly; URL() would lower-case "HTTPS:" but we want no surprises.
  if (!raw.startsWith('https://')) return null;
  const url = parseUrl(raw);
  if (url === null || url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  if (!EXTERNAL_LINK_HOSTS.has(url.hostname)) return null;
  return url.href;
}

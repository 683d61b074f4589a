import { AppError } from '../errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The relay address, normalised (no trailing slash). HTTPS only: the sealed body is safe over plain
 * HTTP, but the bearer token and the timing metadata are not, so plain HTTP is allowed on loopback only
 * (a relay on this machine, tests). Credentials, queries and fragments in the URL are refused.
 */
export function normaliseRelayUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new AppError('INVALID_INPUT', 'The relay address must be a full URL such as https://relay.example.org.');
  }
  const plainOk = u.protocol === 'http:' && LOOPBACK.has(u.hostname);
  if (u.protocol !== 'https:' && !plainOk) {
    throw new AppError('INVALID_INPUT', 'The relay address must start with https:// (http:// only for 127.0.0.1).');
  }
  if (u.username || u.password || u.search || u.hash) {
    throw new AppError('INVALID_INPUT', 'The relay address must not contain a user name, query or fragment.');
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

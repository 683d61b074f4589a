// Typed relay errors and their one JSON shape. Messages are fixed strings per code: they never echo
// request content, and every authentication failure is byte-for-byte the same 401.
import { RELAY_ERROR_CODES, type RelayErrorCode } from '../client/protocol';

const MESSAGES: Record<RelayErrorCode, string> = {
  UNAUTHORIZED: 'Authentication required.',
  INVALID_INPUT: 'The request is not valid.',
  UNDECRYPTABLE: 'The request could not be opened.',
  CLOCK_SKEW: 'The request timestamp is too far from the relay clock.',
  NOT_FOUND: 'Not found.',
  KEY_EXPIRED: 'The relay key is unknown or expired; use a current key.',
  REPLAY: 'This request was already received.',
  TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_ENCODING: 'Unsupported content encoding.',
  RATE_LIMITED: 'Too many requests; try again later.',
  INTERNAL: 'The relay hit an internal error.',
  UPSTREAM_ERROR: 'The model service returned an error.',
  UNAVAILABLE: 'The relay is not ready.',
  UPSTREAM_TIMEOUT: 'The model service did not answer in time.',
};

export class RelayError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: RelayErrorCode,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(MESSAGES[code]);
    this.statusCode = RELAY_ERROR_CODES[code];
  }
  body(): Record<string, unknown> {
    return { error: { code: this.code, message: this.message }, ...this.extra };
  }
}

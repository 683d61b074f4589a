import { z } from 'zod';

/**
 * Stable error codes. The UI and tests match on these strings, so never rename one;
 * add new codes at the end of their group.
 */
export const ERROR_CODES = [
  // contract / transport
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'INTERNAL',
  'NOT_IMPLEMENTED',
  'UNAVAILABLE',
  'CANCELLED',
  'TOO_LARGE',
  'NOT_FOUND',
  'CONFLICT',
  // vault
  'LOCKED',
  'WRONG_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'RATE_LIMITED',
  'VAULT_BUSY',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'KEYSTORE_CHANGED',
  'KEYCHAIN_UNAVAILABLE',
  'KDF_TOO_WEAK',
  'VERSION_UNSUPPORTED',
  'IO_ERROR',
  // store
  'CORRUPT',
  'WRONG_KEY',
  'DB_FROM_FUTURE',
  // llm
  'MODEL_INVALID',
  'MODEL_NOT_LOADED',
  'CONTEXT_OVERFLOW',
  'PROVIDER_ERROR',
  'OFFLINE',
  'BUSY',
  // coach / packets
  'SIGNATURE_INVALID',
  'POLICY_DENIED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Optional machine-readable detail (never user content, never stack traces). */
  retryAfterMs: z.number().int().nonnegative().optional(),
});

export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, retryAfterMs?: number): ApiResult<never> => ({
  ok: false,
  error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs },
});

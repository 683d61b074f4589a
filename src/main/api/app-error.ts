import type { ErrorCode } from '../../shared/api';

/**
 * The one error type services throw. The dispatcher turns it into `{ok:false, error}`;
 * anything else becomes INTERNAL with a generic message so no stack or content leaks.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

import type { ErrorCode } from '../../shared/api';

/**
 * The llm service throws this; create-app's handlers rethrow it as the API layer's AppError.
 * Services may not import src/main/api (layers rule), so the shape is duplicated here.
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

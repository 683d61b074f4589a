import type { ErrorCode } from '../../shared/api';

/** The coach's typed error; services may not import src/main/api, so the API layer maps it by shape. */
export class CoachError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoachError';
  }
}

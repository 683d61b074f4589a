import type { ErrorCode } from '../../shared/api';

/** The journal's typed error; services may not import src/main/api, so the handlers map it by shape. */
export class JournalError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JournalError';
  }
}

export const invalid = (message: string) => new JournalError('INVALID_INPUT', message);

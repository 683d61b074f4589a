import type { ErrorCode } from '../../shared/api';

/**
 * The store's typed failure. Services may not import the API layer (layer rule), so the
 * history handlers translate this into an AppError with the same code. Messages are calm
 * and never contain user content, file paths or SQLite's own text.
 */
export class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const isStoreError = (e: unknown): e is StoreError => e instanceof StoreError;

export const MESSAGES = {
  wrongKey: 'The history could not be opened with this key.',
  corrupt: 'The history file is damaged. You can restore it from a backup.',
  missing: 'The history file is missing. You can restore it from a backup.',
  fromFuture: 'This history was written by a newer version of DBT Coach. Please update the app.',
  io: 'The history file could not be read or written.',
  closed: 'The history is closed.',
} as const;

/** Maps a SQLite error code (better-sqlite3's `code`) to a store error; unknown errors pass through. */
export function fromSqlite(error: unknown): unknown {
  if (isStoreError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new StoreError('CORRUPT', MESSAGES.corrupt);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_FULL')
    return new StoreError('IO_ERROR', MESSAGES.io);
  return error;
}

/** Runs `fn`, turning SQLite corruption and I/O failures into typed errors. */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw fromSqlite(e);
  }
}

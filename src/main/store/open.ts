import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { MESSAGES, StoreError, fromSqlite } from './errors';
import { keyCheckValue, keyPragma, keyToHex } from './key';
import { checkWal } from './wal-check';

export type Db = Database.Database;

/** SQLCipher's page size (cipher_page_size); the file length is always a multiple of it. */
export const PAGE_SIZE = 4096;

export interface OpenOptions {
  /** SQLCipher format version; 4 in the app. Only the format test passes 3. */
  legacy?: 3 | 4;
  readonly?: boolean;
}

/**
 * Applies the key sequence to a fresh connection and proves the key with a read.
 * The order matters: cipher and legacy must be set before the key, and the key before any read.
 * A wrong key, a wrong cipher and a damaged first page all surface here as SQLITE_NOTADB.
 */
export function keyConnection(db: Db, dataKey: Buffer, legacy: 3 | 4 = 4): void {
  const hex = keyToHex(dataKey);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`legacy = ${legacy === 3 ? 3 : 4}`);
  db.pragma(keyPragma(hex));
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

/** Connection settings: no plaintext temp files, overwrite deleted content, WAL, no mmap. */
export function configureConnection(db: Db): void {
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('mmap_size = 0');
  // 64 MiB page cache: decrypted pages stay in memory, so reads and FTS segment merges do not
  // pay for decryption again (the benchmark's page-read ratio depends on it).
  db.pragma('cache_size = -65536');
  if (!db.readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: each commit fsyncs the WAL, so a reported commit survives power loss, not only a crash.
    db.pragma('synchronous = FULL');
  }
}

export const kcvPath = (file: string): string => `${file}.keycheck`;

/** Reads the key check value written next to the database, or null when there is none. */
function readKcv(file: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(kcvPath(file), 'utf8')) as { v?: unknown; kcv?: unknown };
    return parsed.v === 1 && typeof parsed.kcv === 'string' ? parsed.kcv : null;
  } catch {
    return null;
  }
}

/**
 * Decides WRONG_KEY versus CORRUPT after SQLITE_NOTADB. SQLCipher cannot tell them apart, so
 * we use evidence from outside the file: the key check value written when the database was
 * created. Matching value → the key is right, so the file is damaged. Different value → wrong key.
 * No value (older or copied file) → WRONG_KEY, the more likely and the less alarming answer.
 */
export function classifyNotADb(file: string, dataKey: Buffer): StoreError {
  const kcv = readKcv(file);
  if (kcv !== null && kcv === keyCheckValue(dataKey)) return new StoreError('CORRUPT', MESSAGES.corrupt);
  return new StoreError('WRONG_KEY', MESSAGES.wrongKey);
}

/**
 * Checks that never touch the file: it is not missing when a key check value says it existed,
 * its length is whole pages, and a leftover WAL is not damaged in the middle.
 */
export function precheckFile(file: string): 'new' | 'existing' {
  const hasKcv = existsSync(kcvPath(file));
  if (!existsSync(file)) {
    if (hasKcv) throw new StoreError('CORRUPT', MESSAGES.missing);
    return 'new';
  }
  const size = statSync(file).size;
  // An empty file would silently become a new, empty database: refuse when one existed.
  if (size === 0) {
    if (hasKcv) throw new StoreError('CORRUPT', MESSAGES.corrupt);
    return 'new';
  }
  if (size % PAGE_SIZE !== 0) throw new StoreError('CORRUPT', MESSAGES.corrupt);
  if (checkWal(`${file}-wal`) === 'corrupt') throw new StoreError('CORRUPT', MESSAGES.corrupt);
  return 'existing';
}

/** Opens and keys a connection; any failure closes it and becomes a typed error. */
export function openKeyed(file: string, dataKey: Buffer, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw fromSqlite(e);
  }
  try {
    keyConnection(db, dataKey, options.legacy ?? 4);
    configureConnection(db);
    return db;
  } catch (e) {
    db.close();
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') throw classifyNotADb(file, dataKey);
    throw fromSqlite(e);
  }
}

/** `PRAGMA quick_check` (or the full integrity_check); true only for a clean 'ok'. */
export function checkIntegrity(db: Db, full = false): boolean {
  try {
    const rows = db.pragma(full ? 'integrity_check' : 'quick_check') as Array<Record<string, unknown>>;
    return rows.length === 1 && Object.values(rows[0] ?? {})[0] === 'ok';
  } catch (e) {
    const converted = fromSqlite(e);
    if (converted instanceof StoreError && converted.code === 'CORRUPT') return false;
    throw converted;
  }
}

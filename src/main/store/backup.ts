import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/api/history';
import { MESSAGES, StoreError } from './errors';
import { copyFileAtomic, exists, fsyncPath, tryUnlink } from './fs-util';
import { latestVersion, schemaVersion } from './migrate';
import { checkIntegrity, openKeyed, type Db } from './open';

const NAME = /^history-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.db$/;
export const DEFAULT_RETENTION = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

function nameFor(at: number, n: number): string {
  const iso = new Date(at).toISOString(); // UTC: names sort chronologically everywhere
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return `history-${stamp}${n > 0 ? `-${n}` : ''}.db`;
}

function timeOf(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, n] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Number(n ?? 0);
}

/** Backups newest first. Only files matching the backup name pattern are listed. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const at = timeOf(name);
    if (at === null) continue;
    const st = statSync(path.join(dir, name));
    if (st.isFile()) out.push({ name, createdAt: at, size: st.size });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

/** The full path of a named backup; the name pattern rules out traversal. */
export function backupPath(dir: string, name: string): string {
  if (timeOf(name) === null) throw new StoreError('INVALID_INPUT', 'That is not a backup name.');
  const p = path.join(dir, name);
  if (!exists(p)) throw new StoreError('NOT_FOUND', 'That backup does not exist.');
  return p;
}

/**
 * Opens a backup read-only with the key and runs the full integrity_check. Opening with
 * cipher=sqlcipher/legacy=4 and the key is itself the proof that it is encrypted the same way.
 */
export function verifyBackup(file: string, dataKey: Buffer): void {
  const db = openKeyed(file, dataKey, { readonly: true });
  try {
    if (!checkIntegrity(db, true)) throw new StoreError('CORRUPT', 'That backup is damaged.');
    if (schemaVersion(db) > latestVersion()) throw new StoreError('DB_FROM_FUTURE', MESSAGES.fromFuture);
  } finally {
    db.close();
  }
}

/**
 * Online backup with VACUUM INTO: a consistent snapshot, written encrypted with the same cipher
 * and key (SQLite3MultipleCiphers keys the target like the source; `db.backup()` refuses an
 * unkeyed target). Written under a temp name, verified, then renamed into place.
 */
export function backupNow(db: Db, dir: string, dataKey: Buffer, now = Date.now()): BackupInfo {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let n = 0;
  while (exists(path.join(dir, nameFor(now, n)))) n++;
  const name = nameFor(now, n);
  const target = path.join(dir, name);
  const tmp = `${target}.partial`;
  tryUnlink(tmp);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    fsyncPath(tmp);
    verifyBackup(tmp, dataKey);
    renameSync(tmp, target);
    fsyncPath(dir);
  } catch (e) {
    tryUnlink(tmp);
    throw e;
  }
  return { name, createdAt: timeOf(name) ?? now, size: statSync(target).size };
}

/** Keeps the newest `keep` backups and removes the rest (they are encrypted; plain unlink). */
export function pruneBackups(dir: string, keep: number): string[] {
  const removed: string[] = [];
  for (const b of listBackups(dir).slice(Math.max(1, keep))) {
    tryUnlink(path.join(dir, b.name));
    removed.push(b.name);
  }
  return removed;
}

/** A backup when the newest is a day old or missing; then retention. Returns the new backup or null. */
export function dailyBackup(db: Db, dir: string, dataKey: Buffer, keep: number, now = Date.now()): BackupInfo | null {
  const newest = listBackups(dir)[0];
  if (newest && now - newest.createdAt < DAY_MS) return null;
  const info = backupNow(db, dir, dataKey, now);
  pruneBackups(dir, keep);
  return info;
}

/**
 * Replaces the database with a verified backup. The store must be closed. Order:
 * verify the backup → copy it next to the database (fsync) → move the current files aside as
 * `.pre-restore` → rename the copy into place → verify the result; on failure the old files
 * go back. The `.pre-restore` copies are removed only after the restored file opened cleanly.
 */
export function restoreBackup(file: string, dataKey: Buffer, source: string): void {
  verifyBackup(source, dataKey);
  const staged = `${file}.restore-tmp`;
  copyFileAtomic(source, staged);
  const aside = [
    [file, `${file}.pre-restore`],
    [`${file}-wal`, `${file}.pre-restore-wal`],
  ] as const;
  const moved: Array<readonly [string, string]> = [];
  try {
    for (const pair of aside) {
      if (exists(pair[0])) {
        renameSync(pair[0], pair[1]);
        moved.push(pair);
      }
    }
    tryUnlink(`${file}-shm`); // derived from the WAL; stale after the swap
    renameSync(staged, file);
    fsyncPath(path.dirname(file));
    verifyBackup(file, dataKey);
  } catch (e) {
    if (exists(staged)) tryUnlink(staged);
    if (moved.length > 0) {
      tryUnlink(file);
      for (const [from, to] of moved) renameSync(to, from);
      fsyncPath(path.dirname(file));
    }
    throw e;
  }
  for (const [, to] of moved) tryUnlink(to);
}

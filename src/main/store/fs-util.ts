import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  lstatSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** fsync a file or folder by path (folders make renames durable; Windows cannot, so it is skipped). */
export function fsyncPath(p: string): void {
  let fd: number;
  try {
    fd = openSync(p, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Directories cannot be fsynced on some platforms; the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}

/** Writes a file atomically: temp file in the same folder, fsync, rename, fsync the folder. */
export function writeFileAtomic(target: string, data: string | Buffer, mode = 0o600): void {
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data, { mode, flag: 'wx' });
    fsyncPath(tmp);
    renameSync(tmp, target);
  } catch (e) {
    tryUnlink(tmp);
    throw e;
  }
  fsyncPath(path.dirname(target));
}

/** Copies a file to `target` atomically (copy to temp, fsync, rename, fsync folder). */
export function copyFileAtomic(source: string, target: string): void {
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    copyFileSync(source, tmp);
    fsyncPath(tmp);
    renameSync(tmp, target);
  } catch (e) {
    tryUnlink(tmp);
    throw e;
  }
  fsyncPath(path.dirname(target));
}

export function tryUnlink(p: string): void {
  try {
    unlinkSync(p);
  } catch {
    // already gone
  }
}

export function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Overwrites a file with random bytes, fsyncs, then removes it. On SSDs and copy-on-write file
 * systems the old blocks may survive; that is why "delete all history" also destroys the key.
 */
export function shred(p: string): void {
  let fd: number;
  try {
    const st = lstatSync(p);
    if (!st.isFile()) return tryUnlink(p);
    fd = openSync(p, 'r+');
    const chunk = 1 << 20;
    for (let pos = 0; pos < st.size; pos += chunk) {
      writeSync(fd, randomBytes(Math.min(chunk, st.size - pos)), 0, Math.min(chunk, st.size - pos), pos);
    }
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // fall through to unlink: removing is still better than keeping
  }
  tryUnlink(p);
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { JournalError } from '../errors';

const badPath = () => new JournalError('INVALID_INPUT', 'Choose a file in a folder outside the app data.');

/**
 * A user-chosen output file: absolute, the expected extension, an existing folder, not a link or
 * folder itself, and never inside the app's data (where it could be mistaken for, or replace, app files).
 */
export function validateOutputPath(p: string, extension: string, protectedDirs: string[]): string {
  if (p.includes('\0') || !path.isAbsolute(p)) throw badPath();
  const resolved = path.resolve(p);
  if (path.extname(resolved).toLowerCase() !== extension) throw badPath();
  let folder: string;
  try {
    folder = fs.realpathSync(path.dirname(resolved));
    if (!fs.statSync(folder).isDirectory()) throw badPath();
  } catch {
    throw badPath();
  }
  const target = path.join(folder, path.basename(resolved));
  for (const dir of protectedDirs) {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      real = path.resolve(dir);
    }
    const rel = path.relative(real, target);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) throw badPath();
  }
  try {
    if (!fs.lstatSync(target).isFile()) throw badPath();
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw badPath();
  }
  return target;
}

/** Temp file in the same folder, fsync, rename, fsync the folder: a reader never sees half a file. */
export function writeFileAtomic(target: string, data: Uint8Array): void {
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch {
    fs.rmSync(tmp, { force: true });
    throw new JournalError('IO_ERROR', 'The file could not be written. Check the folder and free space.');
  }
  try {
    const dirFd = fs.openSync(path.dirname(target), 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    // Folders cannot be fsynced on every platform; the rename itself is atomic.
  }
}

/** Reads a regular file of at most `max` bytes; larger files are refused before they are read. */
export function readFileCapped(p: string, max: number): Buffer {
  if (p.includes('\0') || !path.isAbsolute(p)) throw new JournalError('INVALID_INPUT', 'Choose a file to open.');
  let fd: number;
  try {
    fd = fs.openSync(p, 'r');
  } catch {
    throw new JournalError('NOT_FOUND', 'That file could not be opened.');
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new JournalError('INVALID_INPUT', 'Choose a file to open.');
    if (st.size > max) throw new JournalError('TOO_LARGE', 'That file is too large.');
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

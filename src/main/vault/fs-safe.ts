import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MESSAGES, VaultError } from './errors';

/** Any failure of the file system becomes IO_ERROR; our own typed errors pass through. */
export function ioGuard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw new VaultError('IO_ERROR', MESSAGES.io);
  }
}

export function fsyncDir(dir: string): void {
  // Directories cannot be fsynced on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Temp file in the same folder, fsync, rename, fsync the folder: readers see the old or the new file, never half. */
export function writeAtomic(file: string, data: Buffer | string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDir(dir);
}

/** Reads a file but refuses anything larger than `max` bytes before reading it. Null when missing. */
export function readCapped(file: string, max: number): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size > max) throw new VaultError('CORRUPT', MESSAGES.corrupt);
    const buf = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask; make sure the vault folder really is 0700.
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
}

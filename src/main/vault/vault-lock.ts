import fs from 'node:fs';
import path from 'node:path';
import { MESSAGES, VaultError } from './errors';

export const LOCK_FILE = '.lock';
/** Locks held by this process, so two services in one process (tests, a second window) also exclude each other. */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on one vault folder: a file created with O_EXCL holding our pid. A lock left by a
 * process that no longer runs (crash, power loss) is stale and is taken over. Returns a release function.
 */
export function acquireVaultLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  if (heldHere.has(file)) throw new VaultError('VAULT_BUSY', MESSAGES.busy);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      heldHere.add(file);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new VaultError('IO_ERROR', MESSAGES.io);
      const pid = Number.parseInt(safeRead(file), 10);
      // Our own pid without an entry in heldHere means an earlier run of a reused pid left it behind.
      const stale = !Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid);
      if (!stale) throw new VaultError('VAULT_BUSY', MESSAGES.busy);
      fs.rmSync(file, { force: true });
    }
  }
  throw new VaultError('VAULT_BUSY', MESSAGES.busy);
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(0, 32);
  } catch {
    return '';
  }
}

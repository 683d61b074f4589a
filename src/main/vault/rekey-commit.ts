import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MESSAGES, VaultError } from './errors';
import { fsyncDir, makePrivateDir, readCapped, writeAtomic } from './fs-safe';
import { KEY_FILE_MAX_BYTES } from './key-file';
import { KEY_FILE } from './vault-dirs';

/**
 * Swapping the key file and removing the history's files as one step ("delete all history").
 *
 * Everything happens inside `<vault>/.rekey-pending/`:
 *
 *   1. `intent.json`: the SHA-256 of the new key file and the names that will move (written atomically,
 *      before anything moves);
 *   2. `vault.key.next`: the complete new key file (atomic write);
 *   3. each history file and folder is renamed into `moved/` (same file system: atomic renames);
 *   4. COMMIT: `vault.key.next` is renamed over `vault.key`;
 *   5. `moved/` is overwritten (best effort) and the folder removed.
 *
 * `recoverRekey` runs before every unlock: if `vault.key` is the new file the step committed, and the
 * leftovers are removed; otherwise everything in `moved/` goes back and the old vault is as it was.
 * A crash at any moment thus leaves the old key file with the old history, or the new key file with no
 * history: never a key file whose database is gone, or a database no key file opens.
 */
export const REKEY_PENDING = '.rekey-pending';
const INTENT = 'intent.json';
const NEXT = 'vault.key.next';
const MOVED = 'moved';

/** What "delete all history" needs from the history's owner (the vault knows no file names of its own). */
export interface HistoryReset {
  /** Closes the database; called only once the passphrase is proven. */
  close(): void | Promise<void>;
  /** Names in the vault folder (database, WAL/SHM, backups folder…) removed together with the old key. */
  entries(dir: string): string[];
}

/** Test hook: called before each step, so a spec can crash (SIGKILL) or fail (throw) exactly there. */
export type RekeyFault = (step: string) => void;

/** A plain name inside the vault folder, never the key file, the lock or our own folder. */
const entryName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/)
  .refine((n) => n !== KEY_FILE && n !== REKEY_PENDING && n !== NEXT);
const intentSchema = z.strictObject({
  v: z.literal(1),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  entries: z.array(entryName).max(1000),
});

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const exists = (p: string): boolean => fs.existsSync(p);

export function rekeyPending(dir: string): boolean {
  return exists(path.join(dir, REKEY_PENDING));
}

/**
 * Installs `newFile` as the key file and removes `entries` (names in `dir`) with it. Throws after rolling
 * back when any step before the commit fails; returns normally once the commit happened (cleanup failures
 * are left for the next unlock).
 */
export function commitRekey(dir: string, newFile: Buffer, entries: readonly string[], fault?: RekeyFault): void {
  for (const n of entries) if (!entryName.safeParse(n).success) throw new VaultError('INVALID_INPUT', MESSAGES.io);
  recoverRekey(dir);
  const pending = path.join(dir, REKEY_PENDING);
  const moved = path.join(pending, MOVED);
  try {
    fault?.('prepare');
    makePrivateDir(pending);
    makePrivateDir(moved);
    fsyncDir(dir);
    fault?.('intent');
    const present = entries.filter((n) => exists(path.join(dir, n)));
    writeAtomic(path.join(pending, INTENT), JSON.stringify({ v: 1, key: sha256(newFile), entries: present }));
    fault?.('next-key');
    writeAtomic(path.join(pending, NEXT), newFile);
    for (const n of present) {
      fault?.(`move:${n}`);
      fs.renameSync(path.join(dir, n), path.join(moved, n));
    }
    fsyncDir(moved);
    fsyncDir(dir);
    fault?.('commit');
    fs.renameSync(path.join(pending, NEXT), path.join(dir, KEY_FILE));
    fsyncDir(dir);
  } catch (error) {
    // Settles the folder either way; a failure after the rename (an fsync) has still committed.
    if (recoverRekey(dir) === 'completed') return;
    throw error instanceof VaultError ? error : new VaultError('IO_ERROR', MESSAGES.io);
  }
  try {
    fault?.('cleanup');
    destroy(pending);
  } catch {
    // Committed: what is left is encrypted under a key that no longer exists; the next unlock removes it.
  }
}

/**
 * Finishes or undoes an interrupted rekey. 'none' when there was nothing to do. Throws (leaving the
 * folder as it is, for a later attempt) when a moved file cannot go back.
 */
export function recoverRekey(dir: string): 'none' | 'completed' | 'rolled-back' {
  const pending = path.join(dir, REKEY_PENDING);
  if (!exists(pending)) return 'none';
  const intent = readIntent(pending);
  if (!intent) {
    // The intent is written before anything moves: without it nothing was moved.
    destroy(pending);
    fsyncDir(dir);
    return 'rolled-back';
  }
  const current = readCapped(path.join(dir, KEY_FILE), KEY_FILE_MAX_BYTES);
  if (current && sha256(current) === intent.key) {
    destroy(pending);
    fsyncDir(dir);
    return 'completed';
  }
  for (const n of intent.entries) {
    const from = path.join(pending, MOVED, n);
    if (!exists(from)) continue;
    if (exists(path.join(dir, n))) throw new VaultError('IO_ERROR', MESSAGES.io);
    fs.renameSync(from, path.join(dir, n));
  }
  fsyncDir(dir);
  fs.rmSync(pending, { recursive: true, force: true });
  fsyncDir(dir);
  return 'rolled-back';
}

function readIntent(pending: string): z.infer<typeof intentSchema> | null {
  const raw = readCapped(path.join(pending, INTENT), 256 * 1024);
  if (!raw) return null;
  try {
    return intentSchema.parse(JSON.parse(raw.toString('utf8')));
  } catch {
    // Written atomically, so a damaged intent was edited: moving by its names would be guessing.
    throw new VaultError('CORRUPT', MESSAGES.corrupt);
  }
}

/** Overwrites regular files with random bytes (best effort: SSDs keep old blocks), then removes the folder. */
function destroy(folder: string): void {
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
    else if (st.isFile() && st.size > 0) {
      const fd = fs.openSync(p, 'r+');
      try {
        const chunk = 1 << 20;
        for (let at = 0; at < st.size; at += chunk) {
          const n = Math.min(chunk, st.size - at);
          fs.writeSync(fd, randomBytes(n), 0, n, at);
        }
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
  };
  try {
    walk(folder);
  } catch {
    // Removing is still better than keeping.
  }
  fs.rmSync(folder, { recursive: true, force: true });
}

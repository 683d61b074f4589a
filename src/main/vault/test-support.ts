// Helpers for the vault's specs (not shipped code paths).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KDF_MIN, type Calibration } from './kdf';
import { VaultService, type VaultServiceOptions } from './vault-service';

/** The cheapest cost a key file may ask for: fast enough for tests, still accepted by checkParams. */
export const TEST_KDF: Calibration = { params: { alg: 'argon2id', v: 19, ...KDF_MIN }, ms: 20 };
export const GOOD = 'my cat eats toast at midnight';
export const OTHER = 'seven quiet herons fold the map';

export function tmpDir(prefix = 'vault-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function service(dataDir: string, extra: Partial<VaultServiceOptions> = {}): VaultService {
  return new VaultService({ dataDir, kdf: TEST_KDF, ...extra });
}

/** path → sha256 of every file under `root` (and its mode), for byte-identical-after-failure checks. */
export function hashTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      const st = fs.statSync(p);
      if (st.isDirectory()) walk(p);
      else
        out[path.relative(root, p)] =
          `${createHash('sha256').update(fs.readFileSync(p)).digest('hex')} ${st.mode.toString(8)}`;
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out;
}

/**
 * Makes a folder unwritable even for root (CI runs as root, which ignores permission bits): chmod for
 * normal users, the immutable attribute for root. Returns the undo function.
 */
export function makeReadOnly(dir: string): () => void {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o500);
    return () => fs.chmodSync(dir, 0o700);
  }
  execFileSync('chattr', ['+i', dir]);
  return () => execFileSync('chattr', ['-i', dir]);
}

export function keyFilePath(dataDir: string): string {
  const root = path.join(dataDir, 'vaults');
  const id = fs.readdirSync(root).find((n) => /^[0-9a-f]{32}$/.test(n));
  if (!id) throw new Error('no vault');
  return path.join(root, id, 'vault.key');
}

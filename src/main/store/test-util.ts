// Helpers shared by the store's specs (not shipped code).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from './store';

export function tempDir(prefix = 'dbt-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const newKey = (): Buffer => randomBytes(32);

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function freshStore(dir: string, key = newKey()): { store: Store; key: Buffer; file: string } {
  const file = path.join(dir, 'history.db');
  return { store: openStore({ file, dataKey: key }), key, file };
}

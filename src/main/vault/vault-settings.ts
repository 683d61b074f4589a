import path from 'node:path';
import { z } from 'zod';
import { AUTO_LOCK_DEFAULT_SECONDS, AUTO_LOCK_MAX_SECONDS, AUTO_LOCK_MIN_SECONDS } from '../../shared/api/vault';
import { readCapped, writeAtomic } from './fs-safe';

/** Per-vault preferences that are not secret (plain JSON in the vault folder). */
export const SETTINGS_FILE = 'settings.json';
const schema = z.object({
  autoLockSeconds: z.number().int().min(AUTO_LOCK_MIN_SECONDS).max(AUTO_LOCK_MAX_SECONDS),
});
export type VaultSettings = z.infer<typeof schema>;

export function readSettings(dir: string): VaultSettings {
  try {
    const raw = readCapped(path.join(dir, SETTINGS_FILE), 4096);
    if (raw) return schema.parse(JSON.parse(raw.toString('utf8')));
  } catch {
    // fall back to the defaults
  }
  return { autoLockSeconds: AUTO_LOCK_DEFAULT_SECONDS };
}

export function writeSettings(dir: string, settings: VaultSettings): void {
  writeAtomic(path.join(dir, SETTINGS_FILE), JSON.stringify(schema.parse(settings)));
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { slotAd, unwrapSlot, wrapSlot } from './key-file';
import { VaultError } from './errors';
import { readCapped, writeAtomic } from './fs-safe';

/**
 * "Remember on this device". The OS keychain holds a random 256-bit device key (one per vault); the vault
 * folder holds remember.json, the VMK wrapped under that device key with the backend name bound as
 * associated data. Neither half alone yields anything: the keychain entry without the vault files is
 * random bytes, and the files without the keychain entry are a sealed slot.
 */
export type KeychainProbe = { available: true; backend: string } | { available: false; reason: string };

export interface KeychainAdapter {
  probe(): Promise<KeychainProbe>;
  store(account: string, secret: Buffer): Promise<void>;
  /** Null when there is no entry. */
  load(account: string): Promise<Buffer | null>;
  remove(account: string): Promise<void>;
}

export const KEYCHAIN_SERVICE = 'DBT Coach vault';
export const REMEMBER_FILE = 'remember.json';
const rememberSchema = z.strictObject({
  v: z.literal(1),
  backend: z.string().max(64),
  slot: z.string().max(200),
});

export const unavailable = (reason: string): VaultError => new VaultError('KEYCHAIN_UNAVAILABLE', reason);

export function isRemembered(dir: string): boolean {
  return fs.existsSync(path.join(dir, REMEMBER_FILE));
}

export async function rememberVault(
  adapter: KeychainAdapter,
  dir: string,
  vaultId: string,
  vmk: Buffer,
): Promise<string> {
  const probe = await adapter.probe();
  if (!probe.available) throw unavailable(probe.reason);
  const deviceKey = randomBytes(32);
  try {
    const slot = wrapSlot(deviceKey, vmk, slotAd('keychain', vaultId, probe.backend));
    // A locked or refusing keychain is a calm, typed "unavailable", never an internal error.
    await adapter.store(vaultId, deviceKey).catch(() => {
      throw unavailable('The system keychain would not store the key. It may be locked; unlock it and try again.');
    });
    writeAtomic(
      path.join(dir, REMEMBER_FILE),
      JSON.stringify({ v: 1, backend: probe.backend, slot: slot.toString('base64') }),
    );
    return probe.backend;
  } finally {
    deviceKey.fill(0);
  }
}

export async function forgetVault(adapter: KeychainAdapter | undefined, dir: string, vaultId: string): Promise<void> {
  fs.rmSync(path.join(dir, REMEMBER_FILE), { force: true });
  try {
    await adapter?.remove(vaultId);
  } catch {
    // The keychain entry is useless without remember.json, which is already gone.
  }
}

/**
 * Returns the VMK from the keychain. KEYSTORE_CHANGED when the backend differs from the one recorded
 * (the entry is then forgotten and the passphrase is required), KEYCHAIN_UNAVAILABLE when it is not reachable.
 */
export async function recallVault(adapter: KeychainAdapter | undefined, dir: string, vaultId: string): Promise<Buffer> {
  if (!adapter) throw unavailable('There is no keychain on this device.');
  const raw = readCapped(path.join(dir, REMEMBER_FILE), 4096);
  if (!raw) throw unavailable('This vault is not remembered on this device.');
  let record: z.infer<typeof rememberSchema>;
  try {
    record = rememberSchema.parse(JSON.parse(raw.toString('utf8')));
  } catch {
    await forgetVault(adapter, dir, vaultId);
    throw new VaultError('KEYSTORE_CHANGED', 'The remembered key is damaged. Please enter your passphrase.');
  }
  const probe = await adapter.probe();
  if (!probe.available) throw unavailable(probe.reason);
  const changed = () =>
    new VaultError('KEYSTORE_CHANGED', 'The keychain on this device changed. Please enter your passphrase.');
  if (probe.backend !== record.backend) {
    await forgetVault(adapter, dir, vaultId);
    throw changed();
  }
  const deviceKey = await adapter.load(vaultId);
  if (!deviceKey) {
    await forgetVault(adapter, dir, vaultId);
    throw changed();
  }
  const vmk = unwrapSlot(deviceKey, Buffer.from(record.slot, 'base64'), slotAd('keychain', vaultId, record.backend));
  deviceKey.fill(0);
  if (!vmk) {
    await forgetVault(adapter, dir, vaultId);
    throw changed();
  }
  return vmk;
}

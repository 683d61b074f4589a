import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageKeychain, type SafeStorageLike } from './keychain-safe-storage';
import { GOOD, service, tmpDir } from './test-support';
import type { VaultPolicy } from './vault-core';

const LABEL = 'Room 3';
const xor: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

/** The admin policy's hook into the vault (src/main/policy supplies it in the app). */
describe('vault under an admin policy', () => {
  it('cuts a longer stored auto-lock to the ceiling at unlock without rewriting the person’s choice', async () => {
    const dataDir = tmpDir();
    const open = service(dataDir);
    await open.create(LABEL, GOOD, GOOD);
    open.setAutoLock(3600);
    await open.close();
    let policy: VaultPolicy = { autoLockMaxSeconds: 300, rememberDisabled: false };
    const vault = service(dataDir, { policy: () => policy });
    await vault.unlock(LABEL, GOOD);
    expect(vault.status().autoLockSeconds).toBe(300);
    expect(vault.setAutoLock(86_400)).toEqual({ seconds: 300 });
    expect(vault.setAutoLock(60)).toEqual({ seconds: 60 });
    await vault.lock();
    policy = { autoLockMaxSeconds: null, rememberDisabled: false };
    await vault.unlock(LABEL, GOOD);
    expect(vault.status().autoLockSeconds).toBe(60);
    await vault.close();
  });

  it('refuses to remember, hides and forgets a key remembered before the policy arrived', async () => {
    const dataDir = tmpDir();
    const keychain = new SafeStorageKeychain(xor, path.join(dataDir, 'keychain'), 'linux');
    const before = service(dataDir, { keychain });
    await before.create(LABEL, GOOD, GOOD);
    await before.setRemember(true);
    await before.close();
    const vault = service(dataDir, { keychain, policy: () => ({ autoLockMaxSeconds: null, rememberDisabled: true }) });
    expect(vault.list()[0]?.remembered).toBe(false);
    await expect(vault.unlockRemembered(LABEL)).rejects.toMatchObject({ code: 'POLICY_DENIED' });
    await vault.unlock(LABEL, GOOD);
    await expect(vault.setRemember(true)).rejects.toMatchObject({ code: 'POLICY_DENIED' });
    await vault.close();
    // Forgotten at unlock: even without the policy it is no longer remembered.
    const after = service(dataDir, { keychain });
    expect(after.list()[0]?.remembered).toBe(false);
    const folders = fs.readdirSync(path.join(dataDir, 'vaults')).filter((n) => /^[0-9a-f]{32}$/.test(n));
    for (const f of folders) expect(fs.existsSync(path.join(dataDir, 'vaults', f, 'remember.json'))).toBe(false);
  });
});

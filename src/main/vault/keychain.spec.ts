import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeytarKeychain } from './keychain-keytar';
import { SafeStorageKeychain, type SafeStorageLike } from './keychain-safe-storage';
import { GOOD, service, tmpDir } from './test-support';

const LABEL = 'Clinic laptop';

/** A stand-in for Electron's safeStorage: XOR "encryption" is enough to prove the adapter's wiring. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  const state = { backend, available };
  const api: SafeStorageLike = {
    isEncryptionAvailable: () => state.available,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => state.backend,
  };
  return { api, state };
}

describe('keychain through safeStorage (injected fake)', () => {
  it('remembers, unlocks without the passphrase, and keeps only a wrapped key on either side', async () => {
    const dataDir = tmpDir();
    const { api } = fakeSafeStorage();
    const keychain = new SafeStorageKeychain(api, path.join(dataDir, 'keychain'), 'linux');
    const vault = service(dataDir, { keychain });
    await vault.create(LABEL, GOOD, GOOD);
    const key = Buffer.from(vault.requireSession().dataKey);
    expect(await vault.keychainStatus()).toEqual({
      available: true,
      backend: 'safeStorage:gnome_libsecret',
      reason: null,
    });
    expect(await vault.setRemember(true)).toEqual({ enabled: true });
    await vault.lock();
    expect(vault.list()[0]?.remembered).toBe(true);
    await vault.unlockRemembered(LABEL);
    expect(vault.requireSession().dataKey.equals(key)).toBe(true);
    expect(vault.auditTrail().map((e) => e.event)).toContain('unlock.keychain');
    // Neither the keychain store nor the vault folder holds the data key.
    for (const dir of [path.join(dataDir, 'keychain'), vault.requireSession().dir]) {
      for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f)).includes(key), f).toBe(false);
    }
    await vault.setRemember(false);
    await vault.lock();
    await expect(vault.unlockRemembered(LABEL)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await vault.close();
  });

  it('refuses Linux basic_text and says why', async () => {
    const { api } = fakeSafeStorage('basic_text');
    const keychain = new SafeStorageKeychain(api, tmpDir(), 'linux');
    const vault = service(tmpDir(), { keychain });
    const status = await vault.keychainStatus();
    expect(status).toMatchObject({ available: false, backend: null });
    expect(status.reason).toMatch(/keyring/);
    await vault.create(LABEL, GOOD, GOOD);
    await expect(vault.setRemember(true)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await vault.close();
  });

  it('requires the passphrase when the backend changes (KEYSTORE_CHANGED) and forgets the entry', async () => {
    const dataDir = tmpDir();
    const { api, state } = fakeSafeStorage('gnome_libsecret');
    const vault = service(dataDir, { keychain: new SafeStorageKeychain(api, path.join(dataDir, 'kc'), 'linux') });
    await vault.create(LABEL, GOOD, GOOD);
    await vault.setRemember(true);
    await vault.lock();
    state.backend = 'kwallet5';
    await expect(vault.unlockRemembered(LABEL)).rejects.toMatchObject({ code: 'KEYSTORE_CHANGED' });
    expect(vault.list()[0]?.remembered).toBe(false);
    await vault.unlock(LABEL, GOOD);
    await vault.close();
  });
});

/**
 * keytar against a real Secret Service (gnome-keyring on a D-Bus session). CI runs the tests inside
 * `dbus-run-session` with `gnome-keyring-daemon --unlock` (see .ci/run); without a reachable keyring this
 * test fails under CI=true and is skipped locally.
 */
describe('keychain through keytar (real gnome-keyring)', async () => {
  const keychain = new KeytarKeychain();
  const probe = await keychain.probe();
  const reachable = probe.available;
  if (!reachable && process.env.CI === 'true') {
    it('needs a reachable keyring in CI', () => {
      throw new Error(`keytar keyring not reachable in CI: ${probe.available ? '' : probe.reason}`);
    });
  }
  it.skipIf(!reachable)('remembers and unlocks through the Secret Service', async () => {
    const dataDir = tmpDir();
    const vault = service(dataDir, { keychain });
    await vault.create(LABEL, GOOD, GOOD);
    await vault.setRemember(true);
    const { vaultId } = vault.requireSession();
    const stored = await keychain.load(vaultId);
    expect(stored).toHaveLength(32);
    await vault.lock();
    await vault.unlockRemembered(LABEL);
    expect(vault.status().unlocked).toBe(true);
    await vault.setRemember(false);
    expect(await keychain.load(vaultId)).toBeNull();
    await vault.close();
  });
});

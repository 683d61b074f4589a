import fs from 'node:fs';
import path from 'node:path';
import type { KeychainAdapter, KeychainProbe } from './keychain';
import { makePrivateDir, readCapped, writeAtomic } from './fs-safe';

/**
 * The part of Electron's `safeStorage` this adapter uses. The Electron shell passes the real object in;
 * this file must not import 'electron' (only src/main/electron may), and tests pass a fake.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

/**
 * Electron safeStorage for the desktop app. safeStorage encrypts with a key the OS keeps (Keychain, DPAPI,
 * libsecret/kwallet) and returns ciphertext, which is kept in <dir>/<account>.bin. Linux's 'basic_text'
 * backend encrypts with a hard-coded password, i.e. not at all, so it is refused.
 */
export class SafeStorageKeychain implements KeychainAdapter {
  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly dir: string,
    private readonly platform: string = process.platform,
  ) {}

  async probe(): Promise<KeychainProbe> {
    if (!this.safeStorage.isEncryptionAvailable()) {
      return { available: false, reason: 'The operating system offers no encryption for stored secrets.' };
    }
    if (this.platform === 'linux') {
      const backend = this.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      if (backend === 'basic_text' || backend === 'unknown') {
        return {
          available: false,
          reason: 'No system keyring is running (GNOME Keyring or KWallet), so the key cannot be stored safely.',
        };
      }
      return { available: true, backend: `safeStorage:${backend}` };
    }
    return { available: true, backend: `safeStorage:${this.platform}` };
  }

  private file(account: string): string {
    if (!/^[0-9a-f]{32}$/.test(account)) throw new Error('bad account');
    return path.join(this.dir, `${account}.bin`);
  }

  async store(account: string, secret: Buffer): Promise<void> {
    makePrivateDir(this.dir);
    writeAtomic(this.file(account), this.safeStorage.encryptString(secret.toString('base64')));
  }

  async load(account: string): Promise<Buffer | null> {
    const raw = readCapped(this.file(account), 64 * 1024);
    if (!raw) return null;
    try {
      return Buffer.from(this.safeStorage.decryptString(raw), 'base64');
    } catch {
      return null;
    }
  }

  async remove(account: string): Promise<void> {
    fs.rmSync(this.file(account), { force: true });
  }
}

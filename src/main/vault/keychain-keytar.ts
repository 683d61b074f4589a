import { KEYCHAIN_SERVICE, type KeychainAdapter, type KeychainProbe } from './keychain';

/** The subset of keytar we use; injectable so the adapter can be exercised without the native module. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const PROBE_TIMEOUT_MS = 5000;
const BACKENDS: Record<string, string> = {
  linux: 'keytar:libsecret',
  darwin: 'keytar:macos-keychain',
  win32: 'keytar:windows-credential-manager',
};

async function loadKeytar(): Promise<KeytarLike | null> {
  try {
    const mod = (await import('keytar')) as unknown as { default?: KeytarLike } & KeytarLike;
    return mod.default ?? mod;
  } catch {
    return null;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error('keychain error'))),
    );
  });
}

/**
 * keytar (an optionalDependency) for the browser shell: libsecret on Linux, Keychain on macOS, Credential
 * Manager on Windows. The secret is stored base64-encoded because keytar stores strings.
 */
export class KeytarKeychain implements KeychainAdapter {
  private keytar: Promise<KeytarLike | null>;

  constructor(
    keytar?: KeytarLike,
    private readonly platform: string = process.platform,
    private readonly service: string = KEYCHAIN_SERVICE,
  ) {
    this.keytar = keytar ? Promise.resolve(keytar) : loadKeytar();
  }

  async probe(): Promise<KeychainProbe> {
    const kt = await this.keytar;
    if (!kt) return { available: false, reason: 'The keychain module is not installed on this device.' };
    const backend = BACKENDS[this.platform];
    if (!backend) return { available: false, reason: 'This operating system has no supported keychain.' };
    try {
      // A read of a name that does not exist proves the keyring service answers (D-Bus, unlocked keyring).
      await withTimeout(kt.getPassword(this.service, 'probe'), PROBE_TIMEOUT_MS);
      return { available: true, backend };
    } catch {
      return { available: false, reason: 'The system keyring is not reachable or is locked.' };
    }
  }

  async store(account: string, secret: Buffer): Promise<void> {
    const kt = await this.required();
    await withTimeout(kt.setPassword(this.service, account, secret.toString('base64')), PROBE_TIMEOUT_MS);
  }

  async load(account: string): Promise<Buffer | null> {
    const kt = await this.required();
    const value = await withTimeout(kt.getPassword(this.service, account), PROBE_TIMEOUT_MS);
    return value === null ? null : Buffer.from(value, 'base64');
  }

  async remove(account: string): Promise<void> {
    const kt = await this.required();
    await withTimeout(kt.deletePassword(this.service, account), PROBE_TIMEOUT_MS);
  }

  private async required(): Promise<KeytarLike> {
    const kt = await this.keytar;
    if (!kt) throw new Error('keytar unavailable');
    return kt;
  }
}

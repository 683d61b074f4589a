import fs from 'node:fs';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/api/events';
import type { AuditEventName, LockReason } from '../../shared/api/vault';
import { appendAudit } from './audit-log';
import { MESSAGES, VaultError } from './errors';
import { FailureCounter } from './failure-delay';
import { ioGuard, makePrivateDir, readCapped, writeAtomic } from './fs-safe';
import { calibrate, type Calibration, type KdfProgress } from './kdf';
import { KEY_FILE_MAX_BYTES, parseKeyFile, type ParsedKeyFile } from './key-file';
import { forgetVault, isRemembered, type KeychainAdapter } from './keychain';
import { assessPassphrase } from './passphrase-policy';
import type { RekeyFault } from './rekey-commit';
import { sessionFrom, type SessionListener, type VaultSession } from './session';
import { findVault, KEY_FILE, vaultsRoot, type VaultEntry } from './vault-dirs';
import { unlockWithPassphrase, wipeSecrets, type Kdf, type VaultSecrets } from './vault-secrets';
import { readSettings } from './vault-settings';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
export interface AuditEvent {
  readonly event: AuditEventName;
  /** A short code (lock reason, crisis level); never user content. */
  readonly detail?: string;
}

export interface VaultServiceOptions {
  readonly dataDir: string;
  readonly emit?: Emit;
  readonly keychain?: KeychainAdapter;
  /** Fixed KDF cost (tests, benchmarks). Default: calibrate on this machine once per process. */
  readonly kdf?: Calibration;
  /** Limits from the organisation's admin policy (src/main/policy); read on every use. */
  readonly policy?: () => VaultPolicy;
  readonly now?: () => number;
  /** Test-only fault injection for "delete all history" (rekey-commit.ts). */
  readonly rekeyFault?: RekeyFault;
}

export interface VaultPolicy {
  /** Auto-lock ceiling: a longer stored or requested timeout is cut to this. */
  readonly autoLockMaxSeconds: number | null;
  /** "Remember on this device" is refused, and a key remembered earlier is forgotten at unlock. */
  readonly rememberDisabled: boolean;
}

export interface RecoverySheet {
  label: string;
  recoveryCode: string;
  createdAt: string;
  fingerprint: string;
}

export interface Open {
  readonly session: VaultSession;
  readonly secrets: VaultSecrets;
  readonly release: () => void;
  autoLockSeconds: number;
  timer?: NodeJS.Timeout;
}

/** State and plumbing shared by the vault's operations (the operations are in VaultService). */
export class VaultCore {
  protected open: Open | null = null;
  protected readonly listeners = new Set<SessionListener>();
  protected calibration?: Promise<Calibration>;
  protected queue: Promise<unknown> = Promise.resolve();

  constructor(protected readonly options: VaultServiceOptions) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  requireSession(): VaultSession {
    if (!this.open) throw new VaultError('LOCKED', MESSAGES.locked);
    return this.open.session;
  }

  onSession(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Zeroes the keys, lets every session listener close (the database), then releases the folder, so no
   * other instance can open the vault while our database is still open. `beforeRelease` runs while the
   * folder is still ours (deleting it).
   */
  protected async lockCurrent(reason: LockReason, beforeRelease?: () => void): Promise<void> {
    const o = this.open;
    if (!o) return;
    this.open = null;
    if (o.timer) clearTimeout(o.timer);
    try {
      appendAudit(o.session.dir, o.session.x25519.publicRaw, { at: this.iso(), event: 'lock', detail: reason });
    } catch {
      // A full disk must not keep the vault open.
    }
    wipeSecrets(o.secrets);
    for (const l of this.listeners) {
      try {
        await l({ type: 'locked', label: o.session.label, reason });
      } catch {
        // Every listener must get the chance to close; one failing must not keep keys around.
      }
    }
    try {
      beforeRelease?.();
    } finally {
      o.release();
      this.options.emit?.('vault.locked', { reason });
    }
  }

  /** Locks now: zeroes keys, releases the folder, tells listeners and the renderer. */
  lock(reason: LockReason = 'manual'): Promise<void> {
    return this.serial(() => this.lockCurrent(reason));
  }

  /** Called on every user action (the API layer does it per call); restarts the idle timer. */
  touch(): void {
    const o = this.open;
    if (!o) return;
    if (o.timer) clearTimeout(o.timer);
    o.timer = setTimeout(() => void this.lock('idle'), o.autoLockSeconds * 1000);
    o.timer.unref?.();
  }

  /** The policy's ceiling applied to an auto-lock timeout (people may always choose shorter). */
  protected clampAutoLock(seconds: number): number {
    const max = this.options.policy?.().autoLockMaxSeconds ?? null;
    return max === null ? seconds : Math.min(seconds, max);
  }

  async close(): Promise<void> {
    await this.lock('manual');
  }

  audit(event: AuditEvent): void {
    const o = this.open;
    if (!o) return;
    try {
      appendAudit(o.session.dir, o.session.x25519.publicRaw, {
        at: this.iso(),
        event: event.event,
        detail: event.detail,
      });
    } catch {
      // The audit trail is best effort: a full disk must not block the user.
    }
  }

  // --- helpers -------------------------------------------------------------------------------------------

  protected serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected requireOpen(): Open {
    if (!this.open) throw new VaultError('LOCKED', MESSAGES.locked);
    return this.open;
  }

  protected find(label: string): VaultEntry {
    const entry = ioGuard(() => findVault(this.dataDir, label));
    if (!entry) throw new VaultError('VAULT_NOT_FOUND', MESSAGES.notFound);
    return entry;
  }

  protected failures(dir: string): FailureCounter {
    return new FailureCounter(dir, this.options.now);
  }

  protected readKeyFileBytes(entry: VaultEntry): Buffer {
    const raw = ioGuard(() => readCapped(path.join(entry.dir, KEY_FILE), KEY_FILE_MAX_BYTES));
    if (!raw) throw new VaultError('VAULT_NOT_FOUND', MESSAGES.notFound);
    return raw;
  }

  protected readKeyFile(entry: VaultEntry): ParsedKeyFile {
    const parsed = parseKeyFile(this.readKeyFileBytes(entry));
    if (parsed.header.vaultId !== entry.vaultId) throw new VaultError('CORRUPT', MESSAGES.corrupt);
    return parsed;
  }

  protected async verifyPassphrase(o: Open, passphrase: string): Promise<ParsedKeyFile> {
    const parsed = this.readKeyFile(this.find(o.session.label));
    const check = await unlockWithPassphrase(parsed, passphrase, this.progress());
    if (!check) throw new VaultError('WRONG_PASSPHRASE', MESSAGES.wrongPassphrase);
    wipeSecrets(check);
    return parsed;
  }

  protected checkPolicy(passphrase: string, label: string): void {
    const s = assessPassphrase(passphrase, label);
    if (!s.acceptable) throw new VaultError('WEAK_PASSPHRASE', policyMessage(s.problems));
  }

  protected progress(): KdfProgress | undefined {
    const emit = this.options.emit;
    if (!emit) return undefined;
    return (fraction) => emit('progress', { task: 'kdf', fraction, label: 'Deriving your key' });
  }

  protected async kdfForNewWrap(): Promise<Kdf> {
    const fixed = this.options.kdf;
    this.calibration ??= fixed ? Promise.resolve(fixed) : this.measure();
    const c = await this.calibration;
    return { params: c.params, ms: c.ms, onProgress: this.progress() };
  }

  protected measure(): Promise<Calibration> {
    this.options.emit?.('progress', { task: 'kdf', fraction: null, label: 'Measuring this device' });
    return calibrate();
  }

  /** Creates <vaults>/<id>/ with the key file, via a temp folder renamed into place: no half-made vaults. */
  protected installVaultDir(vaultId: string, file: Buffer): string {
    const root = vaultsRoot(this.dataDir);
    const dir = path.join(root, vaultId);
    const tmp = path.join(root, `.new-${vaultId}`);
    ioGuard(() => {
      makePrivateDir(root);
      try {
        makePrivateDir(tmp);
        writeAtomic(path.join(tmp, KEY_FILE), file);
        fs.renameSync(tmp, dir);
      } catch (error) {
        fs.rmSync(tmp, { recursive: true, force: true });
        throw error;
      }
    });
    return dir;
  }

  protected async establish(dir: string, parsed: ParsedKeyFile, secrets: VaultSecrets, release: () => void) {
    const session = sessionFrom(parsed.header.label, parsed.header.vaultId, dir, secrets);
    this.open = { session, secrets, release, autoLockSeconds: this.clampAutoLock(readSettings(dir).autoLockSeconds) };
    if (this.options.policy?.().rememberDisabled && isRemembered(dir)) {
      await forgetVault(this.options.keychain, dir, session.vaultId).catch(() => undefined);
    }
    this.touch();
    for (const l of this.listeners) {
      try {
        await l({ type: 'unlocked', session });
      } catch (error) {
        await this.lockCurrent('manual');
        throw error;
      }
    }
  }

  protected auditTo(dir: string, parsed: ParsedKeyFile, e: AuditEvent): void {
    try {
      appendAudit(dir, Buffer.from(parsed.header.publicKeys.x25519, 'base64'), { at: this.iso(), ...e });
    } catch {
      // best effort, see audit()
    }
  }

  protected sheet(parsed: ParsedKeyFile, recoveryCode: string): RecoverySheet {
    const fp = Buffer.from(parsed.header.publicKeys.ed25519, 'base64').subarray(0, 8).toString('hex');
    return {
      label: parsed.header.label,
      recoveryCode,
      createdAt: this.iso(),
      fingerprint: fp.match(/.{4}/g)?.join(' ') ?? fp,
    };
  }

  protected iso(): string {
    return new Date(this.options.now?.() ?? Date.now()).toISOString();
  }
}

export function policyMessage(problems: readonly string[]): string {
  if (problems.includes('too-short')) return 'Use at least 15 characters. A short sentence works well.';
  if (problems.includes('too-long')) return 'Use at most 256 characters.';
  if (problems.includes('contains-label')) return 'The passphrase must not contain the key label.';
  if (problems.includes('common')) return 'That is a commonly used password. Try a sentence only you would write.';
  return 'That passphrase is easy to guess. Try a sentence only you would write.';
}

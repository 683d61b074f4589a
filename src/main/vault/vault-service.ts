import fs from 'node:fs';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/api/events';
import type { AuditEventName, LockReason, PassphraseStrength } from '../../shared/api/vault';
import { appendAudit, readAudit } from './audit-log';
import { MESSAGES, VaultError } from './errors';
import { FailureCounter } from './failure-delay';
import { ioGuard, makePrivateDir, readCapped, writeAtomic } from './fs-safe';
import { calibrate, type Calibration, type KdfProgress } from './kdf';
import { KEY_FILE_MAX_BYTES, parseKeyFile, type ParsedKeyFile } from './key-file';
import { forgetVault, isRemembered, recallVault, rememberVault, type KeychainAdapter } from './keychain';
import { assessPassphrase, normalizePassphrase } from './passphrase-policy';
import { sessionFrom, type SessionListener, type VaultSession } from './session';
import { acquireVaultLock } from './vault-lock';
import { findVault, KEY_FILE, listVaultEntries, normalizeLabel, vaultsRoot, type VaultEntry } from './vault-dirs';
import {
  createVaultFile,
  rewrapKeyFile,
  secretsFrom,
  unlockWithPassphrase,
  unlockWithRecovery,
  wipeSecrets,
  type Kdf,
  type VaultSecrets,
} from './vault-secrets';
import { readSettings, writeSettings } from './vault-settings';
import { exportBackup, importBackup, type ImportRequest } from './vault-transfer';

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
  readonly now?: () => number;
}

export interface RecoverySheet {
  label: string;
  recoveryCode: string;
  createdAt: string;
  fingerprint: string;
}

interface Open {
  readonly session: VaultSession;
  readonly secrets: VaultSecrets;
  readonly release: () => void;
  autoLockSeconds: number;
  timer?: NodeJS.Timeout;
}

/** Key labels, unlock/lock, rewraps, export/import, keychain and audit: the one owner of the vault's keys. */
export class VaultService {
  private open: Open | null = null;
  private readonly listeners = new Set<SessionListener>();
  private calibration?: Promise<Calibration>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: VaultServiceOptions) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  // --- queries -------------------------------------------------------------------------------------------

  list(): Array<{ label: string; createdAt: string; remembered: boolean; retryAfterMs: number }> {
    return listVaultEntries(this.dataDir).map((e) => ({
      label: e.header.label,
      createdAt: e.header.createdAt,
      remembered: isRemembered(e.dir),
      retryAfterMs: this.failures(e.dir).retryAfterMs(),
    }));
  }

  status(): { unlocked: boolean; label: string | null; autoLockSeconds: number | null; remembered: boolean } {
    const o = this.open;
    return {
      unlocked: !!o,
      label: o?.session.label ?? null,
      autoLockSeconds: o?.autoLockSeconds ?? null,
      remembered: o ? isRemembered(o.session.dir) : false,
    };
  }

  strength(passphrase: string, label?: string): PassphraseStrength {
    return assessPassphrase(passphrase, label);
  }

  requireSession(): VaultSession {
    if (!this.open) throw new VaultError('LOCKED', MESSAGES.locked);
    return this.open.session;
  }

  onSession(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // --- create / unlock / lock ----------------------------------------------------------------------------

  create(label: string, passphrase: string, confirm: string): Promise<RecoverySheet> {
    return this.serial(async () => {
      const name = normalizeLabel(label);
      if (normalizePassphrase(passphrase) !== normalizePassphrase(confirm))
        throw new VaultError('INVALID_INPUT', MESSAGES.mismatch);
      this.checkPolicy(passphrase, name);
      if (ioGuard(() => findVault(this.dataDir, name))) throw new VaultError('VAULT_EXISTS', MESSAGES.exists);
      const kdf = await this.kdfForNewWrap();
      const made = await createVaultFile(name, passphrase, kdf);
      let dir: string;
      try {
        dir = this.installVaultDir(made.header.vaultId, made.file);
        await this.lockCurrent('manual');
      } catch (error) {
        wipeSecrets(made.secrets);
        throw error;
      }
      const parsed = parseKeyFile(made.file);
      this.auditTo(dir, parsed, { event: 'vault.created' });
      await this.establish(dir, parsed, made.secrets, acquireVaultLock(dir));
      return this.sheet(parsed, made.recoveryCode);
    });
  }

  unlock(label: string, passphrase: string): Promise<{ label: string }> {
    return this.serial(() => this.unlockWith(label, 'passphrase', passphrase));
  }

  recover(label: string, code: string, next: string, confirm: string): Promise<{ label: string }> {
    return this.serial(async () => {
      if (normalizePassphrase(next) !== normalizePassphrase(confirm))
        throw new VaultError('INVALID_INPUT', MESSAGES.mismatch);
      const entry = this.find(label);
      this.checkPolicy(next, entry.header.label);
      return this.unlockWith(label, 'recovery', code, next);
    });
  }

  unlockRemembered(label: string): Promise<{ label: string }> {
    return this.serial(() => this.unlockWith(label, 'keychain'));
  }

  private async unlockWith(label: string, via: 'passphrase' | 'recovery' | 'keychain', secret = '', next?: string) {
    const entry = this.find(label);
    if (this.open?.session.vaultId === entry.vaultId) return { label: this.open.session.label };
    if (secret.length > 4096)
      throw new VaultError('INVALID_INPUT', 'That passphrase is longer than any vault accepts.');
    const failures = this.failures(entry.dir);
    const wait = failures.retryAfterMs();
    if (wait > 0 && via !== 'keychain') throw new VaultError('RATE_LIMITED', MESSAGES.rateLimited, wait);
    await this.lockCurrent('manual');
    const release = acquireVaultLock(entry.dir);
    let secrets: VaultSecrets | null = null;
    try {
      let parsed = this.readKeyFile(entry);
      if (via === 'keychain') {
        const vmk = await recallVault(this.options.keychain, entry.dir, entry.vaultId);
        try {
          secrets = secretsFrom(parsed, vmk);
        } finally {
          vmk.fill(0);
        }
      } else {
        secrets =
          via === 'passphrase'
            ? await unlockWithPassphrase(parsed, secret, this.progress())
            : unlockWithRecovery(parsed, secret);
      }
      if (!secrets) {
        this.auditTo(entry.dir, parsed, { event: 'unlock.failed' });
        const delay = ioGuard(() => failures.recordFailure());
        const msg = via === 'recovery' ? 'That recovery code did not open this vault.' : MESSAGES.wrongPassphrase;
        throw new VaultError('WRONG_PASSPHRASE', msg, delay > 0 ? delay : undefined);
      }
      if (via === 'recovery' && next) {
        const kdf = await this.kdfForNewWrap();
        const rewrapped = await rewrapKeyFile(parsed, secrets, { passphrase: { value: next, kdf } });
        ioGuard(() => writeAtomic(path.join(entry.dir, KEY_FILE), rewrapped.file));
        parsed = parseKeyFile(rewrapped.file);
        this.auditTo(entry.dir, parsed, { event: 'recovery.used' });
      }
      ioGuard(() => failures.reset());
      const event = via === 'keychain' ? 'unlock.keychain' : 'unlock';
      this.auditTo(entry.dir, parsed, { event });
      await this.establish(entry.dir, parsed, secrets, release);
      return { label: parsed.header.label };
    } catch (error) {
      if (secrets && this.open?.secrets !== secrets) wipeSecrets(secrets);
      if (this.open?.release !== release) release();
      throw error;
    }
  }

  lock(reason: LockReason = 'manual'): Promise<void> {
    return this.serial(() => this.lockCurrent(reason));
  }

  private async lockCurrent(reason: LockReason, keepFiles = false): Promise<void> {
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
    if (!keepFiles) o.release();
    for (const l of this.listeners) {
      try {
        await l({ type: 'locked', label: o.session.label, reason });
      } catch {
        // Every listener must get the chance to close; one failing must not keep keys around.
      }
    }
    this.options.emit?.('vault.locked', { reason });
    if (keepFiles) o.release();
  }

  /** Called on every user action (the API layer does it per call); restarts the idle timer. */
  touch(): void {
    const o = this.open;
    if (!o) return;
    if (o.timer) clearTimeout(o.timer);
    o.timer = setTimeout(() => void this.lock('idle'), o.autoLockSeconds * 1000);
    o.timer.unref?.();
  }

  async close(): Promise<void> {
    await this.lock('manual');
  }

  // --- changes while unlocked ----------------------------------------------------------------------------

  changePassphrase(current: string, next: string, confirm: string): Promise<void> {
    return this.serial(async () => {
      const o = this.requireOpen();
      if (normalizePassphrase(next) !== normalizePassphrase(confirm))
        throw new VaultError('INVALID_INPUT', MESSAGES.mismatch);
      this.checkPolicy(next, o.session.label);
      const parsed = await this.verifyPassphrase(o, current);
      const kdf = await this.kdfForNewWrap();
      const { file } = await rewrapKeyFile(parsed, o.secrets, { passphrase: { value: next, kdf } });
      ioGuard(() => writeAtomic(path.join(o.session.dir, KEY_FILE), file));
      this.audit({ event: 'passphrase.changed' });
    });
  }

  recoverySheet(passphrase: string): Promise<RecoverySheet> {
    return this.serial(async () => {
      const o = this.requireOpen();
      const parsed = await this.verifyPassphrase(o, passphrase);
      const { file, recoveryCode } = await rewrapKeyFile(parsed, o.secrets, { rotateRecovery: true });
      ioGuard(() => writeAtomic(path.join(o.session.dir, KEY_FILE), file));
      this.audit({ event: 'recovery.generated' });
      return this.sheet(parseKeyFile(file), recoveryCode ?? '');
    });
  }

  delete(confirmLabel: string): Promise<void> {
    return this.serial(async () => {
      const o = this.requireOpen();
      if (confirmLabel.normalize('NFC').trim() !== o.session.label) {
        throw new VaultError('INVALID_INPUT', 'Type the key label exactly as it is shown to confirm.');
      }
      const { dir, vaultId } = o.session;
      await forgetVault(this.options.keychain, dir, vaultId);
      // Move the folder out of the list first (atomic), then remove it; the lock file goes with it.
      const trash = path.join(vaultsRoot(this.dataDir), `.deleted-${vaultId}`);
      ioGuard(() => fs.renameSync(dir, trash));
      await this.lockCurrent('deleted', true);
      fs.rmSync(trash, { recursive: true, force: true });
    });
  }

  exportKey(): { fileName: string; contentBase64: string; bytes: number } {
    const o = this.requireOpen();
    const entry = this.find(o.session.label);
    const out = exportBackup(this.readKeyFileBytes(entry), o.session);
    this.audit({ event: 'export' });
    return out;
  }

  importKey(request: ImportRequest): Promise<{ label: string }> {
    return this.serial(async () => {
      const result = await importBackup(request, {
        dataDir: this.dataDir,
        kdf: () => this.kdfForNewWrap(),
        progress: this.progress(),
        checkPolicy: (p, l) => this.checkPolicy(p, l),
        install: (id, file) => this.installVaultDir(id, file),
      });
      this.auditTo(result.dir, result.parsed, { event: 'import' });
      return { label: result.parsed.header.label };
    });
  }

  async keychainStatus(): Promise<{ available: boolean; backend: string | null; reason: string | null }> {
    const kc = this.options.keychain;
    if (!kc) return { available: false, backend: null, reason: 'There is no keychain on this device.' };
    const p = await kc.probe();
    return p.available
      ? { available: true, backend: p.backend, reason: null }
      : { available: false, backend: null, reason: p.reason };
  }

  setRemember(enabled: boolean): Promise<{ enabled: boolean }> {
    return this.serial(async () => {
      const o = this.requireOpen();
      const kc = this.options.keychain;
      if (enabled) {
        if (!kc) throw new VaultError('KEYCHAIN_UNAVAILABLE', 'There is no keychain on this device.');
        await rememberVault(kc, o.session.dir, o.session.vaultId, o.secrets.vmk);
        this.audit({ event: 'keychain.enabled' });
      } else {
        await forgetVault(kc, o.session.dir, o.session.vaultId);
        this.audit({ event: 'keychain.disabled' });
      }
      return { enabled: isRemembered(o.session.dir) };
    });
  }

  setAutoLock(seconds: number): { seconds: number } {
    const o = this.requireOpen();
    ioGuard(() => writeSettings(o.session.dir, { autoLockSeconds: seconds }));
    o.autoLockSeconds = seconds;
    this.audit({ event: 'autolock.changed' });
    this.touch();
    return { seconds };
  }

  /** Records an event in the unlocked vault's trail (time and name only). Ignored while locked. */
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

  auditTrail(limit = 200): Array<{ at: string; event: AuditEventName; detail?: string }> {
    const o = this.requireOpen();
    return readAudit(o.session.dir, o.session.x25519.privateKey, o.session.x25519.publicRaw, limit);
  }

  // --- helpers -------------------------------------------------------------------------------------------

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private requireOpen(): Open {
    if (!this.open) throw new VaultError('LOCKED', MESSAGES.locked);
    return this.open;
  }

  private find(label: string): VaultEntry {
    const entry = ioGuard(() => findVault(this.dataDir, label));
    if (!entry) throw new VaultError('VAULT_NOT_FOUND', MESSAGES.notFound);
    return entry;
  }

  private failures(dir: string): FailureCounter {
    return new FailureCounter(dir, this.options.now);
  }

  private readKeyFileBytes(entry: VaultEntry): Buffer {
    const raw = ioGuard(() => readCapped(path.join(entry.dir, KEY_FILE), KEY_FILE_MAX_BYTES));
    if (!raw) throw new VaultError('VAULT_NOT_FOUND', MESSAGES.notFound);
    return raw;
  }

  private readKeyFile(entry: VaultEntry): ParsedKeyFile {
    const parsed = parseKeyFile(this.readKeyFileBytes(entry));
    if (parsed.header.vaultId !== entry.vaultId) throw new VaultError('CORRUPT', MESSAGES.corrupt);
    return parsed;
  }

  private async verifyPassphrase(o: Open, passphrase: string): Promise<ParsedKeyFile> {
    const parsed = this.readKeyFile(this.find(o.session.label));
    const check = await unlockWithPassphrase(parsed, passphrase, this.progress());
    if (!check) throw new VaultError('WRONG_PASSPHRASE', MESSAGES.wrongPassphrase);
    wipeSecrets(check);
    return parsed;
  }

  private checkPolicy(passphrase: string, label: string): void {
    const s = assessPassphrase(passphrase, label);
    if (!s.acceptable) throw new VaultError('WEAK_PASSPHRASE', policyMessage(s.problems));
  }

  private progress(): KdfProgress | undefined {
    const emit = this.options.emit;
    if (!emit) return undefined;
    return (fraction) => emit('progress', { task: 'kdf', fraction, label: 'Deriving your key' });
  }

  private async kdfForNewWrap(): Promise<Kdf> {
    const fixed = this.options.kdf;
    this.calibration ??= fixed ? Promise.resolve(fixed) : this.measure();
    const c = await this.calibration;
    return { params: c.params, ms: c.ms, onProgress: this.progress() };
  }

  private measure(): Promise<Calibration> {
    this.options.emit?.('progress', { task: 'kdf', fraction: null, label: 'Measuring this device' });
    return calibrate();
  }

  /** Creates <vaults>/<id>/ with the key file, via a temp folder renamed into place: no half-made vaults. */
  private installVaultDir(vaultId: string, file: Buffer): string {
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

  private async establish(dir: string, parsed: ParsedKeyFile, secrets: VaultSecrets, release: () => void) {
    const session = sessionFrom(parsed.header.label, parsed.header.vaultId, dir, secrets);
    this.open = { session, secrets, release, autoLockSeconds: readSettings(dir).autoLockSeconds };
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

  private auditTo(dir: string, parsed: ParsedKeyFile, e: AuditEvent): void {
    try {
      appendAudit(dir, Buffer.from(parsed.header.publicKeys.x25519, 'base64'), { at: this.iso(), ...e });
    } catch {
      // best effort, see audit()
    }
  }

  private sheet(parsed: ParsedKeyFile, recoveryCode: string): RecoverySheet {
    const fp = Buffer.from(parsed.header.publicKeys.ed25519, 'base64').subarray(0, 8).toString('hex');
    return {
      label: parsed.header.label,
      recoveryCode,
      createdAt: this.iso(),
      fingerprint: fp.match(/.{4}/g)?.join(' ') ?? fp,
    };
  }

  private iso(): string {
    return new Date(this.options.now?.() ?? Date.now()).toISOString();
  }
}

function policyMessage(problems: readonly string[]): string {
  if (problems.includes('too-short')) return 'Use at least 15 characters. A short sentence works well.';
  if (problems.includes('too-long')) return 'Use at most 256 characters.';
  if (problems.includes('contains-label')) return 'The passphrase must not contain the key label.';
  if (problems.includes('common')) return 'That is a commonly used password. Try a sentence only you would write.';
  return 'That passphrase is easy to guess. Try a sentence only you would write.';
}

import fs from 'node:fs';
import path from 'node:path';
import type { AuditEventName, PassphraseStrength } from '../../shared/api/vault';
import { readAudit } from './audit-log';
import { MESSAGES, VaultError } from './errors';
import { ioGuard, writeAtomic } from './fs-safe';
import { kdfParamsOf, parseKeyFile } from './key-file';
import { forgetVault, isRemembered, recallVault, rememberVault } from './keychain';
import { assessPassphrase, normalizePassphrase } from './passphrase-policy';
import { commitRekey, recoverRekey, rekeyPending, type HistoryReset } from './rekey-commit';
import { sessionFrom } from './session';
import { acquireVaultLock } from './vault-lock';
import { VaultCore, type RecoverySheet } from './vault-core';
import { findVault, KEY_FILE, listVaultEntries, normalizeLabel, vaultsRoot } from './vault-dirs';
import {
  createVaultFile,
  rekeyFile,
  rewrapKeyFile,
  secretsFrom,
  unlockWithPassphrase,
  unlockWithRecovery,
  wipeSecrets,
  type VaultSecrets,
} from './vault-secrets';
import { writeSettings } from './vault-settings';
import { exportBackup, importBackup, type ImportRequest } from './vault-transfer';

export type { AuditEvent, Emit, RecoverySheet, VaultPolicy, VaultServiceOptions } from './vault-core';
export type { HistoryReset } from './rekey-commit';

/** Key labels, unlock/lock, rewraps, export/import, keychain and audit: the one owner of the vault's keys. */
export class VaultService extends VaultCore {
  // --- queries -------------------------------------------------------------------------------------------

  list(): Array<{ label: string; createdAt: string; remembered: boolean; retryAfterMs: number }> {
    return listVaultEntries(this.dataDir).map((e) => ({
      label: e.header.label,
      createdAt: e.header.createdAt,
      remembered: !this.options.policy?.().rememberDisabled && isRemembered(e.dir),
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
        await this.lockCurrent('switched');
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
    if (this.options.policy?.().rememberDisabled) return Promise.reject(rememberDenied());
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
    await this.lockCurrent('switched');
    const release = acquireVaultLock(entry.dir);
    let secrets: VaultSecrets | null = null;
    try {
      // An interrupted "delete all history" is finished or undone before the key file is read.
      ioGuard(() => recoverRekey(entry.dir));
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

  /**
   * "Delete all history" (docs/key-file.md): proves the passphrase, then swaps in a key file with a new VMK
   * and data key and removes the history's files in one crash-safe step (rekey-commit.ts). Returns the new
   * recovery sheet: the old code wrapped the old VMK and opens nothing any more. A wrong passphrase
   * changes no file.
   */
  resetDataKey(passphrase: string, history: HistoryReset): Promise<RecoverySheet> {
    return this.serial(async () => {
      const o = this.requireOpen();
      const parsed = await this.verifyPassphrase(o, passphrase);
      const h = parsed.header;
      const kdf = { params: kdfParamsOf(h), ms: h.kdf.calibratedMs, onProgress: this.progress() };
      const made = await rekeyFile(parsed, o.secrets, passphrase, kdf);
      const { dir, vaultId } = o.session;
      const kc = this.options.keychain;
      const remembered = isRemembered(dir);
      try {
        await history.close();
        // Forgotten first: a crash in between leaves "not remembered", never a keychain slot for a gone VMK.
        if (remembered) await forgetVault(kc, dir, vaultId);
        ioGuard(() => commitRekey(dir, made.file, history.entries(dir), this.options.rekeyFault));
      } catch (error) {
        wipeSecrets(made.secrets);
        if (remembered && kc) await rememberVault(kc, dir, vaultId, o.secrets.vmk).catch(() => undefined);
        // Could not settle the folder: lock, so the next unlock finishes or undoes the step first.
        if (rekeyPending(dir)) await this.lockCurrent('manual');
        throw error;
      }
      const next = parseKeyFile(made.file);
      this.open = { ...o, session: sessionFrom(h.label, vaultId, dir, made.secrets), secrets: made.secrets };
      wipeSecrets(o.secrets);
      if (remembered && kc) await rememberVault(kc, dir, vaultId, made.secrets.vmk).catch(() => undefined);
      this.audit({ event: 'history.deleted' });
      this.audit({ event: 'recovery.generated' });
      return this.sheet(next, made.recoveryCode);
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
      // Once the database is closed: move the folder out of the list (atomic), then remove it.
      const trash = path.join(vaultsRoot(this.dataDir), `.deleted-${vaultId}`);
      let moved = false;
      await this.lockCurrent('deleted', () => {
        try {
          fs.renameSync(dir, trash);
          moved = true;
        } catch {
          return;
        }
        fs.rmSync(trash, { recursive: true, force: true });
      });
      if (!moved) throw new VaultError('IO_ERROR', MESSAGES.io);
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
        if (this.options.policy?.().rememberDisabled) throw rememberDenied();
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

  /** Clamped to the policy's ceiling; the result says what was actually set. */
  setAutoLock(requested: number): { seconds: number } {
    const o = this.requireOpen();
    const seconds = this.clampAutoLock(requested);
    ioGuard(() => writeSettings(o.session.dir, { autoLockSeconds: seconds }));
    o.autoLockSeconds = seconds;
    this.audit({ event: 'autolock.changed' });
    this.touch();
    return { seconds };
  }

  /** Records an event in the unlocked vault's trail (time and name only). Ignored while locked. */
  auditTrail(limit = 200): Array<{ at: string; event: AuditEventName; detail?: string }> {
    const o = this.requireOpen();
    return readAudit(o.session.dir, o.session.x25519.privateKey, o.session.x25519.publicRaw, limit);
  }
}

const rememberDenied = () =>
  new VaultError('POLICY_DENIED', 'Your organisation does not allow keys to be remembered on this device.');

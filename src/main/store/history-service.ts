import path from 'node:path';
import type { BackupInfo } from '../../shared/api/history';
import * as backups from './backup';
import { isStoreError, MESSAGES, StoreError } from './errors';
import { openStore, type Store } from './store';

/** What the store needs from an unlocked vault (a structural subset of the vault's session). */
export interface HistorySession {
  readonly dir: string;
  readonly dataKey: Buffer;
}

const HOUR = 3_600_000;

/**
 * Owns the one open Store while a vault is unlocked. The API layer calls `attach` on unlock and
 * `detach` on lock. If the database cannot be opened (CORRUPT, WRONG_KEY, DB_FROM_FUTURE) the
 * error is kept and reported by every call, while backups stay listable and restorable so the
 * UI can offer a way out. Nothing is ever recreated automatically.
 */
export class HistoryService {
  private store: Store | null = null;
  private session: HistorySession | null = null;
  private openError: StoreError | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly log: (line: string) => void = () => {}) {}

  get file(): string | null {
    return this.session ? path.join(this.session.dir, 'history.db') : null;
  }

  attach(session: HistorySession): void {
    this.detach();
    this.session = session;
    this.tryOpen();
    this.timer = setInterval(() => this.autoBackup(), HOUR);
    this.timer.unref();
  }

  detach(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.store?.close();
    this.store = null;
    this.session = null;
    this.openError = null;
  }

  /** The open store, or a typed error: LOCKED while no vault is unlocked, else why it did not open. */
  requireStore(): Store {
    if (this.store) return this.store;
    if (this.openError) throw this.openError;
    throw new StoreError('LOCKED', 'Unlock your vault to see your history.');
  }

  listBackups(): BackupInfo[] {
    return this.store ? this.store.listBackups() : backups.listBackups(this.backupDir());
  }

  /** Works with an open store and also when the database failed to open (that is when it matters most). */
  restore(name: string): void {
    if (this.store) return this.store.restore(name);
    const session = this.requireSession();
    const file = path.join(session.dir, 'history.db');
    backups.restoreBackup(file, session.dataKey, backups.backupPath(this.backupDir(), name));
    this.tryOpen();
    if (!this.store) throw this.openError ?? new StoreError('CORRUPT', MESSAGES.corrupt);
  }

  private requireSession(): HistorySession {
    if (!this.session) throw new StoreError('LOCKED', 'Unlock your vault to see your history.');
    return this.session;
  }

  private backupDir(): string {
    return path.join(this.requireSession().dir, 'backups');
  }

  private tryOpen(): void {
    const session = this.requireSession();
    try {
      this.store = openStore({ file: path.join(session.dir, 'history.db'), dataKey: session.dataKey });
      this.openError = null;
      this.autoBackup();
    } catch (e) {
      this.store = null;
      // Called from the vault's unlock listener: never throw there, keep a typed reason instead.
      this.openError = isStoreError(e) ? e : new StoreError('IO_ERROR', MESSAGES.io);
      this.log(`history: open failed (${this.openError.code})`);
    }
  }

  private autoBackup(): void {
    try {
      const made = this.store?.dailyBackup();
      if (made) this.log('history: daily backup written');
    } catch (e) {
      // A failed backup must not block the user; the next hourly check tries again.
      this.log(`history: daily backup failed (${isStoreError(e) ? e.code : 'error'})`);
    }
  }
}

import { readdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo, Conversation, Message } from '../../shared/api/history';
import { appendAudit, listAudit, type AuditEntry } from './audit';
import * as backups from './backup';
import * as conversations from './conversations';
import { guard, MESSAGES, StoreError } from './errors';
import { openExport, readImportFile, sealExport, validateExportPath, writeMarkdown } from './export';
import { exists, shred, writeFileAtomic } from './fs-util';
import { keyCheckValue } from './key';
import * as messages from './messages';
import { migrate, schemaVersion, latestVersion } from './migrate';
import * as notes from './notes';
import { checkIntegrity, kcvPath, openKeyed, precheckFile, type Db, type OpenOptions } from './open';
import { search } from './search';
import { getSetting, setSetting, type JsonValue } from './settings';

export type RenderConversationPdf = (conversation: Conversation, messages: Message[]) => Promise<Uint8Array>;

export interface StoreOptions {
  /** The database file, e.g. `<vault dir>/history.db`. */
  file: string;
  /** The vault's 32-byte data key. The store keeps its own copy and zeroes it on close. */
  dataKey: Buffer;
  /** Where backups go; default `<folder of file>/backups`. */
  backupDir?: string;
  /** Only the format test uses 3. */
  legacy?: OpenOptions['legacy'];
}

/**
 * Opens (or creates) the encrypted history. An existing file is first checked without writing:
 * whole pages, an intact WAL, the key, `quick_check`, and a schema this app knows. Only then is
 * it opened for writing and migrated. Nothing is ever deleted or recreated on failure.
 */
export function openStore(options: StoreOptions): Store {
  return new Store(options);
}

function openDatabase(file: string, key: Buffer, legacy: OpenOptions['legacy']): Db {
  if (precheckFile(file) === 'existing') {
    const probe = openKeyed(file, key, { readonly: true, legacy });
    try {
      if (!checkIntegrity(probe)) throw new StoreError('CORRUPT', MESSAGES.corrupt);
      if (schemaVersion(probe) > latestVersion()) throw new StoreError('DB_FROM_FUTURE', MESSAGES.fromFuture);
    } finally {
      probe.close();
    }
  }
  const db = openKeyed(file, key, { legacy });
  try {
    guard(() => migrate(db));
    if (!exists(kcvPath(file))) writeFileAtomic(kcvPath(file), JSON.stringify({ v: 1, kcv: keyCheckValue(key) }));
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export class Store {
  readonly file: string;
  readonly backupDir: string;
  private readonly key: Buffer;
  private readonly legacy: OpenOptions['legacy'];
  private current: Db | null;

  constructor(options: StoreOptions) {
    this.file = path.resolve(options.file);
    this.backupDir = options.backupDir ?? path.join(path.dirname(this.file), 'backups');
    this.key = Buffer.from(options.dataKey);
    this.legacy = options.legacy;
    try {
      this.current = openDatabase(this.file, this.key, this.legacy);
    } catch (e) {
      this.key.fill(0);
      throw e;
    }
  }

  /** The open connection, for repository functions; throws once closed. */
  get db(): Db {
    if (!this.current) throw new StoreError('LOCKED', MESSAGES.closed);
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Runs a repository call with SQLite corruption and I/O errors mapped to typed errors. */
  run<T>(fn: (db: Db) => T): T {
    const db = this.db;
    return guard(() => fn(db));
  }

  close(): void {
    this.current?.close();
    this.current = null;
    this.key.fill(0);
  }

  // conversations and messages (the chat service drives creation)
  createConversation = (input?: conversations.NewConversation): Conversation =>
    this.run((db) => conversations.createConversation(db, input));
  getConversation = (id: string) => this.run((db) => conversations.getConversation(db, id));
  updateConversation = (id: string, patch: conversations.ConversationPatch) =>
    this.run((db) => conversations.updateConversation(db, id, patch));
  deleteConversation = (id: string) => this.run((db) => conversations.deleteConversation(db, id));
  listByDay = (opts: Parameters<typeof conversations.listByDay>[1]) =>
    this.run((db) => conversations.listByDay(db, opts));
  appendMessage = (input: messages.NewMessage) => this.run((db) => messages.appendMessage(db, input));
  updateMessage = (id: string, patch: messages.MessagePatch) => this.run((db) => messages.updateMessage(db, id, patch));
  getMessage = (id: string) => this.run((db) => messages.getMessage(db, id));
  pageMessages = (conversationId: string, opts?: { cursor?: string; limit?: number }) =>
    this.run((db) => {
      conversations.getConversation(db, conversationId);
      return messages.pageMessages(db, conversationId, opts);
    });
  upsertNote = (input: Parameters<typeof notes.upsertNote>[1]) => this.run((db) => notes.upsertNote(db, input));
  deleteNote = (id: string) => this.run((db) => notes.deleteNote(db, id));
  search = (query: string, opts?: { cursor?: string; limit?: number }) => this.run((db) => search(db, query, opts));
  getSetting = (key: string): JsonValue | null => this.run((db) => getSetting(db, key));
  setSetting = (key: string, value: JsonValue): void => this.run((db) => setSetting(db, key, value));
  appendAudit = (event: string, detail?: AuditEntry['detail']) => this.run((db) => appendAudit(db, event, detail));
  listAudit = (limit?: number) => this.run((db) => listAudit(db, limit));

  // backups
  get retention(): number {
    const v = this.getSetting('backup.retention');
    return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 365 ? v : backups.DEFAULT_RETENTION;
  }

  backupNow(now = Date.now()): BackupInfo {
    const info = this.run((db) => backups.backupNow(db, this.backupDir, this.key, now));
    backups.pruneBackups(this.backupDir, this.retention);
    return info;
  }

  dailyBackup(now = Date.now()): BackupInfo | null {
    return this.run((db) => backups.dailyBackup(db, this.backupDir, this.key, this.retention, now));
  }

  listBackups(): BackupInfo[] {
    return backups.listBackups(this.backupDir);
  }

  /**
   * Closes, restores a verified backup atomically and reopens. If the restore fails the previous
   * database is put back and reopened; the error is rethrown.
   */
  restore(name: string): void {
    const source = backups.backupPath(this.backupDir, name);
    backups.verifyBackup(source, this.key);
    this.current?.close();
    this.current = null;
    try {
      backups.restoreBackup(this.file, this.key, source);
    } finally {
      this.current = openDatabase(this.file, this.key, this.legacy);
    }
  }

  // export / import
  exportConversation(id: string, format: 'markdown' | 'encrypted', target: string, protectedDir: string) {
    const file = validateExportPath(target, format, protectedDir);
    const conversation = this.getConversation(id);
    const all = this.run((db) => messages.allMessages(db, id));
    if (format === 'markdown') writeMarkdown(file, conversation, all);
    else writeFileAtomic(file, sealExport(this.key, { conversation, messages: all }));
    return { path: file, encrypted: format === 'encrypted' };
  }

  /**
   * A printable PDF (not encrypted: the UI says so before asking for the path). The layout is the
   * journal's PDF writer, passed in by the API layer because the journal depends on the store.
   */
  async exportConversationPdf(id: string, target: string, protectedDir: string, render: RenderConversationPdf) {
    const file = validateExportPath(target, 'pdf', protectedDir);
    const conversation = this.getConversation(id);
    const all = this.run((db) => messages.allMessages(db, id));
    writeFileAtomic(file, Buffer.from(await render(conversation, all)));
    return { path: file, encrypted: false };
  }

  /** Imports an encrypted export of this vault as a new conversation (fresh ids, original times). */
  importConversation(source: string): { conversationId: string } {
    const payload = openExport(this.key, readImportFile(source));
    return this.run((db) =>
      db.transaction(() => {
        const c = conversations.createConversation(db, {
          title: payload.conversation.title,
          provider: payload.conversation.provider,
          model: payload.conversation.model,
          createdAt: payload.conversation.createdAt,
        });
        for (const m of payload.messages) {
          const { id: _old, conversationId: _c, ...rest } = m;
          messages.appendMessage(db, { ...rest, conversationId: c.id });
        }
        return { conversationId: c.id };
      })(),
    );
  }

  /**
   * "Delete all history": close, overwrite and remove the database, its WAL/SHM, key check,
   * restore leftovers and every backup. The caller must also have the vault destroy the data
   * key: on SSDs overwriting is best effort, destroying the key is what makes the rest unreadable.
   */
  deleteAll(): void {
    this.close();
    deleteHistoryFiles(this.file, this.backupDir);
  }
}

/**
 * The names in a vault folder that make up the history: the database, its WAL/SHM, key check, restore
 * leftovers and temp files, and the backups folder. "Delete all history" removes exactly these, together
 * with the old data key (the vault's resetDataKey).
 */
export function historyEntries(vaultDir: string, base = 'history.db'): string[] {
  return readdirSync(vaultDir).filter(
    (name) => name === base || name.startsWith(`${base}-`) || name.startsWith(`${base}.`) || name === 'backups',
  );
}

/** Overwrites and removes the database, its WAL/SHM, key check, restore leftovers and backups. */
export function deleteHistoryFiles(file: string, backupDir: string): void {
  const base = path.basename(file);
  const dir = path.dirname(file);
  for (const name of readdirSync(dir)) {
    if (name === base || name.startsWith(`${base}-`) || name.startsWith(`${base}.`)) shred(path.join(dir, name));
  }
  for (const b of backups.listBackups(backupDir)) shred(path.join(backupDir, b.name));
  try {
    rmdirSync(backupDir);
  } catch {
    // not empty (foreign files) or already gone: leave it
  }
}

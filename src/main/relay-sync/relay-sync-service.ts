// Optional encrypted backup of chat history to the relay, and restore on another device. The relay stores
// each exchange sealed to the vault's X25519 key; restore lists them, opens them here (keys never leave the
// main process) and writes them into the encrypted history as conversations, in ONE transaction after
// everything was verified. Ids are derived from the relay's ids, so restoring twice adds nothing.
import { createHash } from 'node:crypto';
import type { RelaySyncResult, RelaySyncStatus } from '../../shared/api/relay-sync';
import { LlmError as AppError, type RestoredExchange } from '../llm/index';
import type { Store } from '../store/index';

const BACKUP_KEY = 'relaySync.backup';
const LAST_KEY = 'relaySync.lastRestore';
const TITLE_CHARS = 60;

export interface RelaySyncDeps {
  /** The open encrypted history (throws LOCKED while the vault is locked). */
  readonly store: () => Store;
  /** The relay address from Settings, or null. */
  readonly relayUrl: () => Promise<string | null>;
  /** Lists and opens every stored exchange; throws a typed error before anything is written. */
  readonly fetchAll: (url: string) => Promise<RestoredExchange[]>;
  readonly now?: () => number;
}

/** A stable local id for a relay id: restoring the same backup again finds the same rows. */
const localId = (kind: string, relayId: string) =>
  `r${createHash('sha256').update(`relay-restore\n${kind}\n${relayId}`).digest('base64url').slice(0, 32)}`;

export class RelaySyncService {
  private running: Promise<RelaySyncResult> | null = null;

  constructor(private readonly d: RelaySyncDeps) {}

  /** Backup is off unless turned on; a locked vault reads as off, so nothing is ever stored by accident. */
  backupEnabled(): boolean {
    try {
      return this.d.store().getSetting(BACKUP_KEY) === true;
    } catch {
      return false;
    }
  }

  async status(): Promise<RelaySyncStatus> {
    const relaySet = !!(await this.d.relayUrl());
    const s = this.d.store();
    const last = s.getSetting(LAST_KEY);
    return {
      backup: s.getSetting(BACKUP_KEY) === true,
      relaySet,
      restoring: this.running !== null,
      lastRestore: isLast(last) ? last : null,
    };
  }

  async setBackup(enabled: boolean): Promise<RelaySyncStatus> {
    if (enabled && !(await this.d.relayUrl())) throw new AppError('UNAVAILABLE', 'Add a relay address first.');
    this.d.store().setSetting(BACKUP_KEY, enabled);
    return this.status();
  }

  /** One restore at a time; a second call while one runs joins it. */
  restore(): Promise<RelaySyncResult> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<RelaySyncResult> {
    const url = await this.d.relayUrl();
    if (!url) throw new AppError('UNAVAILABLE', 'Add a relay address first.');
    this.d.store(); // LOCKED before any network traffic
    const exchanges = await this.d.fetchAll(url);
    // The vault may have locked while we were fetching: requireStore throws LOCKED then.
    const result = writeExchanges(this.d.store(), exchanges);
    const last = { at: (this.d.now ?? Date.now)(), ...result };
    this.d.store().setSetting(LAST_KEY, last);
    return result;
  }
}

/** Writes the exchanges in one transaction: all of them or, on any failure, none. */
export function writeExchanges(store: Store, exchanges: readonly RestoredExchange[]): RelaySyncResult {
  let conversations = 0;
  let messages = 0;
  let skipped = 0;
  const sorted = [...exchanges].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  store.db.transaction(() => {
    for (const x of sorted) {
      const user = [...x.messages].reverse().find((m) => m.role === 'user');
      if (!user) {
        skipped++;
        continue;
      }
      const convId = existingOrRestored(store, x.conversationId);
      if (!convId.exists) {
        store.createConversation({
          id: convId.id,
          title: user.content.trim().slice(0, TITLE_CHARS),
          provider: 'relay',
          createdAt: x.createdAt,
        });
        conversations++;
      }
      const userId = localId('user', x.id);
      // Already restored (same ids), or written on this device in the first place (same words in place).
      if (hasMessage(store, userId) || (convId.exists && alreadyThere(store, convId.id, user.content, x.reply))) {
        skipped++;
        continue;
      }
      store.appendMessage({
        id: userId,
        conversationId: convId.id,
        role: 'user',
        content: user.content,
        createdAt: x.createdAt,
        status: 'complete',
      });
      store.appendMessage({
        id: localId('assistant', x.id),
        conversationId: convId.id,
        role: 'assistant',
        content: x.reply,
        createdAt: x.createdAt + 1,
        status: 'complete',
        provider: 'relay',
        model: 'relay',
      });
      messages += 2;
    }
  })();
  return { exchanges: exchanges.length, conversations, messages, skipped };
}

/** The backed-up conversation id is the original device's local id: on that device it already exists. */
function existingOrRestored(store: Store, relayConversationId: string): { id: string; exists: boolean } {
  for (const id of [relayConversationId, localId('conversation', relayConversationId)]) {
    try {
      store.getConversation(id);
      return { id, exists: true };
    } catch {
      // not there: try the next candidate
    }
  }
  return { id: localId('conversation', relayConversationId), exists: false };
}

function hasMessage(store: Store, id: string): boolean {
  try {
    store.getMessage(id);
    return true;
  } catch {
    return false;
  }
}

function alreadyThere(store: Store, conversationId: string, userText: string, reply: string): boolean {
  const rows = store.db
    .prepare(
      `SELECT 1 FROM messages u JOIN messages a ON a.conversation_id = u.conversation_id
       WHERE u.conversation_id = ? AND u.role = 'user' AND u.content = ? AND a.role = 'assistant' AND a.content = ?
       LIMIT 1`,
    )
    .all(conversationId, userText, reply);
  return rows.length > 0;
}

function isLast(v: unknown): v is RelaySyncStatus['lastRestore'] & object {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return ['at', 'exchanges', 'conversations', 'messages', 'skipped'].every(
    (k) => typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) >= 0,
  );
}

import type { Migration } from './migration';

/**
 * Conversations, messages and settings. Times are Unix milliseconds. No STRICT tables: the
 * format test opens the file with SQLCipher 3.4 (SQLite 3.15), which cannot parse them.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'conversations-messages',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        provider TEXT,
        model TEXT,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
      );
      CREATE INDEX conversations_by_updated ON conversations (archived, updated_at DESC);

      -- seq is the rowid: the FTS index and paging use it; id is the public identifier.
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
        content TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        provider TEXT,
        model TEXT,
        status TEXT NOT NULL CHECK (status IN ('complete', 'partial', 'cancelled', 'error'))
      );
      CREATE INDEX messages_by_conversation ON messages (conversation_id, seq);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      );
    `);
  },
};

import type { Migration } from './migration';

/**
 * Diary card days, safety plan versions and chain analyses. The structured content is one JSON
 * document per row (validated by the journal service on the way in and out); the database file
 * itself is encrypted, so no column holds plaintext at rest. Free text is also mirrored into
 * `notes` (kind 'diary' / 'chain') by the journal service so the one search box finds it.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'journal',
  up(db) {
    db.exec(`
      CREATE TABLE diary_entries (
        day TEXT PRIMARY KEY NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        data TEXT NOT NULL CHECK (json_valid(data)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- Every save is a new version; the newest row is the current plan. Old versions stay readable.
      CREATE TABLE safety_plan_versions (
        version INTEGER PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data)),
        saved_at INTEGER NOT NULL
      );

      CREATE TABLE chain_analyses (
        id TEXT PRIMARY KEY NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX chain_analyses_by_updated ON chain_analyses (updated_at DESC);
    `);
  },
};

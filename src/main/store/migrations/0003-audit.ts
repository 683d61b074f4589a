import type { Migration } from './migration';

/** The vault's audit trail (unlock, lock, backup, restore…): event names and codes, never content. */
export const migration0003: Migration = {
  version: 3,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        event TEXT NOT NULL,
        detail TEXT CHECK (detail IS NULL OR json_valid(detail))
      );
    `);
  },
};

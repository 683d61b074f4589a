import type { Migration } from './migration';

/**
 * Therapist hand-off. `handoff_keys`: public keys imported from others (a client's therapist, or a
 * therapist's client pinned ahead of time). `clients` and `client_packets`: the therapist's Clients
 * view; a client is identified by its Ed25519 key (fingerprint), never by the label it claims, and
 * `packet_hash` makes importing the same file twice a no-op.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'handoff',
  up(db) {
    db.exec(`
      CREATE TABLE handoff_keys (
        id TEXT PRIMARY KEY NOT NULL,
        label TEXT NOT NULL,
        x25519 BLOB NOT NULL CHECK (length(x25519) = 32),
        ed25519 BLOB NOT NULL CHECK (length(ed25519) = 32),
        fingerprint TEXT NOT NULL UNIQUE,
        imported_at INTEGER NOT NULL
      );

      CREATE TABLE clients (
        id TEXT PRIMARY KEY NOT NULL,
        label TEXT NOT NULL,
        ed25519 BLOB NOT NULL UNIQUE CHECK (length(ed25519) = 32),
        fingerprint TEXT NOT NULL,
        first_seen_at INTEGER NOT NULL
      );

      CREATE TABLE client_packets (
        id TEXT PRIMARY KEY NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        packet_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        imported_at INTEGER NOT NULL,
        kinds TEXT NOT NULL CHECK (json_valid(kinds)),
        payload TEXT NOT NULL CHECK (json_valid(payload))
      );
      CREATE INDEX client_packets_by_client ON client_packets (client_id, created_at DESC);
    `);
  },
};

// Initial schema. Timestamps are epoch milliseconds (bigint) so both drivers read them the same way.
// Nothing here holds plaintext content, tokens or private keys: tokens are SHA-256 digests, history is
// HPKE ciphertext sealed to the account's own key, challenges are public random nonces.
import type { Migration } from '../migrate';

export const migration: Migration = {
  version: 1,
  name: 'initial',
  async up(tx) {
    const statements = [
      `CREATE TABLE accounts (
         id text PRIMARY KEY, ed25519_pub bytea NOT NULL, x25519_pub bytea NOT NULL,
         label text NOT NULL, created_at bigint NOT NULL)`,
      `CREATE TABLE auth_challenges (
         id text PRIMARY KEY, account_id text NOT NULL, nonce text NOT NULL, expires_at bigint NOT NULL)`,
      `CREATE TABLE tokens (
         hash bytea PRIMARY KEY, account_id text NOT NULL REFERENCES accounts(id),
         created_at bigint NOT NULL, expires_at bigint NOT NULL)`,
      `CREATE INDEX tokens_account ON tokens(account_id)`,
      `CREATE TABLE seen_requests (
         request_id text PRIMARY KEY, enc_hash bytea NOT NULL UNIQUE, expires_at bigint NOT NULL)`,
      `CREATE TABLE history (
         id text PRIMARY KEY, account_id text NOT NULL REFERENCES accounts(id), conversation_id text NOT NULL,
         created_at bigint NOT NULL, size integer NOT NULL, enc bytea NOT NULL, ct bytea NOT NULL)`,
      `CREATE INDEX history_conv ON history(account_id, conversation_id, created_at)`,
      `CREATE INDEX history_time ON history(account_id, created_at)`,
      `CREATE TABLE audit_log (
         seq bigint PRIMARY KEY, at text NOT NULL, account_id text, action text NOT NULL, outcome text NOT NULL,
         request_id text, prev_hash bytea NOT NULL, hash bytea NOT NULL)`,
      `CREATE TABLE audit_checkpoints (seq bigint PRIMARY KEY, hash bytea NOT NULL, at text NOT NULL)`,
    ];
    for (const s of statements) await tx.query(s);
  },
};

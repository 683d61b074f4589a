// A restricted role for the serving relay (PostgreSQL only; PGlite is single-user and embedded).
// The audit tables get INSERT and SELECT only: UPDATE, DELETE and TRUNCATE are denied by grants, so a
// compromised relay process cannot rewrite history; only the owner/superuser could, and audit-verify
// detects that. The role is cluster-wide, hence IF NOT EXISTS.
import { RELAY_ROLE } from '../db';
import type { Migration } from '../migrate';

export const migration: Migration = {
  version: 2,
  name: 'relay-role',
  async up(tx, dialect) {
    if (dialect !== 'postgres') return;
    await tx.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${RELAY_ROLE}') THEN CREATE ROLE ${RELAY_ROLE} NOLOGIN; END IF;
    END $$`);
    const [me] = await tx.query<{ member: boolean }>(
      `SELECT pg_has_role(current_user, '${RELAY_ROLE}', 'MEMBER') AS member`,
    );
    if (!me?.member) await tx.query(`GRANT ${RELAY_ROLE} TO CURRENT_USER`);
    await tx.query(`GRANT USAGE ON SCHEMA public TO ${RELAY_ROLE}`);
    await tx.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON accounts, auth_challenges, tokens, seen_requests, history TO ${RELAY_ROLE}`,
    );
    await tx.query(`REVOKE ALL ON audit_log, audit_checkpoints FROM ${RELAY_ROLE}`);
    await tx.query(`GRANT SELECT, INSERT ON audit_log, audit_checkpoints TO ${RELAY_ROLE}`);
    await tx.query(`GRANT SELECT ON relay_migrations TO ${RELAY_ROLE}`);
  },
};

import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { auditEntrySchema, type AuditEntry } from '../../shared/api/vault';
import { openFrom, sealTo } from './aead';
import { readCapped } from './fs-safe';

/**
 * Per-vault audit trail: one line per event, each sealed to the vault's X25519 public key (ECIES), so
 * events can be recorded while the vault is locked (a failed unlock) but read only when it is unlocked.
 * Entries hold a time, an event name and at most a short code (a lock reason, a crisis level).
 */
export const AUDIT_FILE = 'audit.log';
const MAX_AUDIT_BYTES = 4 * 1024 * 1024;
const AD = Buffer.from('dbt-coach/audit/v1', 'utf8');

export function appendAudit(dir: string, x25519PublicRaw: Buffer, entry: AuditEntry): void {
  const line = sealTo(x25519PublicRaw, Buffer.from(JSON.stringify(auditEntrySchema.parse(entry)), 'utf8'), AD);
  const file = path.join(dir, AUDIT_FILE);
  // Append-only and capped: trimming old entries would need the private key, so a full trail stops growing.
  try {
    if (fs.statSync(file).size > MAX_AUDIT_BYTES) return;
  } catch {
    // missing: created below
  }
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_APPEND, 0o600);
  try {
    fs.writeSync(fd, `${line.toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Newest first. Lines that do not open (damaged, foreign) are skipped rather than failing the whole list. */
export function readAudit(dir: string, x25519Private: KeyObject, x25519PublicRaw: Buffer, limit: number): AuditEntry[] {
  const raw = readCapped(path.join(dir, AUDIT_FILE), MAX_AUDIT_BYTES + 64 * 1024);
  if (!raw) return [];
  const out: AuditEntry[] = [];
  const lines = raw.toString('latin1').split('\n');
  for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
    const line = lines[i]?.trim();
    if (!line) continue;
    const plain = openFrom(x25519Private, x25519PublicRaw, Buffer.from(line, 'base64'), AD);
    if (!plain) continue;
    try {
      out.push(auditEntrySchema.parse(JSON.parse(plain.toString('utf8'))));
    } catch {
      // skip an entry that does not match the schema
    }
  }
  return out;
}

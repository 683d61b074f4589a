import { createHmac, hkdfSync } from 'node:crypto';
import { StoreError } from './errors';

const HEX_KEY = /^[0-9a-f]{64}$/;

/**
 * The raw 32-byte data key as the lowercase hex SQLCipher expects inside `x'…'`.
 * The result is checked against a strict pattern before it can reach a PRAGMA, so
 * nothing but 64 hex digits is ever interpolated into SQL.
 */
export function keyToHex(dataKey: Buffer): string {
  if (!Buffer.isBuffer(dataKey) || dataKey.length !== 32)
    throw new StoreError('INVALID_INPUT', 'The data key must be 32 bytes.');
  const hex = dataKey.toString('hex');
  assertHexKey(hex);
  return hex;
}

export function assertHexKey(hex: string): void {
  if (!HEX_KEY.test(hex)) throw new StoreError('INVALID_INPUT', 'The data key is not valid hex.');
}

/** The PRAGMA text for a validated hex key. */
export function keyPragma(hex: string): string {
  assertHexKey(hex);
  return `key = "x'${hex}'"`;
}

/**
 * A key check value: an HMAC of a fixed label under a key derived from the data key. It is
 * one-way (reveals nothing about the key) and lets the store tell "wrong key" from "damaged
 * header", which SQLCipher reports identically (SQLITE_NOTADB on the first read).
 */
export function keyCheckValue(dataKey: Buffer): string {
  const k = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'dbt-coach/history/key-check/v1', 32));
  try {
    return createHmac('sha256', k).update('dbt-coach history key check').digest('hex');
  } finally {
    k.fill(0);
  }
}

/** An AES-256-GCM key for encrypted exports, bound to the data key and a per-file salt. */
export function exportKey(dataKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, 'dbt-coach/history/export/v1', 32));
}

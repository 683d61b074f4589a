import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { JournalError } from '../errors';

/**
 * Public-key exchange as a short text block people can paste into a message or save to a USB stick.
 * The fingerprint covers both keys, so a mistyped or swapped key is caught on import, and people
 * can compare it aloud ("A1B2 C3D4 …") before trusting a key.
 */

const BEGIN = '-----BEGIN DBT COACH PUBLIC KEY-----';
const END = '-----END DBT COACH PUBLIC KEY-----';

export interface PublicKeySet {
  readonly label: string;
  readonly x25519: Buffer;
  readonly ed25519: Buffer;
}

export function fingerprint(x25519: Buffer, ed25519: Buffer): string {
  const digest = createHash('sha256').update('dbt-coach key v1\0').update(x25519).update(ed25519).digest('hex');
  return (digest.slice(0, 32).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

/** Ed25519 alone identifies a sender (the Clients view keys on it). */
export function signerFingerprint(ed25519: Buffer): string {
  const digest = createHash('sha256').update('dbt-coach signer v1\0').update(ed25519).digest('hex');
  return (digest.slice(0, 32).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

/** Labels arrive from other people's files: printable, single line, capped. */
export function cleanLabel(label: string): string {
  // Control, zero-width and bidi-override characters could disguise one label as another.
  const cleaned = label
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return cleaned.slice(0, 64) || 'Unnamed';
}

export function formatKeyBlock(keys: PublicKeySet): string {
  return [
    BEGIN,
    `label: ${cleanLabel(keys.label)}`,
    `x25519: ${keys.x25519.toString('base64url')}`,
    `ed25519: ${keys.ed25519.toString('base64url')}`,
    `fingerprint: ${fingerprint(keys.x25519, keys.ed25519)}`,
    END,
    '',
  ].join('\n');
}

const badKey = () => new JournalError('INVALID_INPUT', 'That does not look like a DBT Coach public key.');

function raw32(value: string | undefined): Buffer {
  if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) throw badKey();
  const buf = Buffer.from(value, 'base64url');
  if (buf.length !== 32) throw badKey();
  return buf;
}

/** Parses a pasted block (surrounding text such as an e-mail body is ignored). */
export function parseKeyBlock(text: string): PublicKeySet & { fingerprint: string } {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start + BEGIN.length);
  if (start < 0 || end < 0) throw badKey();
  const fields = new Map<string, string>();
  for (const line of text.slice(start + BEGIN.length, end).split(/\r?\n/)) {
    const m = /^\s*([a-z0-9]+):\s?(.*?)\s*$/.exec(line);
    if (m?.[1] && m[2] !== undefined && !fields.has(m[1])) fields.set(m[1], m[2]);
  }
  const x25519 = raw32(fields.get('x25519'));
  const ed25519 = raw32(fields.get('ed25519'));
  const fp = fingerprint(x25519, ed25519);
  if ((fields.get('fingerprint') ?? '').toUpperCase().replace(/\s+/g, ' ') !== fp) {
    throw new JournalError('INVALID_INPUT', 'The key and its fingerprint do not match. Ask for the key again.');
  }
  // Reject points Node cannot use (e.g. all-zero keys) now rather than when sealing.
  try {
    x25519KeyObject(x25519);
    ed25519KeyObject(ed25519);
  } catch {
    throw badKey();
  }
  return { label: cleanLabel(fields.get('label') ?? ''), x25519, ed25519, fingerprint: fp };
}

// SubjectPublicKeyInfo DER prefixes for raw 32-byte X25519 / Ed25519 public keys (RFC 8410).
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');

export const x25519KeyObject = (raw: Buffer): KeyObject =>
  createPublicKey({ key: Buffer.concat([X25519_SPKI, raw]), format: 'der', type: 'spki' });
export const ed25519KeyObject = (raw: Buffer): KeyObject =>
  createPublicKey({ key: Buffer.concat([ED25519_SPKI, raw]), format: 'der', type: 'spki' });

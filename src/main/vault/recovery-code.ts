import { randomBytes } from 'node:crypto';
import { VaultError } from './errors';

/**
 * Recovery codes: 160 random bits as 32 Crockford base32 characters, printed in 8 groups of 4.
 * 160 bits cannot be guessed, so the code needs no slow KDF: HKDF-SHA256 with the key file's recovery
 * salt turns it into a key-encryption key. Input is forgiving: case, spaces, dashes, and the look-alikes
 * O→0, I/L→1 are accepted.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_BYTES = 20;

export function newRecoveryCode(): string {
  const secret = randomBytes(RECOVERY_BYTES);
  const code = formatCode(encode(secret));
  secret.fill(0);
  return code;
}

function encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

const formatCode = (chars: string): string => chars.match(/.{1,4}/g)?.join('-') ?? chars;

/** Parses a typed code back to its 20 secret bytes; INVALID_INPUT when it cannot be a recovery code. */
export function parseRecoveryCode(input: string): Buffer {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== 32 || /[^0-9A-HJKMNP-TV-Z]/.test(chars)) {
    throw new VaultError('INVALID_INPUT', 'A recovery code has 32 letters and digits, in groups of four.');
  }
  const out = Buffer.alloc(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const c of chars) {
    value = (value << 5) | ALPHABET.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

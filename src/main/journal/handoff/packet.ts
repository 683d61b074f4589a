import {
  createCipheriv,
  createDecipheriv,
  createHash,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { packetPayloadSchema, type PacketPayload } from '../../../shared/api/journal';
import { JournalError } from '../errors';
import { ed25519KeyObject, x25519KeyObject } from './keys';

/**
 * The therapist packet, version 1 (docs/handoff-packet.md is the normative description):
 *
 *   magic "DBTCPKT\0" (8) | version u16 BE (2) | header length u32 BE (4) | header (UTF-8 JSON)
 *   | ciphertext (AES-256-GCM, 16-byte tag appended) | Ed25519 signature (64)
 *
 * Sealing is HPKE-like (base mode, one shot): an ephemeral X25519 key agrees with the recipient's key,
 * HKDF-SHA256 turns the secret into a key and nonce, and the magic+version+header bytes are the
 * AEAD's associated data. The sender signs everything before the signature with its Ed25519 key.
 */

export const PACKET_VERSION = 1;
export const PACKET_MAX_BYTES = 8 * 1024 * 1024;
export const HEADER_MAX_BYTES = 4096;
const MAGIC = Buffer.from('DBTCPKT\0', 'latin1');
const PREFIX_BYTES = MAGIC.length + 2 + 4;
const SIG_BYTES = 64;
const TAG_BYTES = 16;
const SUITE = 'X25519-HKDF-SHA256-AES256GCM-Ed25519';
const SIG_CONTEXT = Buffer.from('dbt-coach packet signature v1\0', 'latin1');
const KDF_SALT = Buffer.from('dbt-coach packet v1', 'latin1');

const b64key = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const headerSchema = z.strictObject({
  v: z.number().int(),
  suite: z.literal(SUITE),
  createdAt: z.number().int().nonnegative(),
  sender: z.strictObject({ label: z.string().max(64), ed25519: b64key, x25519: b64key }),
  recipient: z.strictObject({ x25519: b64key }),
  enc: b64key,
  ciphertextBytes: z.number().int().min(TAG_BYTES).max(PACKET_MAX_BYTES),
});
export type PacketHeader = z.infer<typeof headerSchema>;

export interface Sender {
  label: string;
  ed25519: { privateKey: KeyObject; publicRaw: Buffer };
  x25519: { publicRaw: Buffer };
}

function keySchedule(shared: Buffer, enc: Buffer, recipient: Buffer): { key: Buffer; nonce: Buffer } {
  const okm = Buffer.from(hkdfSync('sha256', shared, KDF_SALT, Buffer.concat([enc, recipient]), 44));
  shared.fill(0);
  return { key: okm.subarray(0, 32), nonce: okm.subarray(32, 44) };
}

const rawPublic = (k: KeyObject): Buffer => Buffer.from(k.export({ format: 'der', type: 'spki' }).subarray(-32));

export function sealPacket(
  payload: PacketPayload,
  sender: Sender,
  recipientX25519: Buffer,
  createdAt: number,
  version = PACKET_VERSION,
): Buffer {
  const plaintext = Buffer.from(JSON.stringify(packetPayloadSchema.parse(payload)), 'utf8');
  const eph = generateKeyPairSync('x25519');
  const enc = rawPublic(eph.publicKey);
  const header: PacketHeader = {
    v: version,
    suite: SUITE,
    createdAt,
    sender: {
      label: sender.label.slice(0, 64),
      ed25519: sender.ed25519.publicRaw.toString('base64url'),
      x25519: sender.x25519.publicRaw.toString('base64url'),
    },
    recipient: { x25519: recipientX25519.toString('base64url') },
    enc: enc.toString('base64url'),
    ciphertextBytes: plaintext.length + TAG_BYTES,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix);
  prefix.writeUInt16BE(version, MAGIC.length);
  prefix.writeUInt32BE(headerBytes.length, MAGIC.length + 2);
  const aad = Buffer.concat([prefix, headerBytes]);

  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: x25519KeyObject(recipientX25519) });
  const { key, nonce } = keySchedule(shared, enc, recipientX25519);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  plaintext.fill(0);
  const signed = Buffer.concat([aad, ciphertext]);
  const signature = sign(null, Buffer.concat([SIG_CONTEXT, signed]), sender.ed25519.privateKey);
  const packet = Buffer.concat([signed, signature]);
  if (packet.length > PACKET_MAX_BYTES) throw new JournalError('TOO_LARGE', 'Choose fewer items for one packet.');
  return packet;
}

export interface OpenedPacket {
  header: PacketHeader;
  senderEd25519: Buffer;
  payload: PacketPayload;
  /** SHA-256 of the whole file: importing the same packet twice is recognised by it. */
  hash: string;
}

const corrupt = () => new JournalError('CORRUPT', 'This packet is damaged or incomplete. Ask for a new copy.');

/**
 * Verifies and opens a packet. Order matters: cheap structural checks, then "is it for me", then the
 * signature over everything, and only then decryption; nothing is parsed from the plaintext before
 * the signature and the AEAD tag both hold.
 */
export function openPacket(packet: Buffer, recipient: { privateKey: KeyObject; publicRaw: Buffer }): OpenedPacket {
  if (packet.length > PACKET_MAX_BYTES) throw new JournalError('TOO_LARGE', 'This packet is too large.');
  if (packet.length < PREFIX_BYTES) throw corrupt();
  if (!packet.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new JournalError('INVALID_INPUT', 'This is not a DBT Coach packet.');
  }
  const version = packet.readUInt16BE(MAGIC.length);
  if (version !== PACKET_VERSION) {
    throw new JournalError('VERSION_UNSUPPORTED', 'This packet was made by a different version of DBT Coach.');
  }
  const headerLength = packet.readUInt32BE(MAGIC.length + 2);
  if (headerLength > HEADER_MAX_BYTES || PREFIX_BYTES + headerLength > packet.length) throw corrupt();
  const headerBytes = packet.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength);
  let header: PacketHeader;
  try {
    header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
  } catch {
    throw corrupt();
  }
  // The signed header must agree with the unsigned-looking prefix: no downgrade by editing either.
  if (header.v !== version) throw corrupt();
  const aadEnd = PREFIX_BYTES + headerLength;
  if (packet.length !== aadEnd + header.ciphertextBytes + SIG_BYTES) throw corrupt();

  if (!Buffer.from(header.recipient.x25519, 'base64url').equals(recipient.publicRaw)) {
    throw new JournalError('INVALID_INPUT', 'This packet was sealed for a different vault.');
  }
  const senderEd25519 = Buffer.from(header.sender.ed25519, 'base64url');
  const signed = packet.subarray(0, packet.length - SIG_BYTES);
  const signature = packet.subarray(packet.length - SIG_BYTES);
  let valid = false;
  try {
    valid = verify(null, Buffer.concat([SIG_CONTEXT, signed]), ed25519KeyObject(senderEd25519), signature);
  } catch {
    valid = false;
  }
  if (!valid)
    throw new JournalError('SIGNATURE_INVALID', 'This packet’s signature does not check out. It was not imported.');

  const enc = Buffer.from(header.enc, 'base64url');
  let plaintext: Buffer;
  try {
    const shared = diffieHellman({ privateKey: recipient.privateKey, publicKey: x25519KeyObject(enc) });
    const { key, nonce } = keySchedule(shared, enc, recipient.publicRaw);
    const ct = packet.subarray(aadEnd, aadEnd + header.ciphertextBytes);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(packet.subarray(0, aadEnd));
    decipher.setAuthTag(ct.subarray(ct.length - TAG_BYTES));
    plaintext = Buffer.concat([decipher.update(ct.subarray(0, ct.length - TAG_BYTES)), decipher.final()]);
    key.fill(0);
  } catch {
    throw corrupt();
  }
  let payload: PacketPayload;
  try {
    payload = packetPayloadSchema.parse(JSON.parse(plaintext.toString('utf8')));
  } catch {
    throw corrupt();
  } finally {
    plaintext.fill(0);
  }
  return { header, senderEd25519, payload, hash: createHash('sha256').update(packet).digest('hex') };
}

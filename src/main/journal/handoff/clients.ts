import { randomUUID } from 'node:crypto';
import { packetItemSchema, type PacketItem } from '../../../shared/api/journal';
import type { Store } from '../../store/index';
import { JournalError } from '../errors';
import { cleanLabel, signerFingerprint, type PublicKeySet } from './keys';
import type { OpenedPacket } from './packet';

/** Imported public keys (therapists to seal to) and the Clients view (packets received). */

interface KeyRow {
  id: string;
  label: string;
  x25519: Buffer;
  ed25519: Buffer;
  fingerprint: string;
  imported_at: number;
}

const keyInfo = (r: KeyRow) => ({ id: r.id, label: r.label, fingerprint: r.fingerprint, importedAt: r.imported_at });

export function importKey(store: Store, key: PublicKeySet & { fingerprint: string }, now: number) {
  return store.run((db) => {
    const existing = db.prepare('SELECT * FROM handoff_keys WHERE fingerprint = ?').get(key.fingerprint) as
      KeyRow | undefined;
    // Importing the same key again keeps its id (the label may be corrected).
    const id = existing?.id ?? randomUUID();
    db.prepare(
      `INSERT INTO handoff_keys (id, label, x25519, ed25519, fingerprint, imported_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (fingerprint) DO UPDATE SET label = excluded.label`,
    ).run(id, key.label, key.x25519, key.ed25519, key.fingerprint, existing?.imported_at ?? now);
    return keyInfo(db.prepare('SELECT * FROM handoff_keys WHERE id = ?').get(id) as KeyRow);
  });
}

export function listKeys(store: Store) {
  return store.run((db) =>
    (db.prepare('SELECT * FROM handoff_keys ORDER BY label, id').all() as KeyRow[]).map(keyInfo),
  );
}

export function getKey(store: Store, id: string): KeyRow {
  const row = store.run((db) => db.prepare('SELECT * FROM handoff_keys WHERE id = ?').get(id) as KeyRow | undefined);
  if (!row) throw new JournalError('NOT_FOUND', 'That key is not in your list. Import it first.');
  return row;
}

export function removeKey(store: Store, id: string): void {
  const info = store.run((db) => db.prepare('DELETE FROM handoff_keys WHERE id = ?').run(id));
  if (info.changes === 0) throw new JournalError('NOT_FOUND', 'That key is not in your list.');
}

interface ClientRow {
  id: string;
  label: string;
  ed25519: Buffer;
  fingerprint: string;
  first_seen_at: number;
}

const ITEM_KINDS = new Set<unknown>(['diaryWeek', 'chain', 'safetyPlan']);
const kindsOf = (items: PacketItem[]) => [...new Set(items.map((i) => i.kind))];

/**
 * Stores a verified packet. The client is identified by its signing key. A label already used by a
 * different key (imported ahead of time, or seen in an earlier packet) means someone else is
 * signing as that client: refused as SIGNATURE_INVALID, and nothing is stored.
 */
export function importPacket(store: Store, opened: OpenedPacket, now: number) {
  const label = cleanLabel(opened.header.sender.label);
  return store.run((db) =>
    db.transaction(() => {
      const dup = db.prepare('SELECT id, client_id FROM client_packets WHERE packet_hash = ?').get(opened.hash) as
        { id: string; client_id: string } | undefined;
      if (dup) return { clientId: dup.client_id, packetId: dup.id, duplicate: true };

      const pinned = db.prepare('SELECT ed25519 FROM handoff_keys WHERE label = ?').all(label) as Array<{
        ed25519: Buffer;
      }>;
      const known = db.prepare('SELECT ed25519 FROM clients WHERE label = ?').all(label) as Array<{ ed25519: Buffer }>;
      if ([...pinned, ...known].some((k) => !k.ed25519.equals(opened.senderEd25519))) {
        throw new JournalError(
          'SIGNATURE_INVALID',
          'This packet is signed by a different key than the one you have for this client. It was not imported.',
        );
      }
      let client = db.prepare('SELECT * FROM clients WHERE ed25519 = ?').get(opened.senderEd25519) as
        ClientRow | undefined;
      if (!client) {
        client = {
          id: randomUUID(),
          label,
          ed25519: opened.senderEd25519,
          fingerprint: signerFingerprint(opened.senderEd25519),
          first_seen_at: now,
        };
        db.prepare('INSERT INTO clients (id, label, ed25519, fingerprint, first_seen_at) VALUES (?, ?, ?, ?, ?)').run(
          client.id,
          client.label,
          client.ed25519,
          client.fingerprint,
          client.first_seen_at,
        );
      }
      const packetId = randomUUID();
      db.prepare(
        `INSERT INTO client_packets (id, client_id, packet_hash, created_at, imported_at, kinds, payload)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        packetId,
        client.id,
        opened.hash,
        opened.header.createdAt,
        now,
        JSON.stringify(kindsOf(opened.payload.items)),
        JSON.stringify(opened.payload),
      );
      return { clientId: client.id, packetId, duplicate: false };
    })(),
  );
}

export function listClients(store: Store) {
  const rows = store.run(
    (db) =>
      db
        .prepare(
          `SELECT c.*, count(p.id) AS packets, coalesce(max(p.created_at), c.first_seen_at) AS last_at
           FROM clients c LEFT JOIN client_packets p ON p.client_id = c.id GROUP BY c.id ORDER BY c.label, c.id`,
        )
        .all() as Array<ClientRow & { packets: number; last_at: number }>,
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    fingerprint: r.fingerprint,
    firstSeenAt: r.first_seen_at,
    lastPacketAt: r.last_at,
    packets: r.packets,
  }));
}

interface PacketRow {
  id: string;
  client_id: string;
  created_at: number;
  imported_at: number;
  kinds: string;
  payload: string;
}

const summary = (r: PacketRow) => ({
  id: r.id,
  clientId: r.client_id,
  createdAt: r.created_at,
  importedAt: r.imported_at,
  kinds: (JSON.parse(r.kinds) as unknown[]).filter((k): k is PacketItem['kind'] => ITEM_KINDS.has(k)),
});

export function listPackets(store: Store, clientId: string) {
  return store.run((db) => {
    if (!db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) {
      throw new JournalError('NOT_FOUND', 'That client is not in your list.');
    }
    const rows = db
      .prepare('SELECT * FROM client_packets WHERE client_id = ? ORDER BY created_at DESC, id')
      .all(clientId) as PacketRow[];
    return rows.map(summary);
  });
}

export function readPacket(store: Store, packetId: string) {
  const row = store.run(
    (db) => db.prepare('SELECT * FROM client_packets WHERE id = ?').get(packetId) as PacketRow | undefined,
  );
  if (!row) throw new JournalError('NOT_FOUND', 'That packet is not in your list.');
  const items = (JSON.parse(row.payload) as { items: unknown[] }).items.map((i) => {
    const parsed = packetItemSchema.safeParse(i);
    if (!parsed.success) throw new JournalError('CORRUPT', 'This packet could not be read.');
    return parsed.data;
  });
  return { packet: summary(row), items };
}

export function removeClient(store: Store, clientId: string): void {
  const info = store.run((db) => db.prepare('DELETE FROM clients WHERE id = ?').run(clientId));
  if (info.changes === 0) throw new JournalError('NOT_FOUND', 'That client is not in your list.');
}

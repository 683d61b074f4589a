import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { configureConnection, keyConnection, type Db } from '../open';
import { newKey, tempDir } from '../test-util';
import { MIGRATIONS } from './index';

let t: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  t = tempDir();
  db = new Database(`${t.dir}/m.db`);
  keyConnection(db, newKey());
  configureConnection(db);
});
afterEach(() => {
  db.close();
  t.cleanup();
});

const key = (byte: number) => Buffer.alloc(32, byte);

it('0005 handoff: keeps journal data and adds keys, clients and packets with their constraints', () => {
  migrate(db, MIGRATIONS, 4);
  db.prepare("INSERT INTO chain_analyses (id, data, created_at, updated_at) VALUES ('c1', '{}', 1, 1)").run();
  migrate(db, MIGRATIONS, 5);
  expect(db.prepare('SELECT id FROM chain_analyses').all()).toEqual([{ id: 'c1' }]);

  const insertKey = db.prepare(
    'INSERT INTO handoff_keys (id, label, x25519, ed25519, fingerprint, imported_at) VALUES (?, ?, ?, ?, ?, 1)',
  );
  insertKey.run('k1', 'Dr A', key(1), key(2), 'fp1');
  expect(() => insertKey.run('k2', 'Dr B', key(1), key(2), 'fp1')).toThrow(/UNIQUE/);
  expect(() => insertKey.run('k3', 'Dr C', Buffer.alloc(31), key(2), 'fp3')).toThrow(/CHECK/);

  db.prepare(
    "INSERT INTO clients (id, label, ed25519, fingerprint, first_seen_at) VALUES ('cl1', 'Alex', ?, 'fp', 1)",
  ).run(key(3));
  const insertPacket = db.prepare(
    `INSERT INTO client_packets (id, client_id, packet_hash, created_at, imported_at, kinds, payload)
     VALUES (?, ?, ?, 1, 1, '["chain"]', '{}')`,
  );
  insertPacket.run('p1', 'cl1', 'h1');
  expect(() => insertPacket.run('p2', 'cl1', 'h1')).toThrow(/UNIQUE/);
  expect(() => insertPacket.run('p3', 'nobody', 'h3')).toThrow(/FOREIGN KEY/);
  db.prepare("DELETE FROM clients WHERE id = 'cl1'").run();
  expect(db.prepare('SELECT count(*) AS n FROM client_packets').get()).toEqual({ n: 0 });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SAFETY_PLAN } from '../safety-plan';
import { entry, harness, keySet, type Harness } from '../test-support';
import { formatKeyBlock } from './keys';
import { HEADER_MAX_BYTES, PACKET_MAX_BYTES, sealPacket } from './packet';

let client: Harness;
let therapist: Harness;
let therapistKeyId: string;
beforeEach(() => {
  client = harness('Alex');
  therapist = harness('Dr Lee');
  // The key exchange: the therapist exports a text block, the client pastes it.
  therapistKeyId = client.service.importPublicKey({ text: therapist.service.myPublicKey().text }).id;
});
afterEach(() => {
  client.cleanup();
  therapist.cleanup();
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

function makePacket(h = client, keyId = therapistKeyId): string {
  h.service.saveDay(entry('2025-03-04', { notes: 'packet canary river' }));
  const c = h.service.createChain({
    title: 'Charger',
    problemBehaviour: 'Shouted',
    promptingEvent: 'Charger',
    vulnerabilityFactors: '',
    links: [],
    consequences: { shortTerm: '', longTerm: '' },
    skillPoints: [],
    repair: '',
  });
  h.service.saveSafetyPlan({ ...EMPTY_SAFETY_PLAN, reasonsForLiving: ['My dog'] }, h.service.safetyPlan().version);
  const file = path.join(h.outDir, `p${Math.random().toString(36).slice(2)}.dbtpacket`);
  h.service.createPacket(
    keyId,
    [{ kind: 'diaryWeek', start: '2025-03-03' }, { kind: 'chain', id: c.id }, { kind: 'safetyPlan' }],
    file,
  );
  return file;
}

/** Writes a modified copy of a packet into the therapist's Downloads stand-in. */
function variant(file: string, change: (b: Buffer) => Buffer): string {
  const out = path.join(therapist.outDir, `v${Math.random().toString(36).slice(2)}.dbtpacket`);
  fs.writeFileSync(out, change(Buffer.from(fs.readFileSync(file))));
  return out;
}

/** Writes raw packet bytes made in the test (forged or future packets). */
function writePacket(bytes: Buffer): string {
  const out = path.join(therapist.outDir, `f${Math.random().toString(36).slice(2)}.dbtpacket`);
  fs.writeFileSync(out, bytes);
  return out;
}

const nothingImported = () => expect(therapist.service.listClients()).toEqual([]);

describe('public-key exchange', () => {
  it('exports a short text block with both keys, label and fingerprint', () => {
    const mine = client.service.myPublicKey();
    expect(mine.text).toMatch(
      /^-----BEGIN DBT COACH PUBLIC KEY-----\nlabel: Alex\nx25519: \S{43}\ned25519: \S{43}\nfingerprint: /,
    );
    expect(mine.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it('imports from pasted text with surrounding prose, and from a file; the same key twice keeps one entry', () => {
    const block = therapist.service.myPublicKey().text;
    const again = client.service.importPublicKey({ text: `Hi Alex, here is my key:\n\n${block}\nSee you Tuesday` });
    expect(again.id).toBe(therapistKeyId);
    const file = path.join(client.outDir, 'lee.txt');
    fs.writeFileSync(file, block);
    expect(client.service.importPublicKey({ path: file }).id).toBe(therapistKeyId);
    expect(client.service.listKeys()).toEqual([expect.objectContaining({ label: 'Dr Lee', id: therapistKeyId })]);
  });

  it.each([
    [
      'a changed fingerprint',
      (t: string) => t.replace(/fingerprint: (\S)/, (_m, c: string) => `fingerprint: ${c === 'A' ? 'B' : 'A'}`),
    ],
    ['a changed key', (t: string) => t.replace(/x25519: (\S)/, (_m, c: string) => `x25519: ${c === 'A' ? 'B' : 'A'}`)],
    ['a truncated key', (t: string) => t.replace(/(ed25519: \S{40})\S{3}/, '$1')],
    ['no block at all', () => 'hello'],
  ])('refuses %s', (_n, mangle) => {
    expect(codeOf(() => client.service.importPublicKey({ text: mangle(therapist.service.myPublicKey().text) }))).toBe(
      'INVALID_INPUT',
    );
  });

  it('refuses its own key and strips control characters from labels', () => {
    expect(codeOf(() => client.service.importPublicKey({ text: client.service.myPublicKey().text }))).toBe(
      'INVALID_INPUT',
    );
    const odd = keySet('Dr\u202eevil\u0007 Lee');
    const k = client.service.importPublicKey({
      text: formatKeyBlock({ label: odd.label, x25519: odd.x25519.publicRaw, ed25519: odd.ed25519.publicRaw }),
    });
    expect(k.label).toBe('Drevil Lee');
  });
});

describe('encrypted packet', () => {
  it('round trip: the therapist verifies, imports and reads every item; the file holds no plaintext', () => {
    const file = makePacket();
    expect(fs.readFileSync(file).includes(Buffer.from('packet canary river'))).toBe(false);
    const copy = variant(file, (b) => b);
    const r = therapist.service.importPacket(copy);
    expect(r.duplicate).toBe(false);
    const [c] = therapist.service.listClients();
    expect(c).toMatchObject({ id: r.clientId, label: 'Alex', packets: 1 });
    expect(therapist.service.listPackets(r.clientId)).toEqual([
      expect.objectContaining({ id: r.packetId, kinds: ['diaryWeek', 'chain', 'safetyPlan'] }),
    ]);
    const { items } = therapist.service.readPacket(r.packetId);
    const week = items.find((i) => i.kind === 'diaryWeek');
    expect(week?.kind === 'diaryWeek' && week.days[1]?.entry?.notes).toBe('packet canary river');
    const plan = items.find((i) => i.kind === 'safetyPlan');
    expect(plan?.kind === 'safetyPlan' && plan.plan.reasonsForLiving).toEqual(['My dog']);
    // The same file again is recognised, not duplicated.
    expect(therapist.service.importPacket(copy)).toEqual({ ...r, duplicate: true });
  });

  it('keeps packets from several clients apart', () => {
    const other = harness('Blake');
    try {
      const keyId = other.service.importPublicKey({ text: therapist.service.myPublicKey().text }).id;
      therapist.service.importPacket(variant(makePacket(), (b) => b));
      therapist.service.importPacket(variant(makePacket(other, keyId), (b) => b));
      therapist.service.importPacket(variant(makePacket(), (b) => b));
      const list = therapist.service.listClients();
      expect(list.map((c) => [c.label, c.packets])).toEqual([
        ['Alex', 2],
        ['Blake', 1],
      ]);
    } finally {
      other.cleanup();
    }
  });

  it('tampered ciphertext → SIGNATURE_INVALID, nothing imported', () => {
    const bad = variant(makePacket(), (b) => {
      b.writeUInt8(b.readUInt8(b.length - 80) ^ 0x01, b.length - 80);
      return b;
    });
    expect(codeOf(() => therapist.service.importPacket(bad))).toBe('SIGNATURE_INVALID');
    nothingImported();
  });

  it('a signature by a different key than the header names → SIGNATURE_INVALID', () => {
    const mallory = keySet('Alex');
    const me = client.session;
    const packet = sealPacket(
      { items: [{ kind: 'safetyPlan', version: 0, plan: EMPTY_SAFETY_PLAN }] },
      {
        label: 'Alex',
        ed25519: { privateKey: mallory.ed25519.privateKey, publicRaw: me.ed25519.publicRaw },
        x25519: me.x25519,
      },
      therapist.session.x25519.publicRaw,
      1,
    );
    const file = writePacket(packet);
    expect(codeOf(() => therapist.service.importPacket(file))).toBe('SIGNATURE_INVALID');
    nothingImported();
  });

  it('someone else signing as a known client (valid signature, other key) → SIGNATURE_INVALID', () => {
    therapist.service.importPacket(variant(makePacket(), (b) => b));
    const mallory = keySet('Alex');
    const packet = sealPacket(
      { items: [{ kind: 'safetyPlan', version: 0, plan: EMPTY_SAFETY_PLAN }] },
      mallory,
      therapist.session.x25519.publicRaw,
      1,
    );
    expect(codeOf(() => therapist.service.importPacket(writePacket(packet)))).toBe('SIGNATURE_INVALID');
    expect(therapist.service.listClients().map((c) => c.packets)).toEqual([1]);
  });

  it('sealed for someone else → INVALID_INPUT', () => {
    const other = harness('Dr Other');
    try {
      const keyId = client.service.importPublicKey({ text: other.service.myPublicKey().text }).id;
      expect(codeOf(() => therapist.service.importPacket(variant(makePacket(client, keyId), (b) => b)))).toBe(
        'INVALID_INPUT',
      );
      nothingImported();
    } finally {
      other.cleanup();
    }
  });

  it.each([
    ['cut in the signature', (b: Buffer) => b.subarray(0, b.length - 10)],
    ['cut in the header', (b: Buffer) => b.subarray(0, 40)],
    ['cut before the header length', (b: Buffer) => b.subarray(0, 9)],
    ['trailing bytes', (b: Buffer) => Buffer.concat([b, Buffer.from([0])])],
    ['an absurd header length', (b: Buffer) => (b.writeUInt32BE(HEADER_MAX_BYTES + 1, 10), b)],
  ])('truncated or malformed (%s) → CORRUPT', (_n, change) => {
    expect(codeOf(() => therapist.service.importPacket(variant(makePacket(), change)))).toBe('CORRUPT');
    nothingImported();
  });

  it('version rollback in the prefix → VERSION_UNSUPPORTED; a header that disagrees with it → CORRUPT', () => {
    const file = makePacket();
    const rolled = variant(file, (b) => (b.writeUInt16BE(0, 8), b));
    expect(codeOf(() => therapist.service.importPacket(rolled))).toBe('VERSION_UNSUPPORTED');
    // A sender whose header says v2 inside a v1 frame (e.g. an edited file re-signed) is refused.
    const packet = sealPacket(
      { items: [{ kind: 'safetyPlan', version: 0, plan: EMPTY_SAFETY_PLAN }] },
      client.session,
      therapist.session.x25519.publicRaw,
      1,
      2,
    );
    const future = writePacket(packet);
    expect(codeOf(() => therapist.service.importPacket(future))).toBe('VERSION_UNSUPPORTED');
    const mixed = writePacket((packet.writeUInt16BE(1, 8), packet));
    expect(codeOf(() => therapist.service.importPacket(mixed))).toBe('CORRUPT');
    nothingImported();
  });

  it('oversized → TOO_LARGE without reading it; not a packet → INVALID_INPUT', () => {
    const big = path.join(therapist.outDir, 'big.dbtpacket');
    fs.writeFileSync(big, Buffer.alloc(PACKET_MAX_BYTES + 1));
    expect(codeOf(() => therapist.service.importPacket(big))).toBe('TOO_LARGE');
    const pdf = path.join(therapist.outDir, 'x.dbtpacket');
    fs.writeFileSync(pdf, '%PDF-1.7 not a packet at all');
    expect(codeOf(() => therapist.service.importPacket(pdf))).toBe('INVALID_INPUT');
    nothingImported();
  });

  it('refuses a recipient id it does not know and a packet path inside the app data', () => {
    expect(
      codeOf(() =>
        client.service.createPacket('nope', [{ kind: 'safetyPlan' }], path.join(client.outDir, 'a.dbtpacket')),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(() =>
        client.service.createPacket(therapistKeyId, [{ kind: 'safetyPlan' }], path.join(client.dataDir, 'a.dbtpacket')),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('removing a client removes its packets', () => {
    const r = therapist.service.importPacket(variant(makePacket(), (b) => b));
    therapist.service.removeClient(r.clientId);
    nothingImported();
    expect(codeOf(() => therapist.service.readPacket(r.packetId))).toBe('NOT_FOUND');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSalt } from './kdf';
import { parseKeyFile, KEY_FILE_MAGIC } from './key-file';
import { GOOD, TEST_KDF } from './test-support';
import { createVaultFile, rewrapKeyFile, unlockWithPassphrase, unlockWithRecovery, wipeSecrets } from './vault-secrets';

/** Re-seal the trailing checksum so an edit gets past the accidental-damage check (a deliberate attacker). */
function resum(file: Buffer): Buffer {
  const body = file.subarray(0, file.length - 32);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

function editHeader(file: Buffer, edit: (h: Record<string, unknown>) => void): Buffer {
  const len = file.readUInt32BE(10);
  const header = JSON.parse(file.subarray(14, 14 + len).toString('utf8')) as Record<string, unknown>;
  edit(header);
  const next = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.from(file.subarray(0, 14));
  prefix.writeUInt32BE(next.length, 10);
  return resum(Buffer.concat([prefix, next, file.subarray(14 + len)]));
}

describe('key file', async () => {
  const made = await createVaultFile('Clinic laptop', GOOD, TEST_KDF);
  wipeSecrets(made.secrets);
  const file = made.file;

  it('starts with the magic and opens with the passphrase and with the recovery code', async () => {
    expect(file.subarray(0, 8).equals(KEY_FILE_MAGIC)).toBe(true);
    const parsed = parseKeyFile(file);
    const a = await unlockWithPassphrase(parsed, GOOD);
    const b = unlockWithRecovery(parsed, made.recoveryCode);
    expect(a && b && a.dataKey.equals(b.dataKey)).toBe(true);
    expect(a?.dataKey.every((x) => x === 0)).toBe(false);
  });

  it('never contains the secrets in the clear', async () => {
    const s = await unlockWithPassphrase(parseKeyFile(file), GOOD);
    expect(s).not.toBeNull();
    for (const secret of [s?.dataKey, s?.vmk, s?.payload.subarray(32, 64)]) {
      expect(file.includes(secret as Buffer)).toBe(false);
    }
  });

  it('refuses truncation at every length', () => {
    for (let n = 0; n < file.length; n++) {
      expect(() => parseKeyFile(file.subarray(0, n)), `length ${n}`).toThrow(
        expect.objectContaining({ code: 'CORRUPT' }),
      );
    }
  });

  it('refuses a flipped bit anywhere', () => {
    for (let i = 0; i < file.length; i++) {
      const copy = Buffer.from(file);
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      expect(() => parseKeyFile(copy), `byte ${i}`).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    }
  });

  it('authenticates every byte even when the checksum is re-sealed', async () => {
    // Flip bits in header, slots and payload, then fix the checksum: no key may come out.
    for (const i of [20, 60, file.length - 200, file.length - 100, file.length - 40]) {
      const copy = Buffer.from(file);
      copy[i] = (copy[i] ?? 0) ^ 0x04;
      const tampered = resum(copy);
      let result: unknown;
      try {
        result = await unlockWithPassphrase(parseKeyFile(tampered), GOOD);
      } catch (e) {
        result = (e as { code?: string }).code;
      }
      expect(result === null || result === 'CORRUPT', `byte ${i}`).toBe(true);
    }
  });

  it('refuses a header edited to lower the KDF cost below the minimum', async () => {
    const weak = editHeader(file, (h) => ((h.kdf as Record<string, number>).m = 8192));
    await expect(unlockWithPassphrase(parseKeyFile(weak), GOOD)).rejects.toMatchObject({ code: 'KDF_TOO_WEAK' });
  });

  it('yields no key when the cost is edited but stays above the minimum', async () => {
    const cheaper = editHeader(file, (h) => ((h.kdf as Record<string, number>).m = 20480));
    expect(await unlockWithPassphrase(parseKeyFile(cheaper), GOOD)).toBeNull();
  });

  it('refuses another format version (rollback or future)', () => {
    for (const v of [0, 2, 65535]) {
      const copy = Buffer.from(file);
      copy.writeUInt16BE(v, 8);
      expect(() => parseKeyFile(resum(copy))).toThrow(expect.objectContaining({ code: 'VERSION_UNSUPPORTED' }));
    }
  });

  it('refuses slots swapped between two vaults', async () => {
    const other = await createVaultFile('Other', GOOD, TEST_KDF);
    wipeSecrets(other.secrets);
    const a = parseKeyFile(file);
    const b = parseKeyFile(other.file);
    const mixed = Buffer.from(file);
    b.passphraseSlot.copy(mixed, a.payloadAd.length - 120);
    expect(await unlockWithPassphrase(parseKeyFile(resum(mixed)), GOOD)).toBeNull();
    expect(await unlockWithPassphrase(parseKeyFile(other.file), 'not the passphrase at all, no')).toBeNull();
  });

  it('uses a fresh 16-byte salt every time (1,000 salts, plus real rewraps)', async () => {
    const salts = new Set(Array.from({ length: 1000 }, () => newSalt().toString('hex')));
    expect(salts.size).toBe(1000);
    expect([...salts].every((s) => s.length === 32)).toBe(true);
    const s = await unlockWithPassphrase(parseKeyFile(file), GOOD);
    if (!s) throw new Error('unlock failed');
    const seen = new Set<string>([made.header.kdf.salt]);
    let parsed = parseKeyFile(file);
    for (let i = 0; i < 8; i++) {
      const next = await rewrapKeyFile(parsed, s, { passphrase: { value: GOOD, kdf: TEST_KDF } });
      seen.add(next.header.kdf.salt);
      parsed = parseKeyFile(next.file);
      expect(next.header.revision).toBe(made.header.revision + i + 1);
    }
    expect(seen.size).toBe(9);
  });

  it('keeps the recovery slot valid across a passphrase change, and rotating it retires the old code', async () => {
    const s = await unlockWithPassphrase(parseKeyFile(file), GOOD);
    if (!s) throw new Error('unlock failed');
    const changed = await rewrapKeyFile(parseKeyFile(file), s, {
      passphrase: { value: 'a whole new sentence here', kdf: TEST_KDF },
    });
    expect(unlockWithRecovery(parseKeyFile(changed.file), made.recoveryCode)).not.toBeNull();
    expect(await unlockWithPassphrase(parseKeyFile(changed.file), GOOD)).toBeNull();
    const rotated = await rewrapKeyFile(parseKeyFile(changed.file), s, { rotateRecovery: true });
    expect(unlockWithRecovery(parseKeyFile(rotated.file), made.recoveryCode)).toBeNull();
    expect(unlockWithRecovery(parseKeyFile(rotated.file), rotated.recoveryCode ?? '')).not.toBeNull();
  });
});

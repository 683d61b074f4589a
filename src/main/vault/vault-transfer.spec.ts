import { describe, expect, it } from 'vitest';
import { GOOD, OTHER, hashTree, service, tmpDir } from './test-support';
import type { Calibration } from './kdf';

const LABEL = 'Clinic laptop';

async function exported() {
  const from = service(tmpDir());
  const sheet = await from.create(LABEL, GOOD, GOOD);
  const key = Buffer.from(from.requireSession().dataKey);
  const backup = from.exportKey();
  await from.close();
  return { from, sheet, key, backup, bytes: Buffer.from(backup.contentBase64, 'base64') };
}

describe('export / import', () => {
  it('round-trips with the passphrase, re-wrapped at the new machine’s calibration', async () => {
    const { key, backup } = await exported();
    // The "new machine" calibrates to a different (higher) cost.
    const there: Calibration = { params: { alg: 'argon2id', v: 19, m: 24 * 1024, t: 3, p: 1 }, ms: 30 };
    const to = service(tmpDir(), { kdf: there });
    expect(backup.fileName).toMatch(/^dbt-coach-clinic-laptop-\d{4}-\d\d-\d\d\.dbtvault$/);
    expect(await to.importKey({ contentBase64: backup.contentBase64, passphrase: GOOD })).toEqual({ label: LABEL });
    await to.unlock(LABEL, GOOD);
    expect(to.requireSession().dataKey.equals(key)).toBe(true);
    expect(to.auditTrail().map((e) => e.event)).toEqual(['unlock', 'import']);
    await to.close();
  });

  it('round-trips with the recovery code and a new passphrase', async () => {
    const { key, backup, sheet } = await exported();
    const to = service(tmpDir());
    await expect(
      to.importKey({ contentBase64: backup.contentBase64, recoveryCode: sheet.recoveryCode }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await to.importKey({ contentBase64: backup.contentBase64, recoveryCode: sheet.recoveryCode, next: OTHER });
    await to.unlock(LABEL, OTHER);
    expect(to.requireSession().dataKey.equals(key)).toBe(true);
    await to.close();
  });

  it('refuses bad backups without writing anything', async () => {
    const { backup, bytes } = await exported();
    const dataDir = tmpDir();
    const to = service(dataDir);
    await to.create('Someone else', OTHER, OTHER);
    await to.lock();
    const flip = (i: number) => {
      const c = Buffer.from(bytes);
      c[i] = (c[i] ?? 0) ^ 0x10;
      return c.toString('base64');
    };
    const cases: Array<[string, Record<string, string>, string]> = [
      ['wrong passphrase', { contentBase64: backup.contentBase64, passphrase: OTHER }, 'WRONG_PASSPHRASE'],
      [
        'wrong recovery code',
        { contentBase64: backup.contentBase64, recoveryCode: '0'.repeat(32), next: OTHER },
        'WRONG_PASSPHRASE',
      ],
      ['bit flip in the header', { contentBase64: flip(40), passphrase: GOOD }, 'CORRUPT'],
      ['bit flip in the payload', { contentBase64: flip(bytes.length - 100), passphrase: GOOD }, 'CORRUPT'],
      ['bit flip in the signature', { contentBase64: flip(bytes.length - 1), passphrase: GOOD }, 'CORRUPT'],
      [
        'truncated',
        { contentBase64: bytes.subarray(0, bytes.length - 7).toString('base64'), passphrase: GOOD },
        'CORRUPT',
      ],
      ['not base64', { contentBase64: '!!!', passphrase: GOOD }, 'CORRUPT'],
      ['oversized', { contentBase64: Buffer.alloc(70 * 1024).toString('base64'), passphrase: GOOD }, 'TOO_LARGE'],
      ['both secrets', { contentBase64: backup.contentBase64, passphrase: GOOD, recoveryCode: 'x' }, 'INVALID_INPUT'],
    ];
    const before = hashTree(dataDir);
    for (const [name, input, code] of cases) {
      await expect(to.importKey(input as never), name).rejects.toMatchObject({ code });
      expect(hashTree(dataDir), name).toEqual(before);
    }
    await to.close();
  });

  it('refuses a version rollback: an older revision of a vault already here', async () => {
    const dataDir = tmpDir();
    const vault = service(dataDir);
    await vault.create(LABEL, GOOD, GOOD);
    const old = vault.exportKey();
    await vault.changePassphrase(GOOD, OTHER, OTHER);
    const before = hashTree(dataDir);
    await expect(vault.importKey({ contentBase64: old.contentBase64, passphrase: GOOD })).rejects.toMatchObject({
      code: 'VERSION_UNSUPPORTED',
    });
    const current = vault.exportKey();
    await expect(vault.importKey({ contentBase64: current.contentBase64, passphrase: OTHER })).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    expect(Object.keys(hashTree(dataDir)).filter((k) => !k.endsWith('audit.log'))).toEqual(
      Object.keys(before).filter((k) => !k.endsWith('audit.log')),
    );
    await vault.close();
  });

  it('a label clash asks for a new label, and the rename works', async () => {
    const { backup } = await exported();
    const to = service(tmpDir());
    await to.create(LABEL.toUpperCase(), OTHER, OTHER);
    await expect(to.importKey({ contentBase64: backup.contentBase64, passphrase: GOOD })).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    expect(await to.importKey({ contentBase64: backup.contentBase64, passphrase: GOOD, label: 'From home' })).toEqual({
      label: 'From home',
    });
    expect(to.list().map((v) => v.label)).toEqual(['CLINIC LAPTOP', 'From home']);
    await to.close();
  });
});

import { hashRaw } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { calibrate, checkParams, deriveKey, KDF_FLOOR, newSalt, type KdfParams } from './kdf';

/**
 * Known answers for Argon2id v=0x13 from the reference implementation's test suite
 * (phc-winner-argon2, src/test.c, "Test Argon2id version number: 13"). RFC 9106 §5.3's Argon2id vector
 * needs a secret key and associated data; @node-rs/argon2 has no associated-data parameter, so the
 * reference-suite vectors without K/X anchor the library instead.
 */
const VECTORS = [
  {
    t: 2,
    m: 65536,
    p: 1,
    pw: 'password',
    salt: 'somesalt',
    hex: '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7',
  },
  {
    t: 2,
    m: 256,
    p: 1,
    pw: 'password',
    salt: 'somesalt',
    hex: '9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe',
  },
  {
    t: 2,
    m: 256,
    p: 2,
    pw: 'password',
    salt: 'somesalt',
    hex: '6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037',
  },
  {
    t: 1,
    m: 65536,
    p: 1,
    pw: 'password',
    salt: 'somesalt',
    hex: 'f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98',
  },
];

describe('Argon2id (@node-rs/argon2)', () => {
  it.each(VECTORS)('matches the reference vector m=$m t=$t p=$p', async ({ t, m, p, pw, salt, hex }) => {
    const raw = await hashRaw(pw, {
      algorithm: 2,
      version: 1,
      memoryCost: m,
      timeCost: t,
      parallelism: p,
      outputLen: 32,
      salt: Buffer.from(salt),
    });
    expect(raw.toString('hex')).toBe(hex);
  });

  it('deriveKey gives the same bytes as the reference for accepted parameters', async () => {
    const key = await deriveKey(Buffer.from('password'), Buffer.from('somesalt'), {
      alg: 'argon2id',
      v: 19,
      m: 65536,
      t: 2,
      p: 1,
    });
    expect(key.toString('hex')).toBe(VECTORS[0]?.hex);
  });

  it('reports progress and ends at 1', async () => {
    const seen: Array<number | null> = [];
    const key = await deriveKey(
      Buffer.from('x'),
      newSalt(),
      { ...KDF_FLOOR, m: 19456, t: 2, p: 1 },
      (f) => seen.push(f),
      50,
    );
    expect(key).toHaveLength(32);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
  });
});

describe('checkParams', () => {
  const base: KdfParams = { alg: 'argon2id', v: 19, m: 19456, t: 2, p: 1 };
  it('accepts the minimum and the floor', () => {
    expect(() => checkParams(base)).not.toThrow();
    expect(() => checkParams(KDF_FLOOR)).not.toThrow();
  });
  it.each([
    ['m below 19 MiB', { ...base, m: 19455 }],
    ['t below 2', { ...base, t: 1 }],
  ])('refuses %s with KDF_TOO_WEAK', (_n, params) => {
    expect(() => checkParams(params)).toThrow(expect.objectContaining({ code: 'KDF_TOO_WEAK' }));
  });
  it.each([
    ['absurd memory', { ...base, m: 2 ** 40 }],
    ['absurd passes', { ...base, t: 1e6 }],
    ['fractional', { ...base, t: 2.5 }],
    ['zero lanes', { ...base, p: 0 }],
    ['argon2i', { ...base, alg: 'argon2i' as 'argon2id' }],
  ])('refuses %s as CORRUPT before deriving anything', (_n, params) => {
    expect(() => checkParams(params)).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
  });
});

describe('calibrate (cryptsetup-style)', () => {
  // A fake clock: cost is linear in m·t, 50 ms at the floor (what this 2-core machine measures).
  const model = (msAtFloor: number) => async (p: KdfParams) => (msAtFloor * (p.m * p.t)) / (KDF_FLOOR.m * KDF_FLOOR.t);
  const GiB = 1024 ** 3;

  it('raises memory first, up to 1 GiB, then passes', async () => {
    const c = await calibrate(KDF_FLOOR, model(50), 24 * GiB);
    expect(c.params.m).toBe(512 * 1024);
    expect(c.params.t).toBe(3);
    expect(c.params.p).toBe(4);
    const slow = await calibrate(KDF_FLOOR, model(5), 24 * GiB);
    expect(slow.params.m).toBe(1024 * 1024);
    expect(slow.params.t).toBeGreaterThan(3);
    expect(slow.ms).toBeGreaterThan(400);
    expect(slow.ms).toBeLessThanOrEqual(500);
  });

  it('keeps memory within a quarter of RAM', async () => {
    const c = await calibrate(KDF_FLOOR, model(5), 1 * GiB);
    expect(c.params.m).toBeLessThanOrEqual(256 * 1024);
    expect(c.params.t).toBeGreaterThan(3);
  });

  it('never goes below the RFC 9106 floor on a slow machine', async () => {
    const c = await calibrate(KDF_FLOOR, model(2000), 24 * GiB);
    expect(c.params).toEqual(KDF_FLOOR);
  });
});

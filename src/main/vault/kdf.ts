import { hashRaw } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { VaultError } from './errors';

/** Argon2id parameters as stored in the key file. `m` is in KiB, as in RFC 9106 and the PHC string. */
export interface KdfParams {
  readonly alg: 'argon2id';
  readonly v: 19;
  readonly m: number;
  readonly t: number;
  readonly p: number;
}

/** RFC 9106 §4, second recommended option: 64 MiB, 3 passes, 4 lanes. Calibration never goes below it. */
export const KDF_FLOOR: KdfParams = { alg: 'argon2id', v: 19, m: 64 * 1024, t: 3, p: 4 };
/** Key files asking for less than this are refused outright (OWASP's Argon2id minimum: 19 MiB, t=2). */
export const KDF_MIN = { m: 19 * 1024, t: 2, p: 1 } as const;
/**
 * Upper bounds, because the header is only authenticated after the derivation: a file edited to ask for
 * 1 TiB or a million passes must be refused before we try, not exhaust the machine.
 */
export const KDF_MAX = { m: 4 * 1024 * 1024, t: 64, p: 16 } as const;
export const SALT_BYTES = 16;
export const KEY_BYTES = 32;
/** Target time for one derivation on the machine that creates (or imports) the vault. */
export const KDF_TARGET_MS = 500;

// The enum in @node-rs/argon2 is a `const enum`, which isolated modules cannot inline: 2 is Argon2id, 1 is v0x13.
const ARGON2ID = 2;
const V0X13 = 1;

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

/** Throws KDF_TOO_WEAK below the minimum and CORRUPT for parameters no honest file contains. */
export function checkParams(params: KdfParams): void {
  const { m, t, p } = params;
  const ints = [m, t, p].every((n) => Number.isSafeInteger(n) && n > 0);
  if (!ints || params.alg !== 'argon2id' || params.v !== 19 || m > KDF_MAX.m || t > KDF_MAX.t || p > KDF_MAX.p) {
    throw new VaultError('CORRUPT', 'The key file has key-derivation settings this app does not accept.');
  }
  if (m < KDF_MIN.m || t < KDF_MIN.t || m < 8 * p) {
    throw new VaultError('KDF_TOO_WEAK', 'The key file asks for a key derivation that is too weak to trust.');
  }
}

export type KdfProgress = (fraction: number | null) => void;

/**
 * Argon2id(secret, salt) → 32-byte key-encryption key. Runs on libuv's thread pool (non-blocking).
 * Argon2 reports no progress, so progress is an estimate from the expected duration, capped below 1.
 */
export async function deriveKey(
  secret: Buffer,
  salt: Buffer,
  params: KdfParams,
  onProgress?: KdfProgress,
  expectedMs?: number,
): Promise<Buffer> {
  checkParams(params);
  const started = Date.now();
  const timer =
    onProgress &&
    setInterval(() => {
      onProgress(expectedMs ? Math.min(0.95, (Date.now() - started) / expectedMs) : null);
    }, 100);
  onProgress?.(expectedMs ? 0 : null);
  try {
    const raw = await hashRaw(secret, {
      algorithm: ARGON2ID,
      version: V0X13,
      memoryCost: params.m,
      timeCost: params.t,
      parallelism: params.p,
      outputLen: KEY_BYTES,
      salt,
    });
    const key = Buffer.alloc(KEY_BYTES);
    raw.copy(key);
    raw.fill(0);
    return key;
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw new VaultError('UNAVAILABLE', 'The key could not be derived: the machine may be short of memory.');
  } finally {
    if (timer) clearInterval(timer);
    onProgress?.(1);
  }
}

export interface Calibration {
  readonly params: KdfParams;
  /** Measured duration of one derivation at `params`, in ms. */
  readonly ms: number;
}

/** How calibration measures a derivation; injectable so tests need not spend seconds per vault. */
export type KdfTimer = (params: KdfParams) => Promise<number>;

export const timeDerivation: KdfTimer = async (params) => {
  const secret = randomBytes(32);
  const started = process.hrtime.bigint();
  const key = await deriveKey(secret, newSalt(), params);
  key.fill(0);
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/**
 * cryptsetup-style calibration: start at the floor, raise memory first (doubling, up to
 * min(1 GiB, RAM/4)), then passes, until one derivation takes about KDF_TARGET_MS. Argon2's cost is
 * linear in m·t, so each step is predicted from the last measurement and then measured once.
 */
export async function calibrate(
  floor: KdfParams = KDF_FLOOR,
  measure: KdfTimer = timeDerivation,
  totalMemBytes: number = os.totalmem(),
  targetMs: number = KDF_TARGET_MS,
): Promise<Calibration> {
  const memCap = Math.max(floor.m, Math.min(1024 * 1024, Math.floor(totalMemBytes / 4 / 1024)));
  let params = floor;
  let ms = await measure(params);
  // Memory first: double while the prediction stays within the target.
  while (params.m * 2 <= memCap && ms * 2 <= targetMs * 1.1) {
    params = { ...params, m: params.m * 2 };
    ms = await measure(params);
  }
  // Then passes.
  const perPass = ms / params.t;
  const t = Math.min(KDF_MAX.t, Math.max(params.t, Math.floor(targetMs / perPass)));
  if (t !== params.t) {
    params = { ...params, t };
    ms = await measure(params);
  }
  return { params, ms: Math.round(ms) };
}

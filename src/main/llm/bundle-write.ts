import { createHash, generateKeyPairSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, throttled, writeFileAtomic, type Progress } from './atomic-file';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleFileNameSchema,
  bundleManifestSchema,
  keyFingerprint,
  MANIFEST_FILE,
  privateKeyFromPem,
  publicKeyB64Of,
  SIGNATURE_FILE,
  signManifest,
  type BundleManifest,
} from './bundle-format';
import { AppError } from './errors';
import { readGgufHeader } from './gguf-header';
import { readManifest } from './manifest';

export const PRIVATE_KEY_FILE = 'clinic-signing-key.pem';
export const PUBLIC_KEY_FILE = 'clinic-public-key.txt';

export interface ClinicKeys {
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly privateKeyFile: string;
  readonly publicKeyFile: string;
}

/**
 * Makes the clinic's Ed25519 signing key: PKCS#8 PEM, mode 0600 (owner only), plus the public key as
 * raw base64 for the policy file. Never overwrites a key: losing the old one would orphan every bundle.
 */
export async function generateClinicKeys(outDir: string): Promise<ClinicKeys> {
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const privateKeyFile = path.join(outDir, PRIVATE_KEY_FILE);
  const publicKeyFile = path.join(outDir, PUBLIC_KEY_FILE);
  if (await exists(privateKeyFile)) {
    throw new AppError('CONFLICT', `${PRIVATE_KEY_FILE} already exists in that folder; it was left untouched.`);
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  // 'wx': fails if the file appeared meanwhile; the mode is set at creation so it is never readable by others.
  const fh = await open(privateKeyFile, 'wx', 0o600);
  try {
    await fh.writeFile(pem);
    await fh.sync();
  } finally {
    await fh.close();
  }
  const b64 = publicKeyB64Of(publicKey);
  await writeFile(publicKeyFile, `${b64}\n`, { mode: 0o644 });
  await fsyncDir(outDir);
  return { publicKey: b64, fingerprint: keyFingerprint(b64), privateKeyFile, publicKeyFile };
}

export interface WriteBundleOptions {
  readonly privateKeyFile: string;
  readonly outDir: string;
  readonly files: readonly string[];
  /** Applied to every file that has no `<name>.json` manifest with a license of its own. */
  readonly license?: string;
  readonly progress?: Progress;
  readonly now?: () => Date;
}

/**
 * Writes a bundle folder: copies each GGUF (header checked first) while hashing it, then the manifest and
 * its signature. Built in a sibling temp folder and renamed, so a half-written bundle never looks finished.
 */
export async function writeBundle(o: WriteBundleOptions): Promise<{ manifest: BundleManifest; fingerprint: string }> {
  const key = privateKeyFromPem(await readFile(o.privateKeyFile, 'utf8').catch(() => missingKey()));
  if (o.files.length === 0) throw new AppError('INVALID_INPUT', 'Name at least one .gguf file to bundle.');
  const names = o.files.map((f) => path.basename(f));
  for (const name of names) {
    if (!bundleFileNameSchema.safeParse(name).success) {
      throw new AppError('INVALID_INPUT', `${name.slice(0, 200)}: bundle file names must be plain names ending .gguf.`);
    }
  }
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) {
    throw new AppError('INVALID_INPUT', 'Two files have the same name; a bundle needs distinct names.');
  }
  if ((await readdir(o.outDir).catch(() => [])).length > 0) {
    throw new AppError('CONFLICT', 'The output folder is not empty; choose a new folder for the bundle.');
  }
  for (const file of o.files) await readGgufHeader(file);
  const tmp = `${path.resolve(o.outDir)}.partial-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true, mode: 0o755 });
  try {
    const entries: BundleManifest['files'] = [];
    for (const [i, file] of o.files.entries()) {
      const name = names[i] as string;
      const side = await readManifest(file);
      const { sha256, size } = await copyHashing(file, path.join(tmp, name), o.progress, `Bundling ${name}`);
      entries.push({
        name,
        size,
        sha256,
        license: side?.license ?? o.license ?? null,
        ...(side?.recommendedContext ? { recommendedContext: side.recommendedContext } : {}),
      });
    }
    const manifest = bundleManifestSchema.parse({
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      created: (o.now?.() ?? new Date()).toISOString(),
      publicKey: publicKeyB64Of(key),
      files: entries,
    });
    await writeFileAtomic(path.join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFileAtomic(path.join(tmp, SIGNATURE_FILE), `${signManifest(manifest, key)}\n`);
    await rm(o.outDir, { recursive: true, force: true }); // empty (checked above) or absent
    await rename(tmp, o.outDir);
    await fsyncDir(path.dirname(path.resolve(o.outDir)));
    return { manifest, fingerprint: keyFingerprint(manifest.publicKey) };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Copies while hashing, so the hash describes exactly the bytes written (not a re-read of the source). */
export async function copyHashing(
  source: string,
  dest: string,
  progress: Progress | undefined,
  label: string,
): Promise<{ sha256: string; size: number }> {
  const total = (await stat(source)).size;
  const hash = createHash('sha256');
  const report = throttled(progress);
  const out = await open(dest, 'w', 0o600);
  let size = 0;
  try {
    for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      hash.update(buf);
      await out.write(buf);
      size += buf.length;
      report(total > 0 ? Math.min(0.999, size / total) : null, label);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return { sha256: hash.digest('hex'), size };
}

function missingKey(): never {
  throw new AppError('NOT_FOUND', 'The signing key file could not be read.');
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

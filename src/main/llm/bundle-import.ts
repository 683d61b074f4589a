import { lstat, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Progress } from './atomic-file';
import {
  bundleManifestSchema,
  keyFingerprint,
  MANIFEST_FILE,
  MAX_MANIFEST_BYTES,
  rawPublicKey,
  SIGNATURE_FILE,
  verifyManifest,
  type BundleManifest,
} from './bundle-format';
import { copyHashing } from './bundle-write';
import { AppError } from './errors';
import { readGgufHeader } from './gguf-header';
import { modelIdFor, type ModelStore } from './model-store';

/** Which signers a bundle may come from (from the admin policy; see docs/clinic-guide.md). */
export interface BundleTrust {
  /** Raw Ed25519 public keys (base64). When any are listed, only these keys are accepted. */
  readonly clinicKeys: readonly string[];
  /** The policy demands signed bundles: with no usable key listed, nothing can be imported. */
  readonly required: boolean;
}

export type BundleImportResult =
  | {
      state: 'needs-confirmation';
      fingerprint: string;
      files: Array<{ name: string; size: number; license: string | null }>;
    }
  | { state: 'imported'; fingerprint: string; imported: string[]; alreadyInstalled: string[]; ignored: string[] };

export interface ImportBundleOptions {
  readonly store: ModelStore;
  readonly trust: BundleTrust;
  /** With no clinic key in the policy, the person confirms the signer by its fingerprint. */
  readonly confirmFingerprint?: string;
  readonly progress?: Progress;
}

const normalizeFp = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const bad = (file: string, why: string) => new AppError('MODEL_INVALID', `${file}: ${why}`);

/**
 * Imports a signed bundle all-or-nothing. Order: manifest and signature, then who signed it, then every
 * listed file's size, SHA-256 (hashed while copying, so what was checked is what is installed) and GGUF
 * header, and only when all pass are the models listed. Files the manifest does not list are never read:
 * they are reported as ignored (USB sticks collect .DS_Store, System Volume Information and the like).
 */
export async function importBundle(dir: string, o: ImportBundleOptions): Promise<BundleImportResult> {
  const { manifest, fingerprint } = await readSignedManifest(dir);
  const trusted = o.trust.clinicKeys.map((k) => rawPublicKey(k)).filter((k): k is Buffer => k !== null);
  const signer = rawPublicKey(manifest.publicKey) as Buffer;
  if (trusted.length > 0) {
    if (!trusted.some((k) => k.equals(signer))) {
      throw new AppError(
        'SIGNATURE_INVALID',
        `${SIGNATURE_FILE}: the bundle is signed with a key your organisation does not trust (fingerprint ${fingerprint}).`,
      );
    }
  } else if (o.trust.required) {
    throw new AppError(
      'POLICY_DENIED',
      'Your organisation requires signed bundles but its policy lists no usable key.',
    );
  } else if (normalizeFp(o.confirmFingerprint ?? '') !== normalizeFp(fingerprint)) {
    return {
      state: 'needs-confirmation',
      fingerprint,
      files: manifest.files.map((f) => ({ name: f.name, size: f.size, license: f.license })),
    };
  }

  const listed = new Set(manifest.files.map((f) => f.name));
  const present = await readdir(dir);
  const ignored = present.filter((n) => n !== MANIFEST_FILE && n !== SIGNATURE_FILE && !listed.has(n)).slice(0, 50);
  for (const f of manifest.files) {
    const st = await lstat(path.join(dir, f.name)).catch(() => null);
    if (!st) throw new AppError('NOT_FOUND', `${f.name}: listed in the manifest but missing from the bundle.`);
    if (!st.isFile()) throw bad(f.name, 'not a regular file.');
    if (st.size !== f.size) throw bad(f.name, 'its size does not match the bundle manifest.');
  }

  const todo: Array<BundleManifest['files'][number] & { id: string }> = [];
  const alreadyInstalled: string[] = [];
  for (const f of manifest.files) {
    const id = modelIdFor(f.name);
    const existing = await o.store.get(id).catch(() => null);
    if (existing?.record.sha256 === f.sha256) alreadyInstalled.push(id);
    else if (existing) throw new AppError('CONFLICT', `${f.name}: a different model with that name is installed.`);
    else todo.push({ ...f, id });
  }

  await mkdir(o.store.dir, { recursive: true, mode: 0o700 });
  const partials = todo.map((f) => path.join(o.store.dir, `.${f.id}.gguf.bundle-partial`));
  const installed: string[] = [];
  try {
    for (const [i, f] of todo.entries()) {
      const label = `Checking ${f.name} (${i + 1} of ${todo.length})`;
      const scaled: Progress = (fr, l) => o.progress?.(fr === null ? null : (i + fr) / todo.length, l);
      const { sha256 } = await copyHashing(path.join(dir, f.name), partials[i] as string, scaled, label);
      if (sha256 !== f.sha256) throw bad(f.name, 'it does not match its SHA-256 in the bundle manifest.');
      await readGgufHeader(partials[i] as string).catch((e: unknown) => {
        throw e instanceof AppError ? bad(f.name, e.message) : e;
      });
    }
    for (const [i, f] of todo.entries()) {
      const manifestForStore = {
        file: f.name,
        sha256: f.sha256,
        size: f.size,
        ...(f.license ? { license: f.license } : {}),
        ...(f.recommendedContext ? { recommendedContext: f.recommendedContext } : {}),
      };
      await o.store.install(f.id, partials[i] as string, f.sha256, manifestForStore, f.name);
      installed.push(f.id);
    }
  } catch (error) {
    // All or nothing: anything this call already listed is taken out again.
    for (const id of installed) await o.store.remove(id).catch(() => undefined);
    throw error;
  } finally {
    for (const p of partials) await rm(p, { force: true });
  }
  o.progress?.(1, 'Bundle imported');
  return { state: 'imported', fingerprint, imported: installed, alreadyInstalled, ignored };
}

/** Reads manifest.json and manifest.sig and checks the signature against the key the manifest names. */
export async function readSignedManifest(dir: string): Promise<{ manifest: BundleManifest; fingerprint: string }> {
  // The folder itself may be reached through a link (a mount point, /tmp on macOS); files inside may not.
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) throw new AppError('NOT_FOUND', 'No bundle folder at that path.');
  const text = await readSmall(path.join(dir, MANIFEST_FILE));
  if (text === null) throw new AppError('NOT_FOUND', `${MANIFEST_FILE}: missing from the bundle folder.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad(MANIFEST_FILE, 'not valid JSON.');
  }
  const result = bundleManifestSchema.safeParse(parsed);
  if (!result.success) throw bad(MANIFEST_FILE, 'does not match the bundle format (version 1).');
  const sig = await readSmall(path.join(dir, SIGNATURE_FILE));
  if (sig === null) throw new AppError('SIGNATURE_INVALID', `${SIGNATURE_FILE}: missing, so the bundle is unsigned.`);
  if (!verifyManifest(result.data, sig)) {
    throw new AppError(
      'SIGNATURE_INVALID',
      `${MANIFEST_FILE}: the signature does not match; the manifest was changed after signing.`,
    );
  }
  return { manifest: result.data, fingerprint: keyFingerprint(result.data.publicKey) };
}

async function readSmall(file: string): Promise<string | null> {
  const fh = await open(file, 'r').catch(() => null);
  if (!fh) return null;
  try {
    const st = await fh.stat();
    if (!st.isFile()) return null;
    if (st.size > MAX_MANIFEST_BYTES) throw bad(path.basename(file), 'too large.');
    return (await fh.readFile()).toString('utf8');
  } finally {
    await fh.close();
  }
}

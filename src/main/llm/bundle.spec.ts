import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  keyFingerprint,
  MANIFEST_FILE,
  privateKeyFromPem,
  SIGNATURE_FILE,
  signManifest,
} from './bundle-format';
import { importBundle, type BundleTrust } from './bundle-import';
import { generateClinicKeys, writeBundle } from './bundle-write';
import { ModelStore } from './model-store';
import { minimalGguf, testModelPath } from './test-fixtures';

const tmp = (p = 'bundle-') => fs.mkdtempSync(path.join(os.tmpdir(), p));

async function setup(names = ['alpha.gguf', 'beta.gguf'], license = 'Apache-2.0') {
  const root = tmp();
  const keys = await generateClinicKeys(path.join(root, 'keys'));
  const src = path.join(root, 'src');
  fs.mkdirSync(src);
  const files = names.map((n, i) => {
    const f = path.join(src, n);
    // Distinct contents per file, still a valid GGUF (trailing tensor data differs).
    const buf = minimalGguf();
    buf[buf.length - 1] = i + 1;
    fs.writeFileSync(f, buf);
    return f;
  });
  const bundle = path.join(root, 'bundle');
  await writeBundle({ privateKeyFile: keys.privateKeyFile, outDir: bundle, files, license });
  const store = new ModelStore(path.join(root, 'data'));
  const trust: BundleTrust = { clinicKeys: [keys.publicKey], required: true };
  return { root, keys, bundle, store, trust };
}

const installed = async (store: ModelStore) => (await store.list()).map((m) => m.record.id);
const readManifest = (bundle: string) => JSON.parse(fs.readFileSync(path.join(bundle, MANIFEST_FILE), 'utf8'));

describe('clinic keys', () => {
  it('writes an Ed25519 PEM private key readable only by its owner, and the public key as base64', async () => {
    const d = tmp();
    const k = await generateClinicKeys(d);
    expect(fs.statSync(k.privateKeyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(k.privateKeyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(privateKeyFromPem(fs.readFileSync(k.privateKeyFile, 'utf8')).asymmetricKeyType).toBe('ed25519');
    expect(fs.readFileSync(k.publicKeyFile, 'utf8').trim()).toBe(k.publicKey);
    expect(Buffer.from(k.publicKey, 'base64')).toHaveLength(32);
    expect(k.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    await expect(generateClinicKeys(d)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('canonical JSON sorts keys at every level and is whitespace-free', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
  });
});

describe('writing a bundle', () => {
  it('writes the files, a manifest with sizes, hashes and licenses, and a signature', async () => {
    const { bundle, keys } = await setup();
    expect(fs.readdirSync(bundle).sort()).toEqual(['alpha.gguf', 'beta.gguf', MANIFEST_FILE, SIGNATURE_FILE]);
    const m = readManifest(bundle);
    expect(m).toMatchObject({ format: 'dbt-coach-model-bundle', formatVersion: 1, publicKey: keys.publicKey });
    expect(m.files[0]).toMatchObject({ name: 'alpha.gguf', license: 'Apache-2.0', size: minimalGguf().length });
    expect(m.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses non-GGUF input, a non-empty output folder and a bad key file', async () => {
    const { root, keys, bundle } = await setup();
    const txt = path.join(root, 'notes.gguf');
    fs.writeFileSync(txt, 'just text');
    const out = path.join(root, 'out2');
    await expect(writeBundle({ privateKeyFile: keys.privateKeyFile, outDir: out, files: [txt] })).rejects.toMatchObject(
      {
        code: 'MODEL_INVALID',
      },
    );
    expect(fs.existsSync(out)).toBe(false);
    const gguf = path.join(bundle, 'alpha.gguf');
    await expect(
      writeBundle({ privateKeyFile: keys.privateKeyFile, outDir: bundle, files: [gguf] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(writeBundle({ privateKeyFile: keys.publicKeyFile, outDir: out, files: [gguf] })).rejects.toMatchObject(
      {
        code: 'INVALID_INPUT',
      },
    );
  });
});

describe('importing a bundle', () => {
  it('imports every model when the policy trusts the signer, with progress, and skips identical re-imports', async () => {
    const { bundle, store, trust } = await setup();
    const seen: number[] = [];
    const r = await importBundle(bundle, { store, trust, progress: (f) => f !== null && seen.push(f) });
    expect(r).toMatchObject({ state: 'imported', imported: ['alpha', 'beta'], ignored: [] });
    expect(await installed(store)).toEqual(['alpha', 'beta']);
    expect((await store.get('alpha')).record).toMatchObject({ verified: true, license: 'Apache-2.0' });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] as number))).toBe(true);
    const again = await importBundle(bundle, { store, trust });
    expect(again).toMatchObject({ state: 'imported', imported: [], alreadyInstalled: ['alpha', 'beta'] });
    expect(fs.readdirSync(store.dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('without a policy key, asks the person to confirm the fingerprint first and copies nothing until then', async () => {
    const { bundle, store, keys } = await setup();
    const open: BundleTrust = { clinicKeys: [], required: false };
    const r = await importBundle(bundle, { store, trust: open });
    expect(r).toMatchObject({ state: 'needs-confirmation', fingerprint: keys.fingerprint });
    expect(await installed(store)).toEqual([]);
    const wrong = await importBundle(bundle, { store, trust: open, confirmFingerprint: '0000' });
    expect(wrong.state).toBe('needs-confirmation');
    const ok = await importBundle(bundle, {
      store,
      trust: open,
      confirmFingerprint: keys.fingerprint.toUpperCase().replace(/ /g, ''),
    });
    expect(ok.state).toBe('imported');
  });

  it('refuses a modified GGUF, naming it, and imports nothing (not even the good file before it)', async () => {
    const { bundle, store, trust } = await setup();
    const f = path.join(bundle, 'beta.gguf');
    const buf = fs.readFileSync(f);
    buf.writeUInt8((buf.at(-1) ?? 0) ^ 0xff, buf.length - 1); // same size, different bytes
    fs.writeFileSync(f, buf);
    await expect(importBundle(bundle, { store, trust })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('beta.gguf'),
    });
    expect(await installed(store)).toEqual([]);
    expect(fs.readdirSync(store.dir)).toEqual([]);
  });

  it('refuses a GGUF of the wrong size, naming it', async () => {
    const { bundle, store, trust } = await setup();
    fs.appendFileSync(path.join(bundle, 'alpha.gguf'), 'x');
    await expect(importBundle(bundle, { store, trust })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('alpha.gguf'),
    });
  });

  it('refuses a modified manifest (signature no longer matches)', async () => {
    const { bundle, store, trust } = await setup();
    const m = readManifest(bundle);
    m.files[0].license = 'MIT';
    fs.writeFileSync(path.join(bundle, MANIFEST_FILE), JSON.stringify(m));
    await expect(importBundle(bundle, { store, trust })).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
      message: expect.stringContaining(MANIFEST_FILE),
    });
    expect(await installed(store)).toEqual([]);
  });

  it('accepts the same manifest re-formatted (the signature covers canonical bytes)', async () => {
    const { bundle, store, trust } = await setup();
    fs.writeFileSync(path.join(bundle, MANIFEST_FILE), JSON.stringify(readManifest(bundle)));
    expect((await importBundle(bundle, { store, trust })).state).toBe('imported');
  });

  it('refuses a bundle signed with a key the policy does not list', async () => {
    const { bundle, store } = await setup();
    const other = await generateClinicKeys(tmp());
    await expect(
      importBundle(bundle, { store, trust: { clinicKeys: [other.publicKey], required: true } }),
    ).rejects.toMatchObject({ code: 'SIGNATURE_INVALID', message: expect.stringContaining(SIGNATURE_FILE) });
  });

  it('refuses a manifest re-signed by another key that claims the clinic key', async () => {
    const { bundle, store, trust } = await setup();
    const other = await generateClinicKeys(tmp());
    const m = readManifest(bundle);
    const key = privateKeyFromPem(fs.readFileSync(other.privateKeyFile, 'utf8'));
    fs.writeFileSync(path.join(bundle, SIGNATURE_FILE), signManifest(m, key)); // publicKey still the clinic's
    await expect(importBundle(bundle, { store, trust })).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('refuses a missing file, a missing signature and a missing manifest, naming each', async () => {
    const a = await setup();
    fs.rmSync(path.join(a.bundle, 'beta.gguf'));
    await expect(importBundle(a.bundle, a)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('beta.gguf'),
    });
    expect(await installed(a.store)).toEqual([]);
    const b = await setup();
    fs.rmSync(path.join(b.bundle, SIGNATURE_FILE));
    await expect(importBundle(b.bundle, b)).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
      message: expect.stringContaining(SIGNATURE_FILE),
    });
    fs.rmSync(path.join(b.bundle, MANIFEST_FILE));
    await expect(importBundle(b.bundle, b)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(MANIFEST_FILE),
    });
    await expect(importBundle(path.join(b.root, 'nowhere'), b)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reaches the bundle folder through a link, but refuses a listed file that is a link', async () => {
    const { root, bundle, store, trust } = await setup();
    const link = path.join(root, 'usb-link');
    fs.symlinkSync(bundle, link);
    const other = path.join(root, 'elsewhere.gguf');
    fs.renameSync(path.join(bundle, 'beta.gguf'), other);
    fs.symlinkSync(other, path.join(bundle, 'beta.gguf'));
    await expect(importBundle(link, { store, trust })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('beta.gguf'),
    });
    fs.rmSync(path.join(bundle, 'beta.gguf'));
    fs.renameSync(other, path.join(bundle, 'beta.gguf'));
    expect((await importBundle(link, { store, trust })).state).toBe('imported');
  });

  it('ignores files the manifest does not list, and says so', async () => {
    const { bundle, store, trust } = await setup();
    fs.writeFileSync(path.join(bundle, 'extra.gguf'), minimalGguf());
    fs.writeFileSync(path.join(bundle, '.DS_Store'), 'junk');
    const r = await importBundle(bundle, { store, trust });
    expect(r).toMatchObject({ state: 'imported', imported: ['alpha', 'beta'] });
    if (r.state === 'imported') expect(r.ignored.sort()).toEqual(['.DS_Store', 'extra.gguf']);
    expect(await installed(store)).toEqual(['alpha', 'beta']);
  });

  it('refuses manifests that point outside the bundle, even when correctly signed', async () => {
    const { bundle, store, keys, trust } = await setup();
    const key = privateKeyFromPem(fs.readFileSync(keys.privateKeyFile, 'utf8'));
    for (const name of ['../alpha.gguf', '/etc/passwd.gguf', '.hidden.gguf', 'a/b.gguf']) {
      const m = readManifest(bundle);
      m.files[0].name = name;
      fs.writeFileSync(path.join(bundle, MANIFEST_FILE), JSON.stringify(m));
      fs.writeFileSync(path.join(bundle, SIGNATURE_FILE), signManifest(m, key));
      await expect(importBundle(bundle, { store, trust })).rejects.toMatchObject({
        code: 'MODEL_INVALID',
        message: expect.stringContaining(MANIFEST_FILE),
      });
    }
  });

  it('refuses a signed file that is not a GGUF, naming it', async () => {
    const { root, keys, store, trust } = await setup();
    const bad = path.join(root, 'fake.gguf');
    fs.writeFileSync(bad, minimalGguf());
    const out = path.join(root, 'b2');
    await writeBundle({ privateKeyFile: keys.privateKeyFile, outDir: out, files: [bad] });
    // Re-sign a manifest that matches a non-GGUF file: the header check still catches it.
    const junk = Buffer.alloc(minimalGguf().length, 0x41);
    fs.writeFileSync(path.join(out, 'fake.gguf'), junk);
    const m = readManifest(out);
    m.files[0].sha256 = (await import('node:crypto')).createHash('sha256').update(junk).digest('hex');
    const key = privateKeyFromPem(fs.readFileSync(keys.privateKeyFile, 'utf8'));
    fs.writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(m));
    fs.writeFileSync(path.join(out, SIGNATURE_FILE), signManifest(m, key));
    await expect(importBundle(out, { store, trust })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('fake.gguf'),
    });
  });

  it('with a policy that requires bundles but lists no usable key, refuses every bundle', async () => {
    const { bundle, store } = await setup();
    await expect(importBundle(bundle, { store, trust: { clinicKeys: [], required: true } })).rejects.toMatchObject({
      code: 'POLICY_DENIED',
    });
  });

  it('a different model already installed under the same name is a conflict, not an overwrite', async () => {
    const a = await setup(['same.gguf']);
    const b = await setup(['same.gguf']);
    fs.writeFileSync(path.join(a.bundle, 'x'), '');
    await importBundle(a.bundle, a);
    const trustB = { clinicKeys: [b.keys.publicKey], required: true };
    // b's same.gguf has the same bytes as a's (index 0): identical → already installed.
    expect(await importBundle(b.bundle, { store: a.store, trust: trustB })).toMatchObject({
      alreadyInstalled: ['same'],
    });
    const c = await setup(['other.gguf', 'same.gguf']); // same.gguf is index 1 here: different bytes
    await expect(
      importBundle(c.bundle, { store: a.store, trust: { clinicKeys: [c.keys.publicKey], required: true } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('same.gguf') });
    expect((await a.store.list()).map((m) => m.record.id)).toEqual(['same']);
  });

  it('bundles and imports the real tiny llama model', async (ctx) => {
    const model = testModelPath();
    if (!model) return ctx.skip();
    const root = tmp();
    const keys = await generateClinicKeys(path.join(root, 'keys'));
    const bundle = path.join(root, 'usb', 'models-2026');
    const r = await writeBundle({
      privateKeyFile: keys.privateKeyFile,
      outDir: bundle,
      files: [model],
      license: 'MIT',
    });
    expect(keyFingerprint(r.manifest.publicKey)).toBe(keys.fingerprint);
    const store = new ModelStore(path.join(root, 'data'));
    const imported = await importBundle(bundle, { store, trust: { clinicKeys: [keys.publicKey], required: true } });
    expect(imported).toMatchObject({ state: 'imported', imported: ['llama-2-tiny-random'] });
    const m = await store.get('llama-2-tiny-random');
    expect(m.facts.architecture).toBe('llama');
    expect(m.record).toMatchObject({ verified: true, license: 'MIT', sizeBytes: fs.statSync(model).size });
    expect(await store.verify('llama-2-tiny-random')).toMatchObject({ ok: true });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClinicKeys, writeBundle } from '../../llm/index';
import { createApp, type App } from '../index';

const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));
const call = { transport: 'cli' } as const;
const GOOD = 'my cat eats toast at midnight';

/** A minimal valid GGUF (one F32 tensor), so bundles can be made without the real model. */
function tinyGguf(): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number) => parts.push(Buffer.from(Uint32Array.of(n).buffer));
  const u64 = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    parts.push(b);
  };
  const str = (s: string) => {
    u64(Buffer.byteLength(s));
    parts.push(Buffer.from(s));
  };
  parts.push(Buffer.from('GGUF'));
  const ops: Array<() => void> = [
    () => u32(3), // version
    () => u64(1), // tensors
    () => u64(2), // metadata entries
    () => str('general.architecture'),
    () => u32(8), // string
    () => str('llama'),
    () => str('general.file_type'),
    () => u32(4), // u32
    () => u32(0),
    () => str('w'), // tensor name, 1 dim of 4, F32, offset 0
    () => u32(1),
    () => u64(4),
    () => u32(0),
    () => u64(0),
  ];
  ops.forEach((op) => op());
  const head = Buffer.concat(parts);
  return Buffer.concat([head, Buffer.alloc((32 - (head.length % 32)) % 32), Buffer.alloc(16)]);
}

async function appWith(policy: string | null): Promise<App> {
  const dir = tmp('policy-app-');
  const env: NodeJS.ProcessEnv = { DBT_COACH_TEST_KDF: 'floor', DBT_COACH_POLICY: path.join(dir, 'policy.json') };
  if (policy !== null) fs.writeFileSync(env.DBT_COACH_POLICY as string, policy);
  return createApp({ dataDir: path.join(dir, 'data'), env, log: () => undefined });
}

const run = (app: App, method: string, input: unknown) => app.dispatch(method, input, call);
const denied = { ok: false, error: { code: 'POLICY_DENIED' } };

describe('a policy file changes the app', () => {
  let app: App;
  let clinic: Awaited<ReturnType<typeof generateClinicKeys>>;
  let root: string;
  let gguf: string;

  beforeAll(async () => {
    root = tmp('policy-keys-');
    clinic = await generateClinicKeys(path.join(root, 'keys'));
    gguf = path.join(root, 'clinic-model.gguf');
    fs.writeFileSync(gguf, tinyGguf());
    app = await appWith(
      JSON.stringify({
        forceOffline: true,
        disableRelay: true,
        disableServerProvider: true,
        autoLockMaxMinutes: 2,
        disableRememberOnDevice: true,
        country: 'GB',
        crisisContacts: [{ name: 'Clinic duty line', number: '0161 555 0100', kind: 'crisis-line', ways: ['call'] }],
        requireSignedModelBundles: true,
        clinicPublicKeys: [{ label: 'Clinic', publicKey: clinic.publicKey }],
      }),
    );
  });
  afterAll(() => app.close());

  it('policy.get reports the managed settings', async () => {
    const r = await run(app, 'policy.get', {});
    expect(r).toMatchObject({ ok: true, value: { source: 'file', warning: null } });
    if (r.ok) expect((r.value as { managed: unknown[] }).managed).toHaveLength(8);
  });

  it('forces offline mode', async () => {
    expect(await run(app, 'privacy.setOffline', { offline: false })).toMatchObject(denied);
    expect(await run(app, 'privacy.setOffline', { offline: true })).toMatchObject({ ok: true });
    expect(await run(app, 'providers.get', {})).toMatchObject({
      ok: true,
      value: { offline: true, defaultProvider: 'local', available: { server: false, relay: false } },
    });
  });

  it('refuses the server and relay providers', async () => {
    expect(await run(app, 'providers.set', { defaultProvider: 'server' })).toMatchObject(denied);
    expect(await run(app, 'providers.set', { defaultProvider: 'relay' })).toMatchObject(denied);
    expect(await run(app, 'providers.set', { server: { baseUrl: 'http://192.168.1.5:8080/v1' } })).toMatchObject(
      denied,
    );
    expect(await run(app, 'providers.set', { defaultProvider: 'local' })).toMatchObject({ ok: true });
    expect(await run(app, 'chat.send', { text: 'hello', provider: 'server' })).toMatchObject(denied);
  });

  it('refuses plain GGUF imports and downloads, accepts a bundle signed by the clinic key', async () => {
    expect(await run(app, 'models.import', { path: gguf })).toMatchObject(denied);
    expect(await run(app, 'models.download', { id: 'anything' })).toMatchObject(denied);
    const bundle = path.join(root, 'bundle');
    await writeBundle({ privateKeyFile: clinic.privateKeyFile, outDir: bundle, files: [gguf] });
    expect(await run(app, 'models.importBundle', { path: bundle })).toMatchObject({
      ok: true,
      value: { state: 'imported', imported: ['clinic-model'], models: [{ id: 'clinic-model', verified: true }] },
    });
    const stranger = await generateClinicKeys(path.join(root, 'stranger'));
    const other = path.join(root, 'other-bundle');
    await writeBundle({ privateKeyFile: stranger.privateKeyFile, outDir: other, files: [gguf] });
    expect(
      await run(app, 'models.importBundle', { path: other, confirmFingerprint: stranger.fingerprint }),
    ).toMatchObject({ ok: false, error: { code: 'SIGNATURE_INVALID' } });
  });

  it('caps the auto-lock and refuses "remember on this device"', async () => {
    expect(
      await run(app, 'vault.create', { label: 'Room 2 – client A', passphrase: GOOD, confirmPassphrase: GOOD }),
    ).toMatchObject({ ok: true });
    expect(await run(app, 'vault.status', {})).toMatchObject({ ok: true, value: { autoLockSeconds: 120 } });
    expect(await run(app, 'vault.setAutoLock', { seconds: 3600 })).toEqual({ ok: true, value: { seconds: 120 } });
    expect(await run(app, 'vault.setAutoLock', { seconds: 30 })).toEqual({ ok: true, value: { seconds: 30 } });
    expect(await run(app, 'vault.setRemember', { enabled: true })).toMatchObject(denied);
    expect(await run(app, 'vault.unlockRemembered', { label: 'Room 2 – client A' })).toMatchObject(denied);
    expect(await run(app, 'vault.setRemember', { enabled: false })).toMatchObject({ ok: true });
  });

  it("pins the country and lists the clinic's crisis contacts first, keeping the emergency number", async () => {
    const r = await run(app, 'coach.crisisContacts', { country: 'US' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as { contacts: { country: string; contacts: Array<{ name: string; number: string }> } };
    expect(v.contacts.country).toBe('GB');
    expect(v.contacts.contacts[0]?.name).toBe('Clinic duty line');
    expect(v.contacts.contacts.map((c) => c.number)).toContain('999');
  });
});

describe('a broken policy file', () => {
  it('starts the app with the strictest settings and a warning', async () => {
    const app = await appWith('{ "forceOffline": false, ');
    try {
      const r = await run(app, 'policy.get', {});
      expect(r).toMatchObject({
        ok: true,
        value: { source: 'broken', warning: expect.stringContaining('not valid JSON') },
      });
      expect(await run(app, 'privacy.setOffline', { offline: false })).toMatchObject(denied);
      expect(await run(app, 'providers.set', { defaultProvider: 'server' })).toMatchObject(denied);
      expect(await run(app, 'models.import', { path: '/nowhere.gguf' })).toMatchObject(denied);
      expect(await run(app, 'models.importBundle', { path: tmp('empty-bundle-') })).toMatchObject({ ok: false });
      expect(
        await run(app, 'vault.create', { label: 'Desk', passphrase: GOOD, confirmPassphrase: GOOD }),
      ).toMatchObject({ ok: true });
      expect(await run(app, 'vault.status', {})).toMatchObject({ ok: true, value: { autoLockSeconds: 300 } });
      // The app is still usable: skills and crisis contacts answer.
      expect(await run(app, 'coach.crisisContacts', { country: 'IE' })).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});

describe('no policy file', () => {
  it('leaves the person in charge', async () => {
    const app = await appWith(null);
    try {
      expect(await run(app, 'policy.get', {})).toMatchObject({ ok: true, value: { source: 'none', managed: [] } });
      expect(await run(app, 'privacy.setOffline', { offline: false })).toMatchObject({
        ok: true,
        value: { offline: false },
      });
      expect(await run(app, 'models.import', { path: '/nowhere.gguf' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      await app.close();
    }
  });
});

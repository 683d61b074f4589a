import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyStateSchema } from '../../shared/api/policy';
import { keyFingerprint } from '../llm/index';
import { loadPolicy, loadPolicyFile, policyFrom, policyPath, STRICTEST_AUTO_LOCK_SECONDS } from './index';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
const pubKey = () =>
  generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');

function withFile(content: string | Buffer): string {
  const file = path.join(dir(), 'policy.json');
  fs.writeFileSync(file, content);
  return file;
}
const load = (file: string) => policyFrom(loadPolicyFile(file));

describe('policy file location', () => {
  it('uses the documented system path per OS, and DBT_COACH_POLICY over it', () => {
    expect(policyPath('linux', {})).toBe('/etc/dbt-coach/policy.json');
    expect(policyPath('darwin', {})).toBe('/Library/Application Support/DBT Coach/policy.json');
    expect(policyPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\DBT Coach\\policy.json');
    expect(policyPath('win32', {})).toBe('C:\\ProgramData\\DBT Coach\\policy.json');
    expect(policyPath('linux', { DBT_COACH_POLICY: '/tmp/p.json' })).toBe('/tmp/p.json');
  });

  it('no file means no policy and nothing managed', () => {
    const p = loadPolicy({ env: { DBT_COACH_POLICY: path.join(dir(), 'absent.json') } });
    expect(p.state).toMatchObject({ source: 'none', warning: null, managed: [] });
    expect(p.llm).toMatchObject({ forceOffline: false, disabledProviders: [], requireSignedModelBundles: false });
    expect(p.vault).toEqual({ autoLockMaxSeconds: null, rememberDisabled: false });
  });
});

describe('a valid policy', () => {
  it('turns every field into an effective limit and a managed setting with a reason', () => {
    const key = pubKey();
    const p = load(
      withFile(
        JSON.stringify({
          version: 1,
          forceOffline: true,
          disableRelay: true,
          disableServerProvider: true,
          autoLockMaxMinutes: 10,
          disableRememberOnDevice: true,
          country: 'gb',
          crisisContacts: [{ name: 'Clinic duty line', number: '0161 555 0100', kind: 'crisis-line', ways: ['call'] }],
          requireSignedModelBundles: true,
          clinicPublicKeys: [{ label: 'North clinic', publicKey: key }],
          defaultTheme: 'dark',
          language: 'en-GB',
        }),
      ),
    );
    expect(policyStateSchema.parse(p.state)).toEqual(p.state); // honours the contract
    expect(p.state.source).toBe('file');
    expect(p.llm).toEqual({
      forceOffline: true,
      disabledProviders: ['relay', 'server'],
      requireSignedModelBundles: true,
      clinicPublicKeys: [key],
    });
    expect(p.vault).toEqual({ autoLockMaxSeconds: 600, rememberDisabled: true });
    expect(p.crisis.country).toBe('GB');
    expect(p.state.effective.clinicKeys).toEqual([{ label: 'North clinic', fingerprint: keyFingerprint(key) }]);
    const managed = Object.fromEntries(p.state.managed.map((m) => [m.setting, m]));
    expect(Object.keys(managed).sort()).toEqual(
      [
        'autoLock',
        'country',
        'crisisContacts',
        'language',
        'modelImports',
        'offline',
        'relayProvider',
        'rememberOnDevice',
        'serverProvider',
        'theme',
      ].sort(),
    );
    expect(managed.autoLock).toMatchObject({ locked: true, value: '10 minutes at most' });
    expect(managed.theme).toMatchObject({ locked: false, value: 'dark' });
    expect(managed.modelImports?.reason).toContain(keyFingerprint(key));
    for (const m of p.state.managed) expect(m.reason.length).toBeGreaterThan(10);
  });

  it('the example in docs/it-install.md is a valid policy', () => {
    const doc = fs.readFileSync(path.resolve('docs/it-install.md'), 'utf8');
    const example = /### Example\s+```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const p = load(withFile(example ?? ''));
    expect(p.state).toMatchObject({ source: 'file', warning: null });
    expect(p.llm.forceOffline).toBe(true);
  });

  it('an empty object or a BOM-prefixed file is valid and manages nothing', () => {
    expect(load(withFile('{}')).state).toMatchObject({ source: 'file', managed: [], warning: null });
    expect(load(withFile('\uFEFF{"forceOffline": false}')).state.source).toBe('file');
  });

  it('bare base64 keys are accepted and labelled', () => {
    const key = pubKey();
    const p = load(withFile(JSON.stringify({ clinicPublicKeys: [key] })));
    expect(p.state.effective.clinicKeys[0]?.label).toBe('Key 1');
    expect(p.llm.requireSignedModelBundles).toBe(false);
  });
});

describe('a broken policy file: strictest settings, a warning, never a crash', () => {
  const strict = (file: string) => {
    const p = load(file);
    expect(p.state.source).toBe('broken');
    expect(p.state.warning).toMatch(/safest settings/);
    expect(p.llm.forceOffline).toBe(true);
    expect(p.llm.disabledProviders).toEqual(['relay', 'server']);
    expect(p.llm.requireSignedModelBundles).toBe(true);
    expect(p.vault).toEqual({ autoLockMaxSeconds: STRICTEST_AUTO_LOCK_SECONDS, rememberDisabled: true });
    expect(p.state.managed.every((m) => !m.locked || m.reason.includes('could not be used'))).toBe(true);
    expect(policyStateSchema.safeParse(p.state).success).toBe(true);
    return p;
  };

  it.each([
    ['bad JSON', '{"forceOffline": tru'],
    ['not an object', '[1,2,3]'],
    ['null', 'null'],
    ['a wrong type', '{"forceOffline": "yes"}'],
    ['a misspelt field', '{"forceOfline": true}'],
    ['a ceiling of zero', '{"autoLockMaxMinutes": 0}'],
    ['signed bundles without keys', '{"requireSignedModelBundles": true}'],
    ['a bad key', '{"clinicPublicKeys": ["not-a-key"]}'],
    ['a prototype-polluting key', '{"__proto__": {"forceOffline": false}, "constructor": 1}'],
    ['binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80])],
  ])('%s', (_name, content) => {
    strict(withFile(content));
  });

  it('a file too large to be a policy', () => {
    strict(withFile(`{"language":"en",${' '.repeat(300 * 1024)}"x":1}`));
  });

  it('a folder where the file should be (unreadable)', () => {
    const d = dir();
    strict(d);
  });

  it('a device instead of a file is refused without reading it', () => {
    expect(strict('/dev/zero').state.warning).toContain('not a regular file');
  });

  it('names the wrong fields without echoing their values', () => {
    const p = strict(withFile('{"forceOffline": "SECRET-VALUE", "extraThing": 1}'));
    expect(p.state.warning).toContain('forceOffline');
    expect(p.state.warning).toContain('extraThing');
    expect(p.state.warning).not.toContain('SECRET-VALUE');
  });

  it('keeps fields that cannot loosen anything (keys, crisis contacts, country) and keeps shorter ceilings', () => {
    const key = pubKey();
    const p = strict(
      withFile(
        JSON.stringify({
          forceOffline: 'broken',
          clinicPublicKeys: [key],
          country: 'IE',
          crisisContacts: [{ name: 'Duty line', number: '01 555 0100', kind: 'crisis-line', ways: ['call'] }],
        }),
      ),
    );
    expect(p.llm.clinicPublicKeys).toEqual([key]);
    expect(p.crisis.country).toBe('IE');
    expect(p.crisis.contacts).toHaveLength(1);
  });
});

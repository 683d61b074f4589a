import { describe, expect, it } from 'vitest';
import { KDF_MIN, VaultService } from '../../vault/index';
import { createDispatcher, type Handlers } from '../dispatcher';
import { createVaultHandlers } from './vault';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const call = { transport: 'cli' } as const;
const GOOD = 'my cat eats toast at midnight';

function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-api-'));
  const vault = new VaultService({ dataDir, kdf: { params: { alg: 'argon2id', v: 19, ...KDF_MIN }, ms: 20 } });
  const dispatch = createDispatcher(createVaultHandlers(vault) as unknown as Handlers);
  return { vault, dispatch };
}

describe('vault.* through the dispatcher', () => {
  it('runs the flow and never returns key material', async () => {
    const { vault, dispatch } = setup();
    const outputs: unknown[] = [];
    const run = async (method: string, input: unknown) => {
      const r = await dispatch(method, input, call);
      outputs.push(r);
      return r;
    };
    expect(await run('vault.create', { label: 'Home', passphrase: GOOD, confirmPassphrase: GOOD })).toMatchObject({
      ok: true,
      value: { label: 'Home', recoveryCode: expect.any(String) },
    });
    const key = Buffer.from(vault.requireSession().dataKey);
    await run('vault.status', {});
    await run('vault.list', {});
    await run('vault.audit', {});
    await run('vault.exportKey', {});
    await run('vault.passphraseStrength', { passphrase: GOOD, label: 'Home' });
    await run('vault.setAutoLock', { seconds: 5 });
    expect(await run('vault.lock', {})).toEqual({ ok: true, value: { ok: true } });
    expect(await run('vault.unlock', { label: 'Home', passphrase: 'not the right one at all' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await run('vault.exportKey', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const text = JSON.stringify(outputs);
    for (const form of [key.toString('hex'), key.toString('base64'), key.toString('base64url')]) {
      expect(text).not.toContain(form);
    }
    expect(text).not.toContain(GOOD);
    await vault.close();
  });

  it.each([
    ['a 1 MB passphrase', { label: 'Home', passphrase: 'x'.repeat(1024 * 1024) }],
    ['an empty passphrase', { label: 'Home', passphrase: '' }],
    ['a missing label', { passphrase: GOOD }],
    ['extra fields', { label: 'Home', passphrase: GOOD, remember: true }],
  ])('refuses %s at the boundary', async (_n, input) => {
    const { dispatch } = setup();
    expect(await dispatch('vault.unlock', input, call)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses an auto-lock shorter than 5 seconds', async () => {
    const { dispatch } = setup();
    expect(await dispatch('vault.setAutoLock', { seconds: 4 }, call)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

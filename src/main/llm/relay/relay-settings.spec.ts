// Relay settings through the llm service: the address is validated and kept, and the provider becomes
// available only with an address and an unlocked vault.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLlmService } from '../llm-service';
import type { RelayKeys } from './relay-auth';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function keys(): RelayKeys {
  const ed = generateKeyPairSync('ed25519');
  const x = generateKeyPairSync('x25519');
  const raw = (k: typeof ed.publicKey) => new Uint8Array(k.export({ format: 'der', type: 'spki' }).subarray(12));
  return {
    vaultId: 'v',
    ed25519: { privateKey: ed.privateKey, publicRaw: raw(ed.publicKey) },
    x25519: { publicRaw: raw(x.publicKey) },
  };
}

async function service(unlocked: { value: boolean }) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'relay-settings-'));
  dirs.push(dataDir);
  const k = keys();
  return {
    dataDir,
    llm: await createLlmService({ dataDir, emit: () => undefined, relayKeys: () => (unlocked.value ? k : null) }),
  };
}

describe('relay settings', () => {
  it('keeps a valid address, refuses plain http off loopback, and needs an unlocked vault', async () => {
    const unlocked = { value: false };
    const { llm, dataDir } = await service(unlocked);
    expect((await llm.providers.get()).relay).toEqual({ url: '' });
    await expect(llm.providers.set({ relay: { url: 'http://relay.example.org' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(llm.providers.set({ relay: { url: "https://x'; DROP TABLE--" } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const set = await llm.providers.set({ relay: { url: 'https://relay.example.org/' } });
    expect(set.relay.url).toBe('https://relay.example.org');
    expect(set.available.relay).toBe(false); // locked
    unlocked.value = true;
    expect((await llm.providers.get()).available.relay).toBe(true);
    expect(llm.chat).toBeDefined();
    // Persisted across a restart; other settings untouched by a relay-only patch.
    const again = await createLlmService({ dataDir, emit: () => undefined, relayKeys: () => keys() });
    expect((await again.providers.get()).relay.url).toBe('https://relay.example.org');
    expect((await again.providers.set({ relay: { url: '' } })).available.relay).toBe(false);
    await llm.dispose();
    await again.dispose();
  });
});

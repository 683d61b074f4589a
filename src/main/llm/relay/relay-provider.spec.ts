// The Relay provider against the real relay started in-process on loopback (PGlite in memory) and a fake
// OpenAI-compatible upstream: sealing, login, streaming decryption, token refresh, and hostile replies.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line layers/imports -- test starts the real relay
import { startFakeUpstream, type FakeUpstream } from '../../../relay/testing/fake-upstream';
// eslint-disable-next-line layers/imports -- test starts the real relay
import { startTestRelay, type TestRelay } from '../../../relay/testing/test-relay';
import { OutboundGuard } from '../outbound-guard';
import type { ChatRequest, Delta } from '../provider';
import type { RelayKeys } from './relay-auth';
import { RelayProvider, type RelayProviderOptions } from './relay-provider';
import { normaliseRelayUrl } from './relay-url';

function vaultKeys(vaultId = 'vault-1'): RelayKeys {
  const ed = generateKeyPairSync('ed25519');
  const x = generateKeyPairSync('x25519');
  const raw = (k: typeof ed.publicKey) => new Uint8Array(k.export({ format: 'der', type: 'spki' }).subarray(12));
  return {
    vaultId,
    ed25519: { privateKey: ed.privateKey, publicRaw: raw(ed.publicKey) },
    x25519: { publicRaw: raw(x.publicKey) },
  };
}

const request = (message: string): ChatRequest => ({
  system: 'be kind',
  history: [
    { role: 'user', text: 'hi' },
    { role: 'assistant', text: 'hello' },
  ],
  message,
});

async function collect(it: AsyncIterable<Delta>): Promise<Delta[]> {
  const out: Delta[] = [];
  for await (const d of it) out.push(d);
  return out;
}

/** A fetch that rewrites the chat reply body, to play a hostile network or relay. */
function rewritingFetch(rewrite: (body: Uint8Array) => Uint8Array, seen: string[] = []): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    seen.push(url);
    const res = await fetch(input, init);
    if (!url.endsWith('/v1/chat') || !res.ok) return res;
    const body = rewrite(new Uint8Array(await res.arrayBuffer()));
    return new Response(Buffer.from(body), { status: res.status, headers: res.headers });
  };
}

describe('RelayProvider', () => {
  let upstream: FakeUpstream;
  let relay: TestRelay;
  let dataDir: string;
  const keys = vaultKeys();
  const make = (o: Partial<RelayProviderOptions> = {}) =>
    new RelayProvider({
      url: () => relay.url,
      keys: () => keys,
      guard: new OutboundGuard({ offline: true }),
      dataDir,
      ...o,
    });

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    relay = await startTestRelay(upstream.url);
    dataDir = mkdtempSync(path.join(tmpdir(), 'relay-provider-'));
  });
  afterAll(async () => {
    await relay?.close();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('streams a decrypted reply through the relay, with the relay host as destination', async () => {
    const p = make();
    expect(p.available()).toBe(true);
    expect(p.destination()).toEqual({ host: new URL(relay.url).host, model: 'relay' });
    const deltas = await collect(p.chat(request('how are you'), new AbortController().signal));
    const text = deltas.flatMap((d) => (d.type === 'text' ? [d.text] : [])).join('');
    expect(deltas.filter((d) => d.type === 'text').length).toBeGreaterThan(1);
    expect(text).toBe('reply to: how are you');
    expect(deltas.at(-1)).toMatchObject({ type: 'done', reason: 'complete', model: 'relay' });
    // The whole conversation went up, and the relay's model choice wins.
    expect(upstream.lastBody).toMatchObject({
      model: 'default',
      messages: [{ role: 'system', content: 'be kind' }, {}, {}, { content: 'how are you' }],
    });
  });

  it('registers once per relay and vault, and logs in again after its tokens are revoked', async () => {
    const accountsBefore = Number((await relay.db.query('SELECT count(*)::int AS n FROM accounts'))[0]?.n);
    let token = '';
    const spy: typeof fetch = async (input, init) => {
      const auth = new Headers(init?.headers).get('authorization');
      if (auth) token = auth;
      return fetch(input, init);
    };
    const p = make({ fetch: spy });
    await collect(p.chat(request('one'), new AbortController().signal));
    // Same vault and relay, new provider (an app restart): the stored account id is reused.
    expect(Number((await relay.db.query('SELECT count(*)::int AS n FROM accounts'))[0]?.n)).toBe(accountsBefore);
    const revoked = await fetch(`${relay.url}/v1/auth/revoke-all`, {
      method: 'POST',
      headers: { authorization: token },
    });
    expect(revoked.status).toBe(204);
    const again = await collect(p.chat(request('two'), new AbortController().signal));
    expect(again.at(-1)).toMatchObject({ type: 'done', reason: 'complete' });
    expect(readFileSync(path.join(dataDir, 'llm', 'relay-accounts.json'), 'utf8')).not.toContain(token.slice(7));
  });

  it('fails with PROVIDER_ERROR on a flipped bit, a dropped frame, a truncated stream or trailing bytes', async () => {
    const cases: ((b: Uint8Array) => Uint8Array)[] = [
      (b) => {
        const c = Uint8Array.from(b);
        c[10] = (c[10] ?? 0) ^ 1;
        return c;
      }, // tampered chunk
      (b) => {
        const len = new DataView(b.buffer, b.byteOffset).getUint32(0);
        return b.slice(4 + len);
      }, // first frame missing
      (b) => b.slice(0, b.length - 3), // truncated final frame
      (b) => {
        const c = new Uint8Array(b.length + 1);
        c.set(b);
        return c;
      }, // bytes after the final frame
      () => new Uint8Array(0), // nothing at all
    ];
    for (const rewrite of cases) {
      const p = make({ fetch: rewritingFetch(rewrite) });
      await expect(collect(p.chat(request('tamper'), new AbortController().signal))).rejects.toMatchObject({
        code: 'PROVIDER_ERROR',
      });
    }
  });

  it('maps an upstream failure to PROVIDER_ERROR', async () => {
    upstream.mode = 'error500';
    try {
      await expect(collect(make().chat(request('x'), new AbortController().signal))).rejects.toMatchObject({
        code: 'PROVIDER_ERROR',
      });
    } finally {
      upstream.mode = 'ok';
    }
  });

  it('offline mode refuses a non-loopback relay before any connection, and records the attempt', async () => {
    const seen: string[] = [];
    const guard = new OutboundGuard({ offline: true });
    const p = make({ url: () => 'https://relay.example.org', guard, fetch: rewritingFetch((b) => b, seen) });
    await expect(collect(p.chat(request('x'), new AbortController().signal))).rejects.toMatchObject({
      code: 'OFFLINE',
    });
    expect(seen).toEqual([]);
    expect(await guard.connections()).toMatchObject([{ host: 'relay.example.org', allowed: false }]);
  });

  it('is unavailable while the vault is locked or no address is set, and refuses plain http off loopback', async () => {
    expect(make({ keys: () => null }).available()).toBe(false);
    await expect(
      collect(make({ keys: () => null }).chat(request('x'), new AbortController().signal)),
    ).rejects.toMatchObject({ code: 'LOCKED' });
    expect(make({ url: () => null }).available()).toBe(false);
    expect(make({ url: () => 'http://relay.example.org' }).available()).toBe(false);
    expect(() => normaliseRelayUrl('http://relay.example.org')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => normaliseRelayUrl('https://u:p@relay.example.org')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => normaliseRelayUrl('ftp://relay.example.org')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => normaliseRelayUrl('not a url')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(normaliseRelayUrl('https://relay.example.org/base/')).toBe('https://relay.example.org/base');
    expect(normaliseRelayUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normaliseRelayUrl('http://localhost:8080/')).toBe('http://localhost:8080');
  });

  it('stops quietly when the caller aborts', async () => {
    upstream.mode = 'slow';
    try {
      const ac = new AbortController();
      const run = collect(make().chat(request('x'), ac.signal));
      setTimeout(() => ac.abort(), 50);
      expect((await run).at(-1)).toMatchObject({ type: 'done', reason: 'stopped' });
    } finally {
      upstream.mode = 'ok';
    }
  });
});

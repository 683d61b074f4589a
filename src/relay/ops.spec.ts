// Operational behaviour on one PGlite relay with tight limits: rate limits, slow clients, health,
// graceful shutdown, configuration errors, key expiry, and fast-check fuzzing of every endpoint.
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { KeyRing } from './keys/key-ring';
import { RateLimiter } from './http/rate-limit';
import { newId, newIdentity, RelayClient } from './client/relay-client';
import { startFakeUpstream, type FakeUpstream } from './testing/fake-upstream';
import { startTestRelay, type TestRelay } from './testing/test-relay';
import { plain, postJson, raw } from './testing/raw';
import { main } from './cli';

describe('units', () => {
  it('rate limiter refills over time and reports the wait', () => {
    let t = 0;
    const rl = new RateLimiter(60, () => t);
    for (let i = 0; i < 60; i++) expect(rl.take('a')).toBe(0);
    expect(rl.take('a')).toBeGreaterThan(0);
    expect(rl.take('b')).toBe(0);
    t += 1000;
    expect(rl.take('a')).toBe(0);
  });

  it('key ring rotates, keeps a key through its grace period, then forgets it', () => {
    let t = 1_000_000;
    const ring = new KeyRing(60_000, 10_000, () => t);
    const first = ring.published()[0]!;
    t += 55_000; // inside the last tenth: the next key is minted and published alongside
    expect(ring.published().map((k) => k.id)).toContain(first.id);
    expect(ring.published()).toHaveLength(2);
    t += 10_000; // expired, within grace: still opens requests but no longer published
    expect(ring.find(first.id)).not.toBeNull();
    expect(ring.published().map((k) => k.id)).not.toContain(first.id);
    t += 10_000;
    expect(ring.find(first.id)).toBeNull();
  });

  it('config errors name the variable', () => {
    expect(() => loadConfig({ RELAY_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({}).upstream.maxTokens).toBe(1024);
  });

  it('CLI prints help and refuses bad configuration with exit code 2', async () => {
    const out: string[] = [];
    const spies = (['log', 'error'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((s: string) => void out.push(s)),
    );
    try {
      expect(await main(['relay', '--help'])).toBe(0);
      expect(out.join()).toMatch(/audit-verify/);
      expect(await main(['relay', '--bogus'])).toBe(2);
      const prev = process.env.RELAY_MAX_TOKENS;
      process.env.RELAY_MAX_TOKENS = '-5';
      expect(await main(['relay', 'audit-verify'])).toBe(2);
      if (prev === undefined) delete process.env.RELAY_MAX_TOKENS;
      else process.env.RELAY_MAX_TOKENS = prev;
      expect(out.join()).toMatch(/RELAY_MAX_TOKENS/);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});

describe('relay operations (PGlite)', () => {
  let upstream: FakeUpstream;
  let relay: TestRelay;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    relay = await startTestRelay(upstream.url, {
      overrides: { ratePerTokenPerMin: 30, ratePerIpPerMin: 100_000, connectionTimeoutMs: 400 },
    });
  });
  afterAll(async () => {
    await relay?.close();
    await upstream?.close();
  });

  it('serves health and readiness', async () => {
    expect((await raw(`${relay.url}/healthz`)).status).toBe(200);
    expect((await raw(`${relay.url}/readyz`)).status).toBe(200);
  });

  it('rate-limits per token with 429 and Retry-After', async () => {
    const c = new RelayClient(relay.url, newIdentity());
    await c.register('rl');
    const token = await c.login();
    let limited;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await raw(`${relay.url}/v1/history?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      if (r.status === 429) limited = r;
      else expect(r.status).toBe(200);
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.parse(limited!.text).error.code).toBe('RATE_LIMITED');
  });

  it('drops a client that stalls in the middle of its headers', async () => {
    const { port } = new URL(relay.url);
    const closed = await new Promise<boolean>((resolve) => {
      const s = connect(Number(port), '127.0.0.1', () => s.write('POST /v1/accounts HTTP/1.1\r\nHost: x\r\n'));
      s.on('close', () => resolve(true));
      s.on('error', () => undefined);
    });
    expect(closed).toBe(true);
  });

  it('fuzzes every endpoint: no 5xx, no crash', async () => {
    const c = new RelayClient(relay.url, newIdentity());
    await c.register('fuzz');
    const token = await c.login();
    const paths = [
      '/v1/accounts',
      '/v1/auth/challenge',
      '/v1/auth/login',
      '/v1/chat',
      '/v1/auth/revoke-all',
      '/v1/history',
    ];
    // Random bodies never carry a valid token, so revoke-all here only ever sees the fuzz token when auth is set.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.object().map((o) => JSON.stringify(o)),
        ),
        fc.boolean(),
        async (path, body, auth) => {
          const res = await relay.app.inject({
            method: path === '/v1/history' ? 'GET' : 'POST',
            url: path === '/v1/history' ? `${path}?${new URLSearchParams({ q: body.slice(0, 50) })}` : path,
            headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
            payload: path === '/v1/history' ? undefined : body,
          });
          expect(res.statusCode).toBeLessThan(500);
          expect(() => JSON.parse(res.body || '{}')).not.toThrow();
        },
      ),
      { numRuns: 120 },
    );
    // Chat with random sealed fields, on a fresh token (the first run may have revoked or rate-limited its own).
    const fresh = await c.login();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          keyId: fc.string(),
          requestId: fc.string(),
          conversationId: fc.string(),
          timestamp: fc.oneof(fc.integer(), fc.double()),
          enc: fc.base64String(),
          ct: fc.base64String(),
        }),
        async (b) => {
          const res = await relay.app.inject({
            method: 'POST',
            url: '/v1/chat',
            headers: { authorization: `Bearer ${fresh}` },
            payload: b,
          });
          expect([400, 409]).toContain(res.statusCode);
        },
      ),
      { numRuns: 25 },
    );
    expect((await raw(`${relay.url}/healthz`)).status).toBe(200);
  });

  it('finishes in-flight requests on graceful shutdown, then refuses new ones', async () => {
    const own = await startTestRelay(upstream.url);
    const c = new RelayClient(own.url, newIdentity());
    await c.register('shutdown');
    await c.login();
    await c.relayKey();
    upstream.mode = 'slow';
    try {
      const calls = upstream.calls;
      const inflight = c.complete(newId(), plain('slow one'));
      // Shut down only once the request is inside the relay (the upstream has it).
      while (upstream.calls === calls) await new Promise((r) => setTimeout(r, 10));
      const closing = own.close();
      expect(await inflight).toBe('reply to: slow one');
      await closing;
      await expect(postJson(`${own.url}/v1/auth/challenge`, { accountId: 'abcdefgh' })).rejects.toThrow();
    } finally {
      upstream.mode = 'ok';
    }
  });
});

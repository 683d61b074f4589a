// End-to-end behaviour of the relay against PGlite and a real PostgreSQL (log_statement = all), driven by
// the reference client and by raw requests that a well-behaved client would never send.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64u, fromB64u, LABELS, requestAad } from './client/protocol';
import { newId, newIdentity, RelayClient } from './client/relay-client';
import { readChunks } from './client/chunk-reader';
import { setupBaseS, generateX25519 } from './keys/hpke-native';
import { verifyAuditChain } from './audit/audit-verify';
import { startFakeUpstream, type FakeUpstream } from './testing/fake-upstream';
import { pgSkipReason, startPgCluster, type PgCluster } from './testing/pg-cluster';
import { startTestRelay, type TestRelay } from './testing/test-relay';
import { plain, postJson, raw, sealFor } from './testing/raw';
import { createHash } from 'node:crypto';

const skipPg = pgSkipReason();
const CANARY = `canary-${b64u(crypto.getRandomValues(new Uint8Array(9)))}`;

describe.each(['pglite', 'postgres'] as const)('relay on %s', (backend) => {
  const suite = backend === 'postgres' && skipPg ? describe.skip : describe;
  suite(backend, () => {
    let cluster: PgCluster | undefined;
    let upstream: FakeUpstream;
    let relay: TestRelay;
    let client: RelayClient;
    let token: string;

    beforeAll(async () => {
      upstream = await startFakeUpstream();
      let databaseUrl: string | undefined;
      if (backend === 'postgres') {
        cluster = await startPgCluster(['-c log_statement=all', '-c log_min_messages=info']);
        databaseUrl = await cluster.createDatabase('relay');
      }
      relay = await startTestRelay(upstream.url, { databaseUrl, upstreamTimeoutMs: 1500 });
      client = new RelayClient(relay.url, newIdentity());
      await client.register('laptop');
      token = await client.login();
    });
    afterAll(async () => {
      await relay?.close();
      await upstream?.close();
      await cluster?.stop();
    });

    const count = async (table: string): Promise<number> =>
      Number((await relay.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);

    it('chats (plain and streamed) and restores history sealed to the account key', async () => {
      const conv = newId();
      expect(await client.complete(conv, plain(`hello ${CANARY}`))).toBe(`reply to: hello ${CANARY}`);
      const deltas: string[] = [];
      for await (const m of client.chat(conv, plain(`stream ${CANARY}`, { stream: true }))) {
        if (m.t === 'delta') deltas.push(m.text);
        else expect(m).toMatchObject({ t: 'done', finishReason: 'stop' });
      }
      expect(deltas.length).toBeGreaterThan(1);
      expect(deltas.join('')).toBe(`reply to: stream ${CANARY}`);
      const restored = await new RelayClient(relay.url, { ...client.identity }).history({ conversationId: conv });
      expect(restored.map((h) => h.reply)).toEqual([`reply to: hello ${CANARY}`, `reply to: stream ${CANARY}`]);
      expect(restored[0]?.messages[0]?.content).toBe(`hello ${CANARY}`);
      expect(await client.history({ conversationId: conv, since: Date.now() + 1000 })).toEqual([]);
    });

    it('caps max_tokens at the operator limit and never lets the client pick the model', async () => {
      await client.complete(newId(), plain('x', { maxTokens: 999_999 }));
      expect(upstream.lastBody).toMatchObject({ max_tokens: 1024, model: 'default' });
    });

    it('refuses a replayed request id and a reused encapsulated key; the upstream is called once', async () => {
      const sealed = await sealFor(client, token, newId(), plain('once'));
      const before = upstream.calls;
      const first = await postJson(`${relay.url}/v1/chat`, sealed.body, token);
      const again = await postJson(`${relay.url}/v1/chat`, sealed.body, token);
      expect(first.status).toBe(200);
      expect(again.status).toBe(409);
      expect(JSON.parse(again.text).error.code).toBe('REPLAY');
      // Same ephemeral key (same enc), different request id: opens fine but is still a replay.
      const key = await client.relayKey();
      const eph = generateX25519();
      const tokenId = createHash('sha256').update(token).digest('hex');
      const bodies = [newId(), newId()].map((requestId) => {
        const b = { tokenId, requestId, keyId: key.id, timestamp: Date.now(), conversationId: 'conversation1' };
        const { enc, ctx } = setupBaseS(fromB64u(key.publicKey)!, Buffer.from(LABELS.requestInfo), 2, eph);
        const ct = ctx.seal(Buffer.from(JSON.stringify(plain('same enc'))), requestAad(b));
        return { ...b, tokenId: undefined, enc: b64u(enc), ct: b64u(ct) };
      });
      expect((await postJson(`${relay.url}/v1/chat`, bodies[0], token)).status).toBe(200);
      const reused = await postJson(`${relay.url}/v1/chat`, bodies[1], token);
      expect([reused.status, JSON.parse(reused.text).error.code]).toEqual([409, 'REPLAY']);
      expect(upstream.calls - before).toBe(2);
    });

    it('answers every bit flip in enc, ciphertext or associated data with the same 400', async () => {
      const before = upstream.calls;
      const flipB64 = (s: string, i: number) => {
        const b = fromB64u(s)!;
        b[i] = (b[i] ?? 0) ^ 1;
        return b64u(b);
      };
      const swapChar = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
      const variants = [
        (b: Record<string, unknown>) => ({ ...b, enc: flipB64(String(b.enc), 5) }),
        (b: Record<string, unknown>) => ({ ...b, ct: flipB64(String(b.ct), 0) }),
        (b: Record<string, unknown>) => ({ ...b, ct: flipB64(String(b.ct), fromB64u(String(b.ct))!.length - 1) }),
        (b: Record<string, unknown>) => ({ ...b, requestId: swapChar(String(b.requestId)) }),
        (b: Record<string, unknown>) => ({ ...b, conversationId: swapChar(String(b.conversationId)) }),
        (b: Record<string, unknown>) => ({ ...b, timestamp: Number(b.timestamp) ^ 1 }),
      ];
      const texts = new Set<string>();
      for (const v of variants) {
        const sealed = await sealFor(client, token, newId(), plain('flip'));
        const r = await postJson(`${relay.url}/v1/chat`, v(sealed.body), token);
        expect(r.status).toBe(400);
        texts.add(r.text);
      }
      // A request sealed for another token does not open either (token id is in the AAD).
      const other = await sealFor(client, 'x'.repeat(43), newId(), plain('flip'));
      const r = await postJson(`${relay.url}/v1/chat`, other.body, token);
      texts.add(r.text);
      expect([...texts]).toEqual([
        JSON.stringify({ error: { code: 'UNDECRYPTABLE', message: 'The request could not be opened.' } }),
      ]);
      expect(upstream.calls).toBe(before);
    });

    it('answers an unknown or expired key id with 409 and fresh keys', async () => {
      const sealed = await sealFor(client, token, newId(), plain('k'));
      const r = await postJson(`${relay.url}/v1/chat`, { ...sealed.body, keyId: 'gone.key' }, token);
      expect(r.status).toBe(409);
      const body = JSON.parse(r.text);
      expect(body.error.code).toBe('KEY_EXPIRED');
      expect(body.keys[0]).toMatchObject({ id: expect.any(String), publicKey: expect.any(String) });
    });

    it('gives missing, garbled, expired, revoked and foreign credentials the identical 401', async () => {
      const second = new RelayClient(relay.url, newIdentity());
      await second.register('other');
      const expiring = await second.login();
      await relay.db.query('UPDATE tokens SET expires_at = 1 WHERE hash = $1', [
        createHash('sha256').update(expiring).digest(),
      ]);
      const revoked = await second.login();
      const victim = new RelayClient(relay.url, { ...second.identity });
      await victim.login();
      await victim.logout();
      const all = await second.login();
      await second.revokeAll();
      const responses = await Promise.all([
        raw(`${relay.url}/v1/history`),
        raw(`${relay.url}/v1/history`, { headers: { authorization: 'Bearer !!' } }),
        raw(`${relay.url}/v1/history`, { headers: { authorization: `Basic ${token}` } }),
        raw(`${relay.url}/v1/history`, { headers: { authorization: `Bearer ${expiring}` } }),
        raw(`${relay.url}/v1/history`, { headers: { authorization: `Bearer ${revoked}` } }),
        raw(`${relay.url}/v1/history`, { headers: { authorization: `Bearer ${all}` } }),
        raw(`${relay.url}/v1/history`, { headers: { authorization: `Bearer ${b64u(new Uint8Array(32))}` } }),
      ]);
      // Login with a challenge issued for another account, and with a bad signature.
      const ch = JSON.parse(
        (await postJson(`${relay.url}/v1/auth/challenge`, { accountId: second.identity.accountId })).text,
      );
      responses.push(
        await postJson(`${relay.url}/v1/auth/login`, {
          accountId: client.identity.accountId,
          challengeId: ch.challengeId,
          signature: b64u(new Uint8Array(64)),
        }),
      );
      const ch2 = JSON.parse((await postJson(`${relay.url}/v1/auth/challenge`, { accountId: 'unknown-account' })).text);
      responses.push(
        await postJson(`${relay.url}/v1/auth/login`, {
          accountId: 'unknown-account',
          challengeId: ch2.challengeId,
          signature: b64u(new Uint8Array(64)),
        }),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(responses.length).fill(401));
      expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    });

    it('refuses a chat token revoked on another instance at once, with the identical 401, even while cached', async () => {
      const other = new RelayClient(relay.url, newIdentity());
      await other.register('other instance');
      const t = await other.login();
      const first = await postJson(`${relay.url}/v1/chat`, (await sealFor(other, t, newId(), plain('hi'))).body, t);
      expect(first.status).toBe(200); // this instance now holds the token in its short cache
      // Revocation by another instance: only the shared database knows.
      await relay.db.query('DELETE FROM tokens WHERE hash = $1', [createHash('sha256').update(t).digest()]);
      const before = upstream.calls;
      const valid = await postJson(`${relay.url}/v1/chat`, (await sealFor(other, t, newId(), plain('x'))).body, t);
      const garbled = await postJson(
        `${relay.url}/v1/chat`,
        { ...(await sealFor(other, t, newId(), plain('y'))).body, ct: b64u(new Uint8Array(40)) },
        t,
      );
      const missing = await raw(`${relay.url}/v1/history`);
      expect([valid.status, garbled.status]).toEqual([401, 401]);
      expect(new Set([valid.text, garbled.text, missing.text]).size).toBe(1);
      expect(upstream.calls).toBe(before);
    });

    it('turns oversized and gzip-bomb bodies away with 413, unknown encodings with 415', async () => {
      const big = await postJson(`${relay.url}/v1/chat`, JSON.stringify({ pad: 'x'.repeat(300 * 1024) }), token);
      expect(big.status).toBe(413);
      const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
      const r = await raw(`${relay.url}/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: bomb,
      });
      expect(r.status).toBe(413);
      const ok = await raw(`${relay.url}/v1/auth/challenge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ accountId: 'abcdefgh' })),
      });
      expect(ok.status).toBe(200);
      const br = await raw(`${relay.url}/v1/auth/challenge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
        body: 'xx',
      });
      expect(br.status).toBe(415);
    });

    it('treats SQL-injection strings as data in every field', async () => {
      const evil = ["'; DROP TABLE accounts; --", "x' OR '1'='1", '$1); DELETE FROM history; --'];
      const before = await count('history');
      for (const s of evil) {
        expect(
          (await postJson(`${relay.url}/v1/accounts`, { ed25519PublicKey: s, x25519PublicKey: s, label: s })).status,
        ).toBe(400);
        expect((await postJson(`${relay.url}/v1/auth/challenge`, { accountId: s })).status).toBe(400);
        expect(
          (
            await raw(`${relay.url}/v1/history?conversationId=${encodeURIComponent(s)}`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).status,
        ).toBe(400);
        expect(
          (
            await raw(`${relay.url}/v1/history/${encodeURIComponent(s)}`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).status,
        ).toBe(400);
        const c = new RelayClient(relay.url, newIdentity());
        await c.register(s.slice(0, 64));
        expect(await c.complete(newId(), plain(s))).toBe(`reply to: ${s}`);
      }
      expect(await count('accounts')).toBeGreaterThan(3);
      expect(await count('history')).toBe(before + evil.length);
    });

    it('maps upstream 500 and timeouts to typed errors and stores nothing half-way', async () => {
      const conv = newId();
      const before = await count('history');
      try {
        for (const [mode, status, code] of [
          ['error500', 502, 'UPSTREAM_ERROR'],
          ['hang', 504, 'UPSTREAM_TIMEOUT'],
        ] as const) {
          upstream.mode = mode;
          for (const stream of [false, true]) {
            const sealed = await sealFor(client, token, conv, plain(`fail ${CANARY}`, { stream }));
            const r = await postJson(`${relay.url}/v1/chat`, sealed.body, token);
            expect([r.status, JSON.parse(r.text).error.code]).toEqual([status, code]);
            expect(r.text).not.toContain(CANARY);
          }
        }
        upstream.mode = 'stream-break';
        const sealed = await sealFor(client, token, conv, plain(`break ${CANARY}`, { stream: true }));
        const res = await fetch(`${relay.url}/v1/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(sealed.body),
        });
        const msgs = [];
        for await (const m of readChunks(res.body as unknown as AsyncIterable<Uint8Array>, sealed.responseKeys))
          msgs.push(m);
        expect(msgs.at(-1)).toMatchObject({ t: 'error', code: 'UPSTREAM_ERROR' });
      } finally {
        upstream.mode = 'ok';
      }
      expect(await count('history')).toBe(before);
    });

    it('keeps one audit chain under 50 concurrent requests', async () => {
      await Promise.all(Array.from({ length: 50 }, (_, i) => client.complete(newId(), plain(`c${i}`))));
      await relay.audit.checkpoint();
      const v = await verifyAuditChain(relay.db);
      expect(v).toMatchObject({ ok: true, checkpoints: 1 });
      expect(v.rows).toBeGreaterThan(50);
    });

    it('never writes the canary to any table, the database log or the relay log', async () => {
      await client.complete(newId(), plain(`final ${CANARY}`));
      await relay.audit.drain();
      const needles = [
        CANARY,
        Buffer.from(CANARY).toString('hex'),
        Buffer.from(CANARY).toString('base64').slice(0, 12),
      ];
      const tables = await relay.db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.length).toBeGreaterThanOrEqual(7);
      for (const t of tables) {
        const rows = await relay.db.query(`SELECT t::text AS r FROM ${String(t.table_name)} t`);
        const dump = rows.map((r) => String(r.r)).join('\n');
        for (const n of needles) expect(dump).not.toContain(n);
      }
      const logs = [relay.logText(), cluster ? cluster.log() : ''];
      if (cluster) expect(logs[1]).toContain('INSERT INTO history');
      expect(logs[0]).toContain('"statusCode"');
      for (const log of logs) for (const n of needles) expect(log).not.toContain(n);
      expect(relay.logText()).not.toContain(token);
    });
  });
});

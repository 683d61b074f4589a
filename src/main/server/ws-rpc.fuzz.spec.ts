// Property-based fuzzing of the browser shell's WebSocket RPC: arbitrary bytes, text, JSON and call-shaped
// frames over an authenticated socket. Whatever arrives, the server answers that id with a typed result or
// hangs up with 1008 (1009 for oversize), and keeps serving the next connection.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, type RawData } from 'ws';
import { ERROR_CODES, METHOD_NAMES } from '../../shared/api';
import { WS_PATH } from '../../shared/transport';
import { createApp, type App } from '../api/index';
import { startServer, type RunningServer } from './server';
import { cookieFrom, makeStaticDir, rawGet } from './test-support';

let app: App;
let server: RunningServer;
let cookie: string;
let origin: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'dbt-wsfuzz-'));
  app = await createApp({ dataDir, log: () => undefined });
  server = await startServer({ app, staticDir: makeStaticDir().root, port: 0 });
  cookie = cookieFrom(await rawGet(server.port, `/?token=${server.token}`));
  origin = `http://127.0.0.1:${server.port}`;
}, 60_000);

afterAll(async () => {
  await server.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Outcome = { kind: 'frame'; text: string } | { kind: 'closed'; code: number };

/** Opens a socket, sends one frame, and reports the first answer: a frame or the close code. */
async function exchange(payload: string | Uint8Array): Promise<Outcome> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}`, { headers: { cookie, origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const outcome = new Promise<Outcome>((resolve) => {
    ws.once('message', (data: RawData) => resolve({ kind: 'frame', text: data.toString() }));
    ws.once('close', (code) => resolve({ kind: 'closed', code }));
  });
  ws.send(payload);
  const result = await outcome;
  ws.terminate();
  return result;
}

const idArb = fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER), fc.integer({ min: -5, max: -1 }), fc.double());

const callShaped = fc
  .record(
    {
      kind: fc.oneof(fc.constant('call'), fc.string({ maxLength: 6 })),
      id: idArb,
      method: fc.oneof(fc.constantFrom(...METHOD_NAMES), fc.string({ maxLength: 120 })),
      input: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ __proto__: null, constructor: 1 })),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ['kind', 'id'] },
  )
  .map((frame) => JSON.stringify(frame));

const payloadArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  fc.string({ unit: 'binary', maxLength: 256 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  callShaped,
  fc.constantFrom('{"kind":"call","id":1,"method":"app.ping","input":{"__proto__":{"x":1}}}', '{', '\u0000', 'null'),
);

describe('browser-shell WebSocket fuzz', () => {
  it('answers every frame with a typed result for its id, or closes with 1008/1009; the server stays up', async () => {
    await fc.assert(
      fc.asyncProperty(payloadArb, async (payload) => {
        const outcome = await exchange(payload);
        if (outcome.kind === 'closed') {
          expect([1008, 1009]).toContain(outcome.code);
          return;
        }
        const frame = JSON.parse(outcome.text) as {
          kind: string;
          id: number;
          result: { ok: boolean; error?: { code: string; message: string } };
        };
        expect(frame.kind).toBe('result');
        expect(Number.isSafeInteger(frame.id) && frame.id >= 0).toBe(true);
        if (!frame.result.ok) {
          expect(ERROR_CODES).toContain(frame.result.error?.code);
          expect(frame.result.error?.code).not.toBe('INTERNAL');
        }
      }),
      { numRuns: 300 },
    );
    // Still serving, and nothing leaked onto Object.prototype.
    const ping = await exchange(JSON.stringify({ kind: 'call', id: 7, method: 'app.ping', input: { echo: 'ok' } }));
    expect(ping).toEqual({
      kind: 'frame',
      text: JSON.stringify({ kind: 'result', id: 7, result: { ok: true, value: { echo: 'ok' } } }),
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  }, 180_000);
});

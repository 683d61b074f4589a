import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_FRAME_BYTES, WS_PATH, type ServerFrame } from '../../shared/transport';
import { createApp, type App } from '../api/index';
import { startServer, type RunningServer } from './server';
import { cookieFrom, makeStaticDir, rawGet } from './test-support';

let app: App;
let server: RunningServer;
let cookie: string;
let origin: string;

beforeAll(async () => {
  app = await createApp({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'dbt-data-')) });
  server = await startServer({ app, staticDir: makeStaticDir().root, port: 0 });
  cookie = cookieFrom(await rawGet(server.port, `/?token=${server.token}`));
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  await app.close();
});

function connect(headers: Record<string, string>, wsPath = WS_PATH): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${server.port}${wsPath}`, { headers });
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

async function open(): Promise<{ ws: WebSocket; next: () => Promise<ServerFrame> }> {
  const ws = connect({ cookie, origin });
  const queue: ServerFrame[] = [];
  const waiters: ((f: ServerFrame) => void)[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    const w = waiters.shift();
    if (w) w(frame);
    else queue.push(frame);
  });
  await new Promise((r) => ws.once('open', r));
  const next = () =>
    new Promise<ServerFrame>((r) => (queue.length ? r(queue.shift() as ServerFrame) : waiters.push(r)));
  return { ws, next };
}

const closeCode = (ws: WebSocket) => new Promise<number>((r) => ws.once('close', (code) => r(code)));

describe('WebSocket upgrade', () => {
  it.each([
    ['no cookie', () => ({ origin }), 401],
    ['a wrong cookie', () => ({ origin, cookie: `dbt_session_${server.port}=${'f'.repeat(64)}` }), 401],
    ['another origin', () => ({ cookie, origin: 'https://evil.example' }), 403],
    ['no origin at all', () => ({ cookie }), 403],
    ['a null origin', () => ({ cookie, origin: 'null' }), 403],
    ['a rebinding host', () => ({ cookie, origin: 'http://evil.test', host: 'evil.test' }), 403],
  ])('is refused with %s', async (_label, headers: () => Record<string, string>, status: number) => {
    expect(await upgradeStatus(connect(headers()))).toBe(status);
  });

  it('is refused on any other path', async () => {
    expect(await upgradeStatus(connect({ cookie, origin }, '/api/other'))).toBe(404);
  });

  it('opens with the session cookie and our own origin', async () => {
    expect(await upgradeStatus(connect({ cookie, origin }))).toBe(101);
  });
});

describe('RPC frames', () => {
  it('round-trips app.ping through the dispatcher', async () => {
    const { ws, next } = await open();
    ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'app.ping', input: { echo: 'hi' } }));
    expect(await next()).toEqual({ kind: 'result', id: 1, result: { ok: true, value: { echo: 'hi' } } });
    ws.send(JSON.stringify({ kind: 'call', id: 2, method: 'app.info', input: {} }));
    const info = await next();
    expect(info).toMatchObject({ kind: 'result', id: 2, result: { ok: true, value: { transport: 'browser-shell' } } });
    ws.close();
  });

  it.each([
    ['extra fields in the input', { kind: 'call', id: 3, method: 'app.ping', input: { echo: 'x', extra: 1 } }],
    ['a string over the limit', { kind: 'call', id: 3, method: 'app.ping', input: { echo: 'x'.repeat(101) } }],
    ['a wrong shape', { kind: 'call', id: 3, method: 'app.ping', input: { echo: 42 } }],
    ['an extra frame field', { kind: 'call', id: 3, method: 'app.ping', input: { echo: 'x' }, admin: true }],
    ['a frame of another kind', { kind: 'result', id: 3 }],
    ['a missing method', { kind: 'call', id: 3, input: {} }],
  ])('answers %s with INVALID_INPUT for that id', async (_label, frame) => {
    const { ws, next } = await open();
    ws.send(JSON.stringify(frame));
    expect(await next()).toMatchObject({
      kind: 'result',
      id: 3,
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    ws.close();
  });

  it('refuses __proto__ and constructor keys', async () => {
    const { ws, next } = await open();
    ws.send('{"kind":"call","id":4,"method":"app.ping","input":{"echo":"x","__proto__":{"polluted":1}}}');
    expect(await next()).toMatchObject({ id: 4, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    ws.send('{"kind":"call","id":5,"method":"app.ping","input":{"constructor":{"prototype":{}}}}');
    expect(await next()).toMatchObject({ id: 5, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    ws.close();
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const { ws, next } = await open();
    ws.send(JSON.stringify({ kind: 'call', id: 6, method: 'vault.dumpKeys', input: {} }));
    expect(await next()).toMatchObject({ id: 6, result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    ws.close();
  });

  it.each([
    ['text that is not JSON', 'not json'],
    ['JSON without an id', '{"kind":"call","method":"app.ping"}'],
    ['a negative id', '{"kind":"call","id":-1,"method":"app.ping","input":{}}'],
    ['a JSON array', '[1,2,3]'],
  ])('closes the socket (1008) on %s', async (_label, text) => {
    const { ws } = await open();
    const closed = closeCode(ws);
    ws.send(text);
    expect(await closed).toBe(1008);
  });

  it('closes the socket on a binary frame and on a frame over MAX_FRAME_BYTES', async () => {
    const a = await open();
    const closedA = closeCode(a.ws);
    a.ws.send(Buffer.from([1, 2, 3]));
    expect(await closedA).toBe(1008);
    const b = await open();
    const closedB = closeCode(b.ws);
    b.ws.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(await closedB).toBe(1009);
  });

  it('forwards app events as event frames', async () => {
    const { ws, next } = await open();
    app.events.emit('progress', { task: 'test', fraction: 0.5, label: 'Halfway' });
    expect(await next()).toEqual({
      kind: 'event',
      name: 'progress',
      payload: { task: 'test', fraction: 0.5, label: 'Halfway' },
    });
    ws.close();
  });
});

// When the browser shell loads its services: not while the page is on its way to the browser, but
// once it has been delivered, on the page's first WebSocket, or at the latest after a while.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { WS_PATH } from '../../shared/transport';
import { EventBus } from '../api/index';
import { startServer, type RunningServer } from './server';
import type { StartTiming } from './services-start';
import { cookieFrom, makeStaticDir, rawGet } from './test-support';
import type { RpcApp } from './ws-rpc';

const FOREVER = 60 * 60 * 1000;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A stand-in for the services that counts how often it was loaded. */
function fakeServices() {
  const app: RpcApp = {
    dispatch: async () => ({ ok: true, value: { pong: true } }) as never,
    events: new EventBus(),
  };
  const load = vi.fn(async () => app);
  return { load };
}

async function start(load: () => Promise<RpcApp>, timing: Partial<StartTiming>) {
  server = await startServer({ app: load, staticDir: makeStaticDir().root, port: 0, servicesStart: timing });
  const cookie = cookieFrom(await rawGet(server.port, `/?token=${server.token}`));
  return { server, cookie, get: (p: string) => rawGet(server!.port, p, { cookie }) };
}

function openWs(port: number, cookie: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, {
    headers: { cookie, origin: `http://127.0.0.1:${port}` },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('loading the services', () => {
  it('does not load them while the page and its assets are served', async () => {
    const { load } = fakeServices();
    const { get } = await start(load, { quietMs: FOREVER, latestMs: FOREVER });
    expect((await get('/')).status).toBe(200);
    expect((await get('/main-ABCD1234.js')).status).toBe(200);
    expect((await get('/chat')).status).toBe(200);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads them once the page has connected and the HTTP side is then quiet, only once', async () => {
    const { load } = fakeServices();
    const { server: s, cookie, get } = await start(load, { quietMs: 10, latestMs: FOREVER });
    // A served page that has not connected (still booting) is not enough.
    expect((await get('/')).status).toBe(200);
    expect((await get('/main-ABCD1234.js')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(load).not.toHaveBeenCalled();
    const sockets = await Promise.all([openWs(s.port, cookie), openWs(s.port, cookie), openWs(s.port, cookie)]);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect((await get('/chat')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(load).toHaveBeenCalledTimes(1);
    for (const ws of sockets) ws.close();
  });

  it('does not load them while the connected page is still fetching', async () => {
    const { load } = fakeServices();
    const { server: s, cookie, get } = await start(load, { quietMs: FOREVER, latestMs: FOREVER });
    const ws = await openWs(s.port, cookie);
    expect((await get('/main-ABCD1234.js')).status).toBe(200);
    expect(load).not.toHaveBeenCalled();
    ws.close();
  });

  it('does not load them for a refused WebSocket (no cookie)', async () => {
    const { load } = fakeServices();
    const { server: s } = await start(load, { quietMs: FOREVER, latestMs: FOREVER });
    await expect(openWs(s.port, 'dbt_session_1=nope')).rejects.toThrow(/401/);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads them at the latest moment even if no browser ever comes', async () => {
    const { load } = fakeServices();
    await start(load, { quietMs: FOREVER, latestMs: 10 });
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it('never loads them when the server stops first', async () => {
    const { load } = fakeServices();
    const { get } = await start(load, { quietMs: 30, latestMs: 30 });
    expect((await get('/')).status).toBe(200);
    await server?.close();
    server = undefined;
    await new Promise((r) => setTimeout(r, 100));
    expect(load).not.toHaveBeenCalled();
  });

  it('closes the page WebSocket when loading failed, and keeps serving the page', async () => {
    const load = vi.fn(async (): Promise<RpcApp> => {
      throw Object.assign(new Error('boom'), { code: 'ENOTDIR' });
    });
    const { server: s, cookie, get } = await start(load, { quietMs: 10, latestMs: FOREVER });
    const ws = await openWs(s.port, cookie);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    expect(await closed).toBe(1011);
    expect((await get('/')).status).toBe(200);
  });
});

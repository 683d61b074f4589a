import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName, MethodName } from '../../../shared/api';
import type { BridgeApi, DbtCoachBridge } from '../../../shared/transport';
import { ApiClient } from './api-client';
import { FakeSocket } from './transport/fake-socket';
import { DBT_COACH_BRIDGE, SOCKET_FACTORY, SOCKET_URL } from './transport/transport-tokens';

const INFO = { name: 'DBT Coach', version: '1.2.3', transport: 'electron', platform: 'linux' } as const;

function fakeBridge() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = {
    'app.info': vi.fn(async () => ({ ok: true, value: INFO })),
    'app.ping': vi.fn(async () => {
      throw new Error('ipc gone');
    }),
  } as unknown as BridgeApi;
  const bridge: DbtCoachBridge = {
    api,
    onEvent: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const emit = (name: EventName, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload));
  return { bridge, api, emit, listenerCount: (name: string) => listeners.get(name)?.size ?? 0 };
}

describe('ApiClient over the Electron bridge', () => {
  let fake: ReturnType<typeof fakeBridge>;
  let client: ApiClient;

  beforeEach(() => {
    fake = fakeBridge();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), { provide: DBT_COACH_BRIDGE, useValue: fake.bridge }],
    });
    client = TestBed.inject(ApiClient);
  });

  it('calls the named bridge function and returns its result', async () => {
    const result = await client.call('app.info', {});
    expect(result).toEqual({ ok: true, value: INFO });
    expect(fake.api['app.info']).toHaveBeenCalledWith({});
    expect(client.transportKind).toBe('electron');
    expect(client.status()).toBe('open');
  });

  it('turns a rejected IPC call into UNAVAILABLE instead of throwing', async () => {
    const result = await client.call('app.ping', { echo: 'hi' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('refuses names the bridge does not own, including prototype keys', async () => {
    for (const name of ['no.such', 'constructor', '__proto__', 'toString']) {
      const result = await client.call(name as MethodName, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('delivers events of the subscribed name and removes the listener on unsubscribe', () => {
    const seen: unknown[] = [];
    const sub = client.on('vault.locked').subscribe((p) => seen.push(p));
    fake.emit('vault.locked', { reason: 'idle' });
    fake.emit('progress', { task: 'x', fraction: null, label: 'y' });
    expect(seen).toEqual([{ reason: 'idle' }]);
    sub.unsubscribe();
    expect(fake.listenerCount('vault.locked')).toBe(0);
  });
});

describe('ApiClient over the browser-shell WebSocket', () => {
  let sockets: FakeSocket[];
  let client: ApiClient;
  const last = () => sockets[sockets.length - 1]!;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        { provide: DBT_COACH_BRIDGE, useValue: null },
        { provide: SOCKET_URL, useValue: 'ws://127.0.0.1:5217/api/ws' },
        { provide: SOCKET_FACTORY, useValue: (url: string) => sockets[sockets.push(new FakeSocket(url)) - 1]! },
      ],
    });
    client = TestBed.inject(ApiClient);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  it('queues calls until the socket opens, then sends call frames and resolves by id', async () => {
    expect(sockets).toHaveLength(1);
    expect(last().url).toBe('ws://127.0.0.1:5217/api/ws');
    expect(client.status()).toBe('connecting');
    const info = client.call('app.info', {});
    const ping = client.call('app.ping', { echo: 'a' });
    last().open();
    expect(client.status()).toBe('open');
    const frames = last().sentFrames();
    expect(frames).toEqual([
      { kind: 'call', id: frames[0]!.id, method: 'app.info', input: {} },
      { kind: 'call', id: frames[1]!.id, method: 'app.ping', input: { echo: 'a' } },
    ]);
    expect(frames[0]!.id).not.toBe(frames[1]!.id);
    // Answers may arrive in any order.
    last().receive({ kind: 'result', id: frames[1]!.id, result: { ok: true, value: { echo: 'a' } } });
    last().receive({
      kind: 'result',
      id: frames[0]!.id,
      result: { ok: false, error: { code: 'LOCKED', message: 'm' } },
    });
    expect(await ping).toEqual({ ok: true, value: { echo: 'a' } });
    expect(await info).toEqual({ ok: false, error: { code: 'LOCKED', message: 'm' } });
  });

  it('ignores malformed, unknown and hostile frames', async () => {
    last().open();
    const pending = client.call('app.info', {});
    const id = last().sentFrames()[0]!.id;
    const junk: unknown[] = [
      'not json',
      '[]',
      'null',
      { kind: 'result', id: 999_999, result: { ok: true, value: 1 } },
      { kind: 'result', id: String(id), result: { ok: true, value: 1 } },
      { kind: 'result', id, result: { ok: 'yes' } },
      { kind: 'result', id, result: { ok: false, error: { code: 1 } } },
      { kind: 'result', id },
      { kind: 'event', name: 42, payload: {} },
      { kind: '__proto__', id },
      '{"kind":"result","__proto__":{"id":' + id + '}}',
    ];
    for (const frame of junk) last().receive(frame);
    last().onmessage?.({ data: new ArrayBuffer(8) } as MessageEvent);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    last().receive({ kind: 'result', id, result: { ok: true, value: INFO } });
    expect(await pending).toEqual({ ok: true, value: INFO });
  });

  it('delivers events by name and stops after unsubscribe', () => {
    last().open();
    const locked: unknown[] = [];
    const progress: unknown[] = [];
    const sub = client.on('vault.locked').subscribe((p) => locked.push(p));
    client.on('progress').subscribe((p) => progress.push(p));
    last().receive({ kind: 'event', name: 'vault.locked', payload: { reason: 'manual' } });
    last().receive({ kind: 'event', name: 'progress', payload: { task: 't', fraction: 0.5, label: 'l' } });
    sub.unsubscribe();
    last().receive({ kind: 'event', name: 'vault.locked', payload: { reason: 'idle' } });
    expect(locked).toEqual([{ reason: 'manual' }]);
    expect(progress).toHaveLength(1);
  });

  it('fails pending calls with UNAVAILABLE when the socket closes, and reconnects with backoff', async () => {
    last().open();
    const queued = client.call('app.info', {});
    last().drop();
    expect(await queued).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(client.status()).toBe('reconnecting');

    // A call made while disconnected waits for the next socket.
    const later = client.call('app.ping', { echo: 'b' });
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(249);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    // That attempt fails too: the next delay is longer.
    last().drop();
    expect(await later).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    last().open();
    expect(client.status()).toBe('open');
    const again = client.call('app.ping', { echo: 'c' });
    const frame = last().sentFrames()[0]!;
    last().receive({ kind: 'result', id: frame.id, result: { ok: true, value: { echo: 'c' } } });
    expect(await again).toEqual({ ok: true, value: { echo: 'c' } });

    // A successful open resets the backoff to its first step.
    last().drop();
    vi.advanceTimersByTime(250);
    expect(sockets).toHaveLength(4);
  });

  it('refuses a call larger than a frame without sending it', async () => {
    last().open();
    const result = await client.call('app.ping', { echo: 'x'.repeat(1024 * 1024 + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(last().sent).toHaveLength(0);
  });

  it('closes the socket and stops reconnecting when the app is destroyed', async () => {
    last().open();
    const pending = client.call('app.info', {});
    TestBed.resetTestingModule();
    expect(sockets[0]!.closedByClient).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAICompatibleProvider } from './openai-provider';
import { OutboundGuard } from './outbound-guard';
import type { Delta } from './provider';

/** A fake OpenAI-compatible server on loopback; the path picks the behaviour. */
let base = '';
let lastAuth: string | undefined;
const server = http.createServer((req, res): void => {
  lastAuth = req.headers.authorization;
  const mode = req.url?.split('/')[1];
  const sse = () => res.writeHead(200, { 'content-type': 'text/event-stream' });
  const data = (v: unknown) => res.write(`data: ${typeof v === 'string' ? v : JSON.stringify(v)}\n\n`);
  const chunk = (text: string, finish: string | null = null) => ({
    choices: [{ delta: { content: text }, finish_reason: finish }],
  });
  switch (mode) {
    case 'ok':
      sse();
      data(chunk('Hel'));
      data(chunk('lo'));
      data(chunk('', 'stop'));
      data('[DONE]');
      res.end();
      return;
    case 'fail':
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"boom"}');
      return;
    case 'hang':
      return; // never answers
    case 'stall':
      sse();
      data(chunk('Hel'));
      return; // then silence
    case 'garbage':
      sse();
      data(chunk('Hi'));
      res.write('data: {not json at all\n\n');
      res.end();
      return;
    case 'short':
      sse();
      data(chunk('Hi'));
      res.end();
      return;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
      return;
    default:
      res.writeHead(404).end();
  }
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function provider(mode: string, apiKey: string | null = null, timeoutMs = 300) {
  const guard = new OutboundGuard({ offline: true });
  return new OpenAICompatibleProvider({
    guard,
    connectTimeoutMs: timeoutMs,
    idleTimeoutMs: timeoutMs,
    config: () => ({ baseUrl: `${base}/${mode}`, model: 'test-model', apiKey }),
  });
}

async function collect(p: OpenAICompatibleProvider, signal = new AbortController().signal): Promise<Delta[]> {
  const out: Delta[] = [];
  for await (const d of p.chat({ system: 's', history: [{ role: 'user', text: 'a' }], message: 'b' }, signal))
    out.push(d);
  return out;
}

describe('OpenAICompatibleProvider', () => {
  it('streams SSE deltas and finishes, sending the key only as a header', async () => {
    const out = await collect(provider('ok', 'sk-test', 10_000));
    expect(out.filter((d) => d.type === 'text').map((d) => (d.type === 'text' ? d.text : ''))).toEqual(['Hel', 'lo']);
    expect(out.at(-1)).toMatchObject({ type: 'done', reason: 'complete', model: 'test-model' });
    expect(lastAuth).toBe('Bearer sk-test');
  });

  it.each(['fail', 'hang', 'stall', 'garbage', 'short', 'html'])(
    'turns a %s server into PROVIDER_ERROR',
    async (mode) => {
      await expect(collect(provider(mode))).rejects.toMatchObject({ code: 'PROVIDER_ERROR' });
    },
  );

  it('stops on abort with a stopped delta', async () => {
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    const p = new OpenAICompatibleProvider({
      guard: new OutboundGuard({ offline: true }),
      idleTimeoutMs: 10_000,
      config: () => ({ baseUrl: `${base}/stall`, model: 'm', apiKey: null }),
    });
    expect((await collect(p, ctrl.signal)).at(-1)).toMatchObject({ type: 'done', reason: 'stopped' });
  });

  it('is refused by the guard for a public host in offline mode, before any connection', async () => {
    const guard = new OutboundGuard({ offline: true });
    const p = new OpenAICompatibleProvider({
      guard,
      config: () => ({ baseUrl: 'https://api.example.com/v1', model: 'm', apiKey: null }),
      fetch: () => Promise.reject(new Error('must not connect')),
    });
    await expect(collect(p)).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(await guard.connections()).toMatchObject([{ host: 'api.example.com', allowed: false }]);
  });
});

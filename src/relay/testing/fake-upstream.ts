// A fake OpenAI-compatible server on loopback for tests and the benchmark. It echoes the last message
// so tests can follow a canary through the relay, and can be told to fail in the ways real upstreams do.
import { createServer, type Server } from 'node:http';

export type UpstreamMode = 'ok' | 'error500' | 'hang' | 'stream-break' | 'slow';

export interface FakeUpstream {
  url: string;
  calls: number;
  mode: UpstreamMode;
  lastBody: Record<string, unknown> | null;
  close(): Promise<void>;
}

export async function startFakeUpstream(port = 0): Promise<FakeUpstream> {
  const state: FakeUpstream = { url: '', calls: 0, mode: 'ok', lastBody: null, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      state.calls++;
      const body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as {
        messages?: { content: string }[];
        stream?: boolean;
      };
      state.lastBody = body;
      const last = body.messages?.at(-1)?.content ?? '';
      const text = `reply to: ${last}`;
      if (state.mode === 'error500') {
        res.writeHead(500, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: { message: `upstream failed on ${last}` } }));
      }
      if (state.mode === 'hang') return; // never answers; the relay's timeout must fire
      if (state.mode === 'slow') return void setTimeout(() => reply(), 300);
      reply();
      function reply(): void {
        if (!body.stream) {
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end(
            JSON.stringify({
              id: 'x',
              object: 'chat.completion',
              created: 0,
              model: 'fake',
              choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
              usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
            }),
          );
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const pieces = [text.slice(0, 5), text.slice(5, 12), text.slice(12)];
        const chunk = (content: string | null, finish: string | null) =>
          `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] })}\n\n`;
        res.write(chunk(pieces[0] ?? '', null));
        if (state.mode === 'stream-break') return void setTimeout(() => res.socket?.destroy(), 100);
        for (const p of pieces.slice(1)) res.write(chunk(p, null));
        res.write(chunk(null, 'stop'));
        res.end('data: [DONE]\n\n');
      }
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const addr = server.address() as { port: number };
  state.url = `http://127.0.0.1:${addr.port}/v1`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

// Child process of bench/relay.ts: the load generator. Requests are sealed BEFORE the clock starts
// (sealing is client work, not relay latency), then sent over keep-alive loopback connections.
import { Agent, request } from 'node:http';
import { sealRequest } from '../src/relay/client/seal';
import { newId } from '../src/relay/client/relay-client';
import { readChunks } from '../src/relay/client/chunk-reader';

interface Job {
  mode: 'direct' | 'relay';
  url: string;
  token: string;
  tokenId: string;
  key: { id: string; publicKey: string };
  latencyN: number;
  throughputN: number;
  concurrency: number;
}
const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
const u = new URL(job.url);
const message = { role: 'user' as const, content: 'How do I use TIPP when I feel overwhelmed?' };

interface Prepared {
  path: string;
  body: Buffer;
  keys?: Awaited<ReturnType<typeof sealRequest>>['responseKeys'];
}

async function prepare(n: number): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (let i = 0; i < n; i++) {
    if (job.mode === 'direct') {
      out.push({
        path: `${u.pathname}/chat/completions`,
        body: Buffer.from(JSON.stringify({ model: 'm', messages: [message], max_tokens: 64 })),
      });
    } else {
      const s = await sealRequest(
        job.key.publicKey,
        {
          tokenId: job.tokenId,
          requestId: newId(),
          keyId: job.key.id,
          timestamp: Date.now(),
          conversationId: 'benchconv',
        },
        { messages: [message], maxTokens: 64, stream: false, store: true },
      );
      out.push({ path: '/v1/chat', body: Buffer.from(JSON.stringify(s.body)), keys: s.responseKeys });
    }
  }
  return out;
}

function send(p: Prepared): Promise<{ ms: number; status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: p.path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': p.body.length,
          ...(job.mode === 'relay' ? { authorization: `Bearer ${job.token}` } : {}),
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({
            ms: Number(process.hrtime.bigint() - t0) / 1e6,
            status: res.statusCode ?? 0,
            body: Buffer.concat(parts),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(p.body);
  });
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

const lat = await prepare(job.latencyN);
const thr = await prepare(job.throughputN);
// Warm-up (connections, JIT) on a few latency requests, excluded from the figures.
for (const p of lat.slice(0, 50)) await send(p);
const times: number[] = [];
let errors = 0;
const statuses: Record<string, number> = {};
const note = (status: number) => {
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (status !== 200) errors++;
};
for (const p of lat.slice(50)) {
  const r = await send(p);
  note(r.status);
  times.push(r.ms);
}
// Check one reply really decrypts (the benchmark must measure the real protocol).
if (job.mode === 'relay') {
  const last = thr.at(-1)!;
  const r = await send(last);
  let text = '';
  for await (const m of readChunks(
    (async function* () {
      yield new Uint8Array(r.body);
    })(),
    last.keys!,
  ))
    if (m.t === 'delta') text += m.text;
  if (!text.startsWith('reply to:')) throw new Error('reply did not decrypt');
  thr.pop();
}
let next = 0;
const t0 = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    while (next < thr.length) {
      const r = await send(thr[next++]!);
      note(r.status);
    }
  }),
);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(
  JSON.stringify({
    p50: pct(times, 50),
    p99: pct(times, 99),
    rps: thr.length / secs,
    errors,
    statuses,
    n: times.length + thr.length,
  }) + '\n',
);
agent.destroy();

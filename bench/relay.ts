// `npm run bench:relay`: the relay (PostgreSQL when Debian's binaries exist, else PGlite) versus the same
// fake OpenAI-compatible upstream called directly, in one run. Load comes from a second process on
// loopback; the upstream runs in a third. Prints added latency (p50/p99, sequential requests), throughput
// (concurrent small non-streaming requests) and ratios, and writes them into docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { loadConfig } from '../src/relay/config';
import { startRelay } from '../src/relay/relay';
import { newIdentity, RelayClient } from '../src/relay/client/relay-client';
import { pgAvailable, startPgCluster } from '../src/relay/testing/pg-cluster';

const LATENCY_N = Number(process.env.BENCH_LATENCY_N ?? 1500);
const THROUGHPUT_N = Number(process.env.BENCH_THROUGHPUT_N ?? 6000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

function child(script: string, args: string[] = []) {
  const p = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: p.stdout }).once('line', resolve);
    p.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { p, firstLine };
}

interface Result {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  statuses: Record<string, number>;
  n: number;
}

const loadBefore = loadavg()[0] ?? 0;
const up = child('bench/relay-upstream.ts');
const upstreamUrl = await up.firstLine;
const cluster = pgAvailable() ? await startPgCluster(['-c synchronous_commit=on']) : undefined;
const databaseUrl = cluster ? await cluster.createDatabase('bench') : undefined;
const config = loadConfig({
  RELAY_PORT: '0',
  RELAY_UPSTREAM_BASE_URL: upstreamUrl,
  RELAY_LOG_LEVEL: 'warn',
  RELAY_RATE_PER_IP_PER_MIN: '10000000',
  RELAY_RATE_PER_TOKEN_PER_MIN: '10000000',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const relay = await startRelay({ ...config, dataDir: databaseUrl ? config.dataDir : '' });
const client = new RelayClient(relay.url, newIdentity());
await client.register('bench');
const token = await client.login();
const key = await client.relayKey();

async function load(mode: 'direct' | 'relay', url: string): Promise<Result> {
  const job = {
    mode,
    url,
    token,
    tokenId: createHash('sha256').update(token).digest('hex'),
    key: { id: key.id, publicKey: key.publicKey },
    latencyN: LATENCY_N,
    throughputN: THROUGHPUT_N,
    concurrency: CONCURRENCY,
  };
  const c = child('bench/relay-load.ts', [JSON.stringify(job)]);
  return JSON.parse(await c.firstLine) as Result;
}

const direct = await load('direct', upstreamUrl);
// CPU time of this process (the relay; the load generator and upstream are other processes) per relay
// request: unlike wall-clock figures, it barely depends on how busy the shared machine is.
const cpu0 = process.cpuUsage();
const viaRelay = await load('relay', relay.url);
const cpu = process.cpuUsage(cpu0);
const cpuPerRequest = (cpu.user + cpu.system) / 1000 / viaRelay.n;
await relay.close();
up.p.kill('SIGTERM');
await cluster?.stop();

const f = (x: number) => x.toFixed(2);
const added50 = viaRelay.p50 - direct.p50;
const added99 = viaRelay.p99 - direct.p99;
const db = cluster ? 'PostgreSQL 15 (local cluster, synchronous_commit=on)' : 'PGlite (PostgreSQL not installed)';
const rows = [
  `| | direct upstream | through relay | ratio relay/direct |`,
  `| --- | --- | --- | --- |`,
  `| latency p50 (ms, sequential) | ${f(direct.p50)} | ${f(viaRelay.p50)} | ${f(viaRelay.p50 / direct.p50)} |`,
  `| latency p99 (ms, sequential) | ${f(direct.p99)} | ${f(viaRelay.p99)} | ${f(viaRelay.p99 / direct.p99)} |`,
  `| throughput (req/s, ${CONCURRENCY} concurrent) | ${direct.rps.toFixed(0)} | ${viaRelay.rps.toFixed(0)} | ${f(viaRelay.rps / direct.rps)} |`,
  `| non-200 responses | ${direct.errors} | ${viaRelay.errors} ${viaRelay.errors ? JSON.stringify(viaRelay.statuses) : ''} | |`,
  `| relay process CPU per request (ms, user+system) | | ${f(cpuPerRequest)} | |`,
];
const verdict = [
  `added latency p50 ${f(added50)} ms (target ≤ 2), p99 ${f(added99)} ms (target ≤ 10), relay throughput ${viaRelay.rps.toFixed(0)} req/s (target ≥ 1000)`,
  `→ ${added50 <= 2 ? 'p50 OK' : 'p50 MISSED'}, ${added99 <= 10 ? 'p99 OK' : 'p99 MISSED'}, ${viaRelay.rps >= 1000 ? 'throughput OK' : 'throughput MISSED'}`,
];
const loadText = `load average ${loadBefore.toFixed(1)} before / ${(loadavg()[0] ?? 0).toFixed(1)} after the run`;
console.log(`Relay benchmark — database: ${db}; ${cpus().length} cores; ${loadText}; Node ${process.version}`);
console.log(rows.join('\n'));
console.log(verdict.join('\n'));

const section = [
  '## Relay (`npm run bench:relay`)',
  '',
  `Run ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores shared with other work (${loadText}), Node ${process.version}, database: ${db}.`,
  `Small non-streaming chat requests (sealed, authenticated, replay-checked, audited, history stored sealed) from a`,
  `second process over loopback keep-alive connections; the fake upstream runs in a third process. Latency: ${LATENCY_N - 50} sequential`,
  `requests after 50 warm-up; throughput: ${THROUGHPUT_N} requests at concurrency ${CONCURRENCY}. Requests are sealed before the clock starts.`,
  '',
  ...rows,
  '',
  ...verdict.map((v) => `${v}  `),
  '',
  'Wall-clock figures on this shared machine depend mostly on how many other processes are runnable: the relay',
  'path crosses four processes (load generator, relay, PostgreSQL, upstream) where the direct path crosses two,',
  'and each hop waits for a CPU. The CPU-per-request row is the steadier measure of the relay itself.',
  '',
  'Before the session-2 performance pass (same benchmark, load average 14.6 / 11.1): p50 +19.95 ms, p99 +114.24 ms,',
  '140 req/s. What changed, biggest first (profiled with `node --cpu-prof`):',
  '',
  '- Non-streaming upstream calls go over plain `node:http` with a keep-alive agent (`src/relay/chat/upstream-json.ts`)',
  '  instead of the openai SDK, whose request building and web-stream response handling cost 6–13 ms of CPU per call',
  '  here; streaming keeps the SDK. A reset kept-alive socket is retried once, before any reply.',
  '- X25519 keys are imported and exported as JWK instead of DER: OpenSSL 3 decodes DER through its generic decoder',
  '  chain (~120 µs per public key import, ~220 µs per export, 8–100x the JWK path). The HPKE key-schedule context',
  '  for a given info string is computed once.',
  '- PostgreSQL: 2 statements per chat request instead of 6 round trips. The token re-check and the replay insert',
  '  are one statement, group-committed across concurrent requests (`chat/replay-guard.ts`); the audit rows and',
  '  sealed history rows are one optimistic statement per batch over array parameters, prepared once per',
  '  connection (`audit/audit-log.ts`); the restricted role is set in the connection startup packet.',
  '- The token cache serves only the chat path and no longer delays revocation: the replay statement re-checks',
  '  the token in the database, other endpoints always look it up.',
  '',
].join('\n');
const file = 'docs/benchmarks.md';
// BENCH_RELAY_NO_DOCS=1: exploratory runs that should not overwrite the recorded figures.
if (process.env.BENCH_RELAY_NO_DOCS === '1') process.exit(0);
const doc = readFileSync(file, 'utf8');
const start = doc.indexOf('## Relay (');
const end = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
const next =
  start < 0
    ? `${doc.trimEnd()}\n\n${section}`
    : doc.slice(0, start) + section + (end < 0 ? '' : `\n${doc.slice(end + 1)}`);
writeFileSync(file, next);

/// <reference lib="dom" />
// `npm run bench:shell`: browser shell start-up. For each run: spawn the server process, open its
// URL in an already-running Chromium, and measure process start → first contentful paint (and →
// welcome heading), plus the JavaScript the welcome page transferred (compressed body bytes).
// Three servers, runs interleaved: `dbt-coach serve` as shipped (the dist/cli bundle, rebuilt first
// if stale), the same command forced onto its sources through tsx (DBT_COACH_CLI=source: what a
// developer with edited sources gets), and a baseline: a bare node:http server (plain node, no
// app services, no auth, no compression) serving the same built files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { freshBundleEntry } from '../scripts/build-cli-freshness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist', 'renderer', 'browser');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 1500;
const TARGET_KB = 350;
const bundleIsFresh = () => freshBundleEntry(ROOT, path.join(ROOT, 'dist', 'cli'), 'dbt-coach') !== null;

// Plain node:http, identity encoding: what serving these files costs with nothing else around it.
const BASELINE_SERVER = `
const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
const root = process.argv[1];
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml' };
const srv = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let f = path.join(root, p);
  if (!f.startsWith(root) || !fs.existsSync(f) || !fs.statSync(f).isFile()) f = path.join(root, 'index.html');
  res.writeHead(200, { 'Content-Type': types[path.extname(f)] || 'application/octet-stream' });
  fs.createReadStream(f).pipe(res);
});
srv.listen(0, '127.0.0.1', () => console.log('running at http://127.0.0.1:' + srv.address().port + '/'));
process.on('SIGTERM', () => srv.close(() => process.exit(0)));
`;

interface Sample {
  fcpMs: number;
  welcomeMs: number;
  jsEncodedBytes: number;
  jsDecodedBytes: number;
  jsFiles: number;
}

interface Server {
  readonly args: string[];
  readonly env: Record<string, string>;
}

function startProcess(server: Server, dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, server.args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...server.env, DBT_COACH_DATA_DIR: dataDir },
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { child, url };
}

async function measure(browser: Browser, server: Server): Promise<Sample> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dbt-bench-'));
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = performance.timeOrigin + performance.now();
  const { child, url } = startProcess(server, dataDir);
  try {
    await page.goto(await url, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: 'Welcome to DBT Coach' }).waitFor();
    const welcomeAt = performance.timeOrigin + performance.now();
    await page.waitForLoadState('networkidle');
    const m = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) =>
        new URL(r.name).pathname.endsWith('.js'),
      );
      return {
        origin: performance.timeOrigin,
        fcp: fcp?.startTime ?? Number.NaN,
        enc: js.reduce((s, r) => s + r.encodedBodySize, 0),
        dec: js.reduce((s, r) => s + r.decodedBodySize, 0),
        files: js.length,
      };
    });
    return {
      fcpMs: m.origin + m.fcp - t0,
      welcomeMs: welcomeAt - t0,
      jsEncodedBytes: m.enc,
      jsDecodedBytes: m.dec,
      jsFiles: m.files,
    };
  } finally {
    await context.close();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function summarise(samples: Sample[]) {
  return {
    fcp: median(samples.map((s) => s.fcpMs)),
    welcome: median(samples.map((s) => s.welcomeMs)),
    jsKb: median(samples.map((s) => s.jsEncodedBytes)) / 1000,
    jsRawKb: median(samples.map((s) => s.jsDecodedBytes)) / 1000,
    files: median(samples.map((s) => s.jsFiles)),
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    console.error('No built renderer in dist/renderer/browser. Run `npm run build:renderer` first.');
    process.exit(1);
  }
  if (!bundleIsFresh()) {
    console.log('dist/cli is missing or older than the sources: running `npm run build:cli` first.');
    if (spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
      process.exit(1);
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const serveArgs = [path.join(ROOT, 'bin', 'dbt-coach.mjs'), 'serve', '--port', '0', '--no-open'];
  const servers: Record<'bundle' | 'source' | 'base', Server> = {
    bundle: { args: serveArgs, env: {} },
    source: { args: serveArgs, env: { DBT_COACH_CLI: 'source' } },
    base: { args: ['-e', BASELINE_SERVER, DIST], env: {} },
  };
  const samples: Record<keyof typeof servers, Sample[]> = { bundle: [], source: [], base: [] };
  const keys = Object.keys(servers) as (keyof typeof servers)[];
  const loadBefore = os.loadavg()[0] ?? 0;
  // One warm-up of each (file-system cache, Chromium's first context), then interleave the runs
  // so background load on the shared machine hits every side alike.
  for (const k of keys) await measure(browser, servers[k]);
  for (let i = 0; i < RUNS; i++) for (const k of keys) samples[k].push(await measure(browser, servers[k]));
  await browser.close();
  // Someone editing sources mid-run would have sent the "bundle" runs to tsx: say so, do not hide it.
  if (!bundleIsFresh()) console.log('WARNING: sources changed during the run; some bundle runs may have used tsx.');

  const s = summarise(samples.bundle);
  const t = summarise(samples.source);
  const b = summarise(samples.base);
  const f = (n: number) => n.toFixed(0);
  const x = (a: number, c: number) => `${(a / c).toFixed(2)}×`;
  console.log(
    `Browser shell start-up, median of ${RUNS} runs (Chromium ${browser.version()}, ${os.cpus().length} cores, ` +
      `load average ${loadBefore.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}; bare \`node -e 0\` ${f(nodeStartMs())} ms)`,
  );
  console.log(
    '| measure | dbt-coach serve (bundle) | serve from sources (tsx) | bare node:http baseline | bundle ratio | tsx ratio | target |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| process start → first contentful paint | ${f(s.fcp)} ms | ${f(t.fcp)} ms | ${f(b.fcp)} ms | ${x(s.fcp, b.fcp)} | ${x(t.fcp, b.fcp)} | ≤ ${TARGET_MS} ms ${s.fcp <= TARGET_MS ? '✓' : '✗'} |`,
  );
  console.log(
    `| process start → welcome heading visible | ${f(s.welcome)} ms | ${f(t.welcome)} ms | ${f(b.welcome)} ms | ${x(s.welcome, b.welcome)} | ${x(t.welcome, b.welcome)} | — |`,
  );
  console.log(
    `| initial JS transferred (compressed body) | ${s.jsKb.toFixed(1)} kB | ${t.jsKb.toFixed(1)} kB | ${b.jsKb.toFixed(1)} kB | ${x(s.jsKb, b.jsKb)} | | ≤ ${TARGET_KB} kB ${s.jsKb <= TARGET_KB ? '✓' : '✗'} |`,
  );
  console.log(
    `| initial JS uncompressed (${f(s.files)} files) | ${s.jsRawKb.toFixed(1)} kB | ${t.jsRawKb.toFixed(1)} kB | ${b.jsRawKb.toFixed(1)} kB | | | |`,
  );
}

/** How slow the machine is right now: the fastest of three bare `node -e 0` starts. */
function nodeStartMs(): number {
  const times = [0, 1, 2].map(() => {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - t;
  });
  return Math.min(...times);
}

await main();

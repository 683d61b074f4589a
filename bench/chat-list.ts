/// <reference lib="dom" />
// `node bench/run.mjs chat-list`: how the chat screen copes with a 5,000-message conversation in the
// browser shell (built renderer, real encrypted store). Baseline in the same run: a 50-message
// conversation, opened and scrolled the same way. Figures: click → newest message visible, message
// items in the DOM (virtual scrolling keeps this small), and frame intervals while scrolling up
// continuously (older pages of 100 load as the top nears), as p50 / p95 / share of frames over 50 ms.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { callApi, startOwnShell } from '../e2e/support/shell';
import { HistoryService } from '../src/main/store/index';
import { KDF_FLOOR, VaultService } from '../src/main/vault/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LABEL = 'bench-chat-list';
const PASS = 'seven quiet herons fold the map at dawn';
const BIG = Number(process.env.BENCH_MESSAGES ?? 5000);
const SMALL = 50;
const FRAMES = Number(process.env.BENCH_FRAMES ?? 240);
const WORDS =
  'breathe notice name the feeling wise mind urge surf opposite action check the facts radical acceptance'.split(' ');

function text(i: number): string {
  const n = 5 + ((i * 7919) % 60);
  const words = Array.from({ length: n }, (_, k) => WORDS[(i + k * 13) % WORDS.length]);
  return `${words.join(' ')} (#${i})`;
}

/** Writes both conversations straight into a new vault's encrypted store, then closes it. */
async function seed(dataDir: string): Promise<void> {
  const vault = new VaultService({ dataDir, kdf: { params: KDF_FLOOR, ms: 60 } });
  const history = new HistoryService();
  vault.onSession((e) => (e.type === 'unlocked' ? history.attach(e.session) : history.detach()));
  await vault.create(LABEL, PASS, PASS);
  const store = history.requireStore();
  const t0 = Date.now() - 10 * 86_400_000;
  for (const [title, count] of [
    ['Small conversation', SMALL],
    ['Big conversation', BIG],
  ] as const) {
    const c = store.createConversation({ title, provider: 'local' });
    for (let i = 0; i < count; i++) {
      const user = i % 2 === 0;
      store.appendMessage({
        conversationId: c.id,
        role: user ? 'user' : 'assistant',
        content: i === count - 1 ? `last message of ${title}` : text(i),
        createdAt: t0 + i * 1000,
        status: 'complete',
        provider: user ? null : 'local',
        model: user ? null : 'bench-model',
      });
    }
  }
  await vault.close();
}

interface Figures {
  openMs: number;
  domItems: number;
  p50: number;
  p95: number;
  slowShare: number;
  domAfterScroll: number;
}

async function measure(page: Page, title: string): Promise<Figures> {
  const t = Date.now();
  await page.getByRole('button', { name: title, exact: true }).click();
  try {
    await page.getByText(`last message of ${title}`).waitFor({ state: 'visible', timeout: 60_000 });
  } catch (e) {
    if (process.env.BENCH_SHOT) await page.screenshot({ path: process.env.BENCH_SHOT });
    throw e;
  }
  const openMs = Date.now() - t;
  await page.waitForTimeout(500);
  const domItems = await page.locator('app-message-item').count();
  // A string, not a function: tsx would wrap named closures in a helper the page does not have.
  const frames = (await page.evaluate(`new Promise((resolve) => {
    const vp = document.querySelector('cdk-virtual-scroll-viewport');
    const deltas = [];
    let last = performance.now();
    const step = () => {
      const now = performance.now();
      deltas.push(now - last);
      last = now;
      vp.scrollTop = Math.max(0, vp.scrollTop - 150);
      if (deltas.length >= ${FRAMES}) resolve(deltas.slice(1));
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })`)) as number[];
  const sorted = [...frames].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const domAfterScroll = await page.locator('app-message-item').count();
  return {
    openMs,
    domItems,
    p50: q(0.5),
    p95: q(0.95),
    slowShare: frames.filter((d) => d > 50).length / frames.length,
    domAfterScroll,
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'browser', 'index.html'))) {
    throw new Error('Build the renderer first: npm run build:renderer');
  }
  const base = mkdtempSync(path.join(os.tmpdir(), 'bench-chat-list-'));
  const seedStart = Date.now();
  await seed(path.join(base, 'data'));
  console.log(`seeded ${BIG} + ${SMALL} messages in ${Date.now() - seedStart} ms`);
  const shell = await startOwnShell(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(shell.url);
    const r = (await callApi(page, 'vault.unlock', { label: LABEL, passphrase: PASS })) as { ok: boolean };
    if (!r.ok) throw new Error('unlock failed');
    await page.goto(`${shell.origin}/chat`);
    await page.getByRole('button', { name: 'Small conversation', exact: true }).waitFor({ timeout: 60_000 });
    // Warm-up: open each once so code and fonts are loaded before timing.
    await measure(page, 'Small conversation');
    await measure(page, 'Big conversation');
    const small = await measure(page, 'Small conversation');
    const big = await measure(page, 'Big conversation');
    const row = (name: string, f: Figures) =>
      `| ${name} | ${f.openMs} ms | ${f.domItems} / ${f.domAfterScroll} | ${f.p50.toFixed(1)} ms | ${f.p95.toFixed(1)} ms | ${(f.slowShare * 100).toFixed(1)} % |`;
    console.log(`load average ${os.loadavg()[0]?.toFixed(1)}; ${FRAMES} frames scrolling up 150 px a frame`);
    console.log(
      '| conversation | open → newest visible | message items in DOM (open / after scroll) | frame p50 | frame p95 | frames > 50 ms |',
    );
    console.log('| --- | --- | --- | --- | --- | --- |');
    console.log(row(`${SMALL} messages (baseline)`, small));
    console.log(row(`${BIG} messages`, big));
    console.log(
      `ratios ${BIG}/${SMALL}: open ${(big.openMs / small.openMs).toFixed(2)}, frame p95 ${(big.p95 / small.p95).toFixed(2)}`,
    );
  } finally {
    await browser.close();
    await shell.stop();
    shell.remove();
  }
}

await main();

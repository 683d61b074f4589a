// `npm run bench:llm`: the chat path through the app (dispatcher → handlers → chat service → local
// provider → event bus) against bare node-llama-cpp LlamaCompletion on the same model, prompt text
// and thread count, in one run; then a thread sweep against the automatic choice.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LlamaCompletion } from 'node-llama-cpp';
import { createChatHandlers } from '../src/main/api/handlers/chat';
import { createModelsHandlers } from '../src/main/api/handlers/models';
import { createDispatcher, type Handlers } from '../src/main/api/dispatcher';
import { EventBus } from '../src/main/api/event-bus';
import { COACH_SYSTEM_PROMPT_V1, createLlmService, DEFAULT_TEMPERATURE } from '../src/main/llm/index';
import { candidateThreads, measureThreads } from '../src/main/llm/thread-probe';

const MODEL = process.env.DBT_COACH_BENCH_MODEL ?? path.resolve('../shared/models/llama-2-tiny-random.gguf');
const TOKENS = 128;
const RUNS = 5;
const MESSAGE = 'I had a hard day and I keep replaying an argument. What skill could help right now?';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const events = new EventBus();
const llm = await createLlmService({
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'bench-llm-')),
  emit: (name, payload) => events.emit(name, payload),
  engine: { threads: 'auto', contextSize: 1024 },
  maxTokens: TOKENS,
});
const dispatch = createDispatcher({ ...createModelsHandlers(llm), ...createChatHandlers(llm) } as Handlers);
const call = { transport: 'cli' } as const;
const imported = await dispatch('models.import', { path: MODEL }, call);
if (!imported.ok) throw new Error(imported.error.code);

/** One send through the app; times to the first chat.delta event and to chat.done. */
async function appRun(): Promise<{ ttft: number; tps: number }> {
  let first = 0;
  let last = 0;
  let resolveDone: (tokens: number) => void = () => undefined;
  const done = new Promise<number>((r) => (resolveDone = r));
  const off = events.subscribe((name, payload) => {
    if (name === 'chat.delta') {
      last = performance.now();
      if (!first) first = last;
    }
    if (name === 'chat.done') resolveDone((payload as { tokens: number }).tokens);
  });
  const start = performance.now();
  const r = await dispatch('chat.send', { text: MESSAGE }, call);
  if (!r.ok) throw new Error(r.error.code);
  const tokens = await done;
  off();
  return { ttft: first - start, tps: (tokens - 1) / ((last - first) / 1000) };
}

await appRun(); // loads the model and measures threads (cached per model + machine)
const { loaded, release } = await llm.engine.use();
const threads = loaded.threads;
// Baseline prompt: exactly the text the chat template renders for the app's request.
const prompt = loaded.chatWrapper
  .generateContextState({
    chatHistory: [
      { type: 'system', text: COACH_SYSTEM_PROMPT_V1 },
      { type: 'user', text: MESSAGE },
    ],
  })
  .contextText.toString();
release();

// One long-lived context, like the app's: both sides may reuse an already evaluated prompt prefix.
const bareContext = await loaded.model.createContext({ contextSize: 1024, threads });
const completion = new LlamaCompletion({ contextSequence: bareContext.getSequence() });
async function bareRun(): Promise<{ ttft: number; tps: number }> {
  {
    let first = 0;
    let last = 0;
    let n = 0;
    const start = performance.now();
    await completion.generateCompletion(prompt, {
      maxTokens: TOKENS,
      // The app samples at its default temperature; greedy decoding would skip sampling work and flatter the baseline.
      temperature: DEFAULT_TEMPERATURE,
      onToken: (t) => {
        n += t.length;
        last = performance.now();
        if (!first) first = last;
      },
    });
    return { ttft: first - start, tps: (n - 1) / ((last - first) / 1000) };
  }
}

await bareRun(); // warm-up
const app: Array<{ ttft: number; tps: number }> = [];
const bare: Array<{ ttft: number; tps: number }> = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(await bareRun());
  app.push(await appRun());
}
const appTps = median(app.map((r) => r.tps));
const bareTps = median(bare.map((r) => r.tps));
const appTtft = median(app.map((r) => r.ttft));
const bareTtft = median(bare.map((r) => r.ttft));

const sweep: Record<number, number> = {};
for (const t of candidateThreads(os.availableParallelism())) {
  sweep[t] = median([
    await measureThreads(loaded.model, t, 64, 10_000),
    await measureThreads(loaded.model, t, 64, 10_000),
  ]);
}
await bareContext.dispose();
const best = Math.max(...Object.values(sweep));
const autoTps = sweep[threads] ?? 0;
await llm.dispose();

const f = (n: number, d = 1) => n.toFixed(d);
const lines = [
  `Model: ${path.basename(MODEL)}; ${TOKENS} tokens; median of ${RUNS} runs; threads ${threads} (auto); ${os.availableParallelism()} cores; load average ${os.loadavg()[0]?.toFixed(1)}.`,
  '',
  '| path | tokens/s | time to first token |',
  '| --- | --- | --- |',
  `| bare LlamaCompletion (same prompt text, threads) | ${f(bareTps)} | ${f(bareTtft)} ms |`,
  `| app: dispatch chat.send → chat.delta events | ${f(appTps)} | ${f(appTtft)} ms |`,
  `| **ratio / overhead** | **${f(appTps / bareTps, 3)}** (target ≥ 0.95) | **${f(appTtft - bareTtft)} ms** (target ≤ 20 ms) |`,
  '',
  `Thread sweep (tokens/s, 64 tokens, median of 2): ${Object.entries(sweep)
    .map(([t, v]) => `${t}: ${f(v)}`)
    .join(', ')}.`,
  'Note: on a shared 2-core machine the figures swing by up to 2x between runs; judge the targets on an idle machine.',
  `Automatic choice ${threads} thread(s) = ${f((autoTps / best) * 100)}% of the best (target ≥ 90%).`,
];
console.log(lines.join('\n'));

// Write the figures under this area's own heading in docs/benchmarks.md.
const docs = path.resolve('docs/benchmarks.md');
const heading = '## LLM chat path (`npm run bench:llm`)';
let text = '';
try {
  text = readFileSync(docs, 'utf8');
} catch {
  text = '# Benchmarks\n';
}
const section = `${heading}\n\n${lines.join('\n')}\n`;
const start = text.indexOf(heading);
if (start >= 0) {
  const next = text.indexOf('\n## ', start + heading.length);
  text = text.slice(0, start) + section + (next >= 0 ? text.slice(next + 1) : '');
} else {
  text = `${text.trimEnd()}\n\n${section}`;
}
writeFileSync(docs, text);

import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LlamaCompletion, type LlamaModel } from 'node-llama-cpp';
import { writeFileAtomic } from './atomic-file';

export interface ProbeResult {
  readonly threads: number;
  /** Tokens per second for each thread count tried. */
  readonly sweep: Record<string, number>;
}

/** Thread counts worth trying: every count up to 8 cores, then a coarse ladder. */
export function candidateThreads(cores: number): number[] {
  if (cores <= 8) return Array.from({ length: cores }, (_, i) => i + 1);
  const set = new Set([1, 2, 4, 6, 8, Math.floor(cores / 2), cores - 1, cores]);
  return [...set].filter((n) => n >= 1 && n <= cores).sort((a, b) => a - b);
}

/**
 * Measures generation speed at one thread count on a small throwaway context. A bad count can
 * be 20x slower (threads spinning against a busy core), so each try stops at `budgetMs`.
 */
export async function measureThreads(
  model: LlamaModel,
  threads: number,
  tokens: number,
  budgetMs = 2000,
): Promise<number> {
  const context = await model.createContext({ contextSize: 256, threads, batchSize: 64 });
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), budgetMs);
  try {
    const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
    let n = 0;
    let start = 0;
    // The clock starts at the first token so prompt evaluation and warm-up do not count.
    await completion.generateCompletion('The weather today', {
      maxTokens: tokens + 1,
      signal: stop.signal,
      stopOnAbortSignal: true,
      onToken: (t) => {
        if (n === 0) start = performance.now();
        n += t.length;
      },
    });
    const seconds = (performance.now() - start) / 1000;
    return n > 1 && seconds > 0 ? (n - 1) / seconds : 0;
  } finally {
    clearTimeout(timer);
    await context.dispose();
  }
}

/** Sweeps 1..N threads once, picks the fastest. Cheap for small models, a few seconds for large ones. */
export async function probeThreads(model: LlamaModel, cores: number, tokens = 24): Promise<ProbeResult> {
  const sweep: Record<string, number> = {};
  let best = { threads: 1, tps: -1 };
  for (const threads of candidateThreads(cores)) {
    // Once a count is known, a try that takes 3x as long as it would cannot win: cut it short.
    const budget = best.tps > 0 ? Math.max(200, (tokens / best.tps) * 3000) : 5000;
    const tps = await measureThreads(model, threads, tokens, budget);
    sweep[String(threads)] = Math.round(tps * 10) / 10;
    if (tps > best.tps) best = { threads, tps };
  }
  return { threads: best.threads, sweep };
}

/** Cache key: the model's hash plus what makes this machine this machine. */
export function machineKey(modelSha: string, gpu: string | null): string {
  const cpu = os.cpus()[0]?.model ?? 'cpu';
  return `${modelSha.slice(0, 16)}|${cpu}|${os.availableParallelism()}|${gpu ?? 'cpu'}`;
}

export class ThreadCache {
  constructor(private readonly file: string) {}

  static in(dataDir: string): ThreadCache {
    return new ThreadCache(path.join(dataDir, 'llm', 'threads.json'));
  }

  async get(key: string): Promise<ProbeResult | null> {
    const all = await this.readAll();
    const hit = all[key];
    return hit && Number.isInteger(hit.threads) && hit.threads >= 1 ? hit : null;
  }

  async set(key: string, result: ProbeResult): Promise<void> {
    const all = await this.readAll();
    all[key] = result;
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, JSON.stringify(all, null, 2));
  }

  private async readAll(): Promise<Record<string, ProbeResult>> {
    try {
      const v = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, ProbeResult>) : {};
    } catch {
      return {};
    }
  }
}

// `npm run bench:coach`: per-message latency of the skill suggester and the safety classifier over the
// labelled sets, p50/p99, against a trivial baseline (lowercase + includes over a few phrases) measured
// in the same run. Writes the figures into docs/benchmarks.md under "Coach".
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { classify, suggest } from '../src/main/coach/index';
import { CONCERN_SAMPLES } from '../src/main/coach/safety/dataset-concern';
import { CRISIS_SAMPLES } from '../src/main/coach/safety/dataset-crisis';
import { HELDOUT_SAMPLES } from '../src/main/coach/safety/dataset-heldout';
import { ORDINARY_SAMPLES } from '../src/main/coach/safety/dataset-ordinary';
import { SUGGEST_SAMPLES_A } from '../src/main/coach/suggest/dataset-a';
import { SUGGEST_SAMPLES_B } from '../src/main/coach/suggest/dataset-b';

const ROUNDS = 20;
const safetyTexts = [...CRISIS_SAMPLES, ...CONCERN_SAMPLES, ...ORDINARY_SAMPLES, ...HELDOUT_SAMPLES].map((s) => s.text);
const suggestTexts = [...SUGGEST_SAMPLES_A, ...SUGGEST_SAMPLES_B].map(([t]) => t);
const PHRASES = ['kill myself', 'suicide', 'want to die', 'self harm', 'panic', 'angry', 'sad', 'anxious'];
const baseline = (t: string): boolean => {
  const l = t.toLowerCase();
  return PHRASES.some((p) => l.includes(p));
};

function measure(texts: readonly string[], fn: (t: string) => unknown): { p50: number; p99: number; max: number } {
  for (const t of texts) fn(t); // warm-up (regex compilation, JIT)
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of texts) {
      const start = process.hrtime.bigint();
      fn(t);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1] ?? 0 };
}

const rows = [
  ['safety classify()', safetyTexts.length, measure(safetyTexts, classify), measure(safetyTexts, baseline)],
  [
    'skill suggest()',
    suggestTexts.length,
    measure(suggestTexts, (t) => suggest(t, 3)),
    measure(suggestTexts, baseline),
  ],
] as const;

const ms = (x: number): string => `${x.toFixed(3)} ms`;
const lines = [
  '## Coach',
  '',
  `Per-message latency over the labelled sets (${ROUNDS} rounds after warm-up), target p99 < 10 ms. Baseline: lowercase +`,
  '`includes` over 8 phrases, same messages, same run. Run: `npm run bench:coach`.',
  '',
  '| what | messages | p50 | p99 | max | baseline p50 | baseline p99 | p99 / baseline p99 |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    ([name, n, m, b]) =>
      `| ${name} | ${n} | ${ms(m.p50)} | ${ms(m.p99)} | ${ms(m.max)} | ${ms(b.p50)} | ${ms(b.p99)} | ${(m.p99 / Math.max(b.p99, 1e-6)).toFixed(0)}× |`,
  ),
  '',
  `Load average during the run: ${loadavg()[0]?.toFixed(1)} (2 shared cores); max is dominated by GC pauses and other jobs.`,
  '',
];
console.log(lines.join('\n'));

// Replace only our own section of the shared file.
const path = 'docs/benchmarks.md';
const doc = readFileSync(path, 'utf8');
const section = lines.join('\n');
const re = /## Coach\n[\s\S]*?(?=\n## |$)/;
writeFileSync(path, re.test(doc) ? doc.replace(re, section.trimEnd() + '\n') : `${doc.trimEnd()}\n\n${section}`);

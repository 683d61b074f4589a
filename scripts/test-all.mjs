// `npm test`: every check CI runs, in order, with one closing summary line.
// Each step's output streams through; test counts are read from the runners' summaries.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'security audit (electronegativity)', cmd: 'node', args: ['scripts/electronegativity.mjs'] },
  { name: 'unit tests (node)', cmd: 'npx', args: ['vitest', 'run'], counts: 'vitest' },
  { name: 'unit tests (renderer)', cmd: 'npx', args: ['ng', 'test', '--watch=false'], counts: 'vitest' },
  { name: 'renderer build', cmd: 'npm', args: ['run', '-s', 'build:renderer'] },
  { name: 'end-to-end (Chromium)', cmd: 'npx', args: ['playwright', 'test'], counts: 'playwright' },
];

// eslint-disable-next-line no-control-regex -- stripping ANSI colour codes is the point
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

function countsFrom(kind, out) {
  const text = strip(out);
  if (kind === 'vitest') {
    const line = [...text.matchAll(/^\s*Tests\s+(.*)$/gm)].pop()?.[1] ?? '';
    const n = (re) => Number(re.exec(line)?.[1] ?? 0);
    return { passed: n(/(\d+) passed/), failed: n(/(\d+) failed/) };
  }
  const n = (re) => Number([...text.matchAll(re)].pop()?.[1] ?? 0);
  return { passed: n(/^\s*(\d+) passed/gm), failed: n(/^\s*(\d+) failed/gm) + n(/^\s*(\d+) flaky/gm) };
}

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const { code, out } = await run(step);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (step.counts) {
    const c = countsFrom(step.counts, out);
    passed += c.passed;
    failed += c.failed;
    // A runner that failed without reporting a failed test (crash, config error) still fails.
    if (code !== 0 && c.failed === 0) failed += 1;
    summary.push(`${step.name}: ${c.passed} passed, ${c.failed} failed, exit ${code} (${secs}s)`);
  } else {
    if (code === 0) passed += 1;
    else failed += 1;
    summary.push(`${step.name}: ${code === 0 ? 'ok' : 'FAILED'} (${secs}s)`);
  }
}
console.log('\n=== summary ===');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

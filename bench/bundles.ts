// `npm run bench:bundles`: importing a signed bundle (signature check, copy while hashing, GGUF header,
// all-or-nothing install) against the plain model import (copy while hashing, header) of the same bytes,
// in one run. Also times signing (`models bundle`). The difference is what the signature and the
// bundle's bookkeeping cost on top of the hashing both must do anyway.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importBundle } from '../src/main/llm/bundle-import';
import { generateClinicKeys, writeBundle } from '../src/main/llm/bundle-write';
import { ModelStore } from '../src/main/llm/model-store';

const MODEL = process.env.DBT_COACH_BENCH_MODEL ?? path.resolve('../shared/models/llama-2-tiny-random.gguf');
const COPIES = Number(process.env.BENCH_BUNDLE_COPIES ?? 8); // files per bundle
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const root = mkdtempSync(path.join(os.tmpdir(), 'bench-bundles-'));
const src = path.join(root, 'src');
const bytes = readFileSync(MODEL);
const files = Array.from({ length: COPIES }, (_, i) => path.join(src, `model-${i}.gguf`));
mkdirSync(src);
for (const f of files) writeFileSync(f, bytes);
const total = bytes.length * COPIES;
const keys = await generateClinicKeys(path.join(root, 'keys'));
const trust = { clinicKeys: [keys.publicKey], required: true };

const sign: number[] = [];
const bundled: number[] = [];
const plain: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const out = path.join(root, `bundle-${run}`);
  const t = performance.now();
  await writeBundle({ privateKeyFile: keys.privateKeyFile, outDir: out, files });
  sign.push(performance.now() - t);

  // Alternate the order so the page cache favours neither side.
  const a = new ModelStore(path.join(root, `a-${run}`));
  const b = new ModelStore(path.join(root, `b-${run}`));
  const doBundle = async () => {
    const s = performance.now();
    await importBundle(out, { store: a, trust });
    bundled.push(performance.now() - s);
  };
  const doPlain = async () => {
    const s = performance.now();
    for (const f of files) await b.import(f);
    plain.push(performance.now() - s);
  };
  if (run % 2) await doPlain().then(doBundle);
  else await doBundle().then(doPlain);
  rmSync(out, { recursive: true, force: true });
  rmSync(a.dir, { recursive: true, force: true });
  rmSync(b.dir, { recursive: true, force: true });
}
rmSync(root, { recursive: true, force: true });

const mbps = (ms: number) => (total / 1024 ** 2 / (ms / 1000)).toFixed(0);
console.log(`bundle of ${COPIES} × ${(bytes.length / 1024 ** 2).toFixed(2)} MiB, median of ${RUNS} runs`);
console.log(`  models bundle (sign)      ${median(sign).toFixed(1)} ms  (${mbps(median(sign))} MiB/s)`);
console.log(`  import-bundle (verify)    ${median(bundled).toFixed(1)} ms  (${mbps(median(bundled))} MiB/s)`);
console.log(`  plain import, same files  ${median(plain).toFixed(1)} ms  (${mbps(median(plain))} MiB/s)`);
console.log(`  ratio bundle / plain      ${(median(bundled) / median(plain)).toFixed(2)}`);

// `npm run bench:<area>`: runs bench/<area>.ts through tsx. Benchmarks print their figures and
// ratios against a baseline measured in the same run; they are never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const area = process.argv[2];
const file = `bench/${area}.ts`;
if (!area || !existsSync(file)) {
  console.error(`No benchmark '${area ?? ''}'. Expected ${file}.`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

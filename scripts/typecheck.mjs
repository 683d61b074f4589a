// Runs `tsc --noEmit` over every tsconfig so no part of the tree escapes type checking.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const configs = ['tsconfig.node.json', 'tsconfig.preload.json', 'tsconfig.app.json', 'tsconfig.spec.json'].filter((c) =>
  existsSync(c),
);
let failed = 0;
for (const config of configs) {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', config], {
    stdio: 'inherit',
  });
  console.log(`typecheck ${config}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

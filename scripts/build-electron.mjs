// Bundles the Electron main process and the preload with esbuild.
//
// - dist/electron/main.js: ESM (package.json "type": "module"), every npm package left external so
//   native modules (SQLCipher, llama.cpp, Argon2, keytar) load from node_modules / app.asar.unpacked.
// - dist/preload/index.cjs: one self-contained CommonJS file, because a sandboxed preload can only
//   require('electron') (and a handful of polyfilled modules), not files from node_modules.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineVersion } from './inline-version.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.env.NODE_ENV !== 'development';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: production ? false : 'inline',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

await rm(path.join(root, 'dist/electron'), { recursive: true, force: true });
await rm(path.join(root, 'dist/preload'), { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/main/electron/main.ts'],
    outfile: 'dist/electron/main.js',
    format: 'esm',
    packages: 'external',
    external: ['electron'],
    plugins: [inlineVersion(root)],
    // Some bundled CommonJS code may still reach for require/__dirname inside an ES module.
    banner: {
      js: [
        "import { createRequire as __dbtCreateRequire } from 'node:module';",
        "import { fileURLToPath as __dbtFileURLToPath } from 'node:url';",
        'const require = __dbtCreateRequire(import.meta.url);',
        'const __filename = __dbtFileURLToPath(import.meta.url);',
        "const __dirname = __dbtFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
  }),
  build({
    ...common,
    entryPoints: ['src/preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    // Bundle zod and the shared contract in; only electron's renderer module comes from outside.
    external: ['electron'],
    platform: 'browser',
    target: 'chrome140',
    minify: production,
  }),
]);

console.log('built dist/electron/main.js and dist/preload/index.cjs');

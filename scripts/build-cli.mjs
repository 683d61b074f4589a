// `npm run build:cli` (also run by `prepare`, so `npm ci` produces it): bundles the command line with
// esbuild into dist/cli/, so `dbt-coach serve` starts without tsx transpiling ~180 TypeScript files.
//
// - ESM with code splitting: each subcommand and the services stay separate chunks, so `serve` can
//   listen and serve the page before the vault, store and model runtime are even parsed.
// - npm packages stay external (loaded from node_modules: native SQLCipher, llama.cpp, Argon2,
//   keytar, pg, PGlite's wasm files), except a few pure-JS ones on the start-up path that Node
//   would otherwise resolve and load file by file.
// - dist/cli/manifest.json records every file the bundle was built from; bin/dbt-coach.mjs runs the
//   bundle only while all of them are unchanged (scripts/build-cli-freshness.mjs), else the sources.
import { writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_NAME, makeManifest, stampFiles } from './build-cli-freshness.mjs';
import { inlineVersion } from './inline-version.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'cli');
const tmpDir = path.join(root, 'dist', `cli.tmp-${process.pid}`);

/** Bundled in: pure JavaScript, needed at start, dozens of files each when loaded from node_modules. */
const BUNDLED_PACKAGES = new Set(['zod', 'ws']);
/** Optional native speed-ups that ws tries to require and does without. */
const OPTIONAL_EXTERNALS = ['bufferutil', 'utf-8-validate'];
/** Read by esbuild (or by this build) without appearing in its metafile. */
const EXTRA_INPUTS = [
  'package.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'scripts/build-cli.mjs',
  'scripts/build-cli-freshness.mjs',
];

// `prepare` passes --if-possible: an install without dev dependencies (no esbuild) still succeeds,
// and bin/dbt-coach.mjs then runs the sources. A compile error in the sources still fails loudly.
const esbuild = await import('esbuild').catch((error) => {
  if (!process.argv.includes('--if-possible')) throw error;
  console.log('esbuild is not installed: skipped dist/cli (dbt-coach will run the sources through tsx)');
  process.exit(0);
});
const { build } = esbuild;

/** @type {import('esbuild').Plugin} */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.has(name ?? '') ? undefined : { path: args.path, external: true };
    });
  },
};

await rm(tmpDir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'dbt-coach': 'src/main/cli/main.ts', relay: 'src/relay/cli.ts' },
  outdir: tmpDir,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: 'tsconfig.node.json',
  external: OPTIONAL_EXTERNALS,
  plugins: [externalPackages, inlineVersion(root)],
  metafile: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS (ws) calls require() for Node built-ins, which an ES module does not have.
  banner: {
    js: "import { createRequire as __dbtCreateRequire } from 'node:module';\nconst require = __dbtCreateRequire(import.meta.url);",
  },
});

// A bundled package counts as its package.json (its version): stat-checking every file of zod on
// each start would cost more than it protects, since nobody edits node_modules by hand.
const inputs = Object.keys(result.metafile.inputs)
  .filter((p) => !p.includes(':'))
  .map((p) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1]?.concat('/package.json') ?? p);
const manifest = makeManifest(
  { 'dbt-coach': 'dbt-coach.mjs', relay: 'relay.mjs' },
  stampFiles(root, [...inputs, ...EXTRA_INPUTS]),
);
writeFileSync(path.join(tmpDir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 1)}\n`);

// Swap folders so a `dbt-coach` starting meanwhile sees the old bundle, the new one, or none (and
// then runs the sources), never a half-written one.
const oldDir = `${outDir}.old-${process.pid}`;
await rename(outDir, oldDir).catch(() => undefined);
await rename(tmpDir, outDir);
await rm(oldDir, { recursive: true, force: true });

console.log(`built dist/cli (${Object.keys(manifest.inputs).length} source files recorded)`);

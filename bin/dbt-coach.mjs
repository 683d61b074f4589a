#!/usr/bin/env node
// Entry point for `dbt-coach` / `npx dbt-coach`. Runs the pre-built bundle in dist/cli (made by
// `npm run build:cli`, which `npm ci` runs through `prepare`) when it was built from exactly the
// sources in this checkout; otherwise — no bundle yet, or any source edited since — it runs the
// TypeScript sources through tsx, so a developer never runs stale code, only a slower start.
// DBT_COACH_CLI=source forces the sources. The Electron app is bundled separately.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundleEntry } from '../scripts/build-cli-freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
// The relay is a separate server that the desktop package does not ship; route to it directly.
const isRelay = argv[0] === 'relay';
const bundled =
  process.env.DBT_COACH_CLI === 'source'
    ? null
    : freshBundleEntry(root, path.join(root, 'dist', 'cli'), isRelay ? 'relay' : 'dbt-coach');

let entry;
if (bundled) {
  entry = pathToFileURL(bundled).href;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(path.join(root, 'src', isRelay ? 'relay/cli.ts' : 'main/cli/main.ts')).href;
}
const { main } = await import(entry);
process.exitCode = await main(argv);

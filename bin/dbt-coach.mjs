#!/usr/bin/env node
// Entry point for `dbt-coach` / `npx dbt-coach`. Runs the TypeScript sources through tsx so a
// checkout needs no build step for the command line; the Electron app is bundled separately.
import { register } from 'tsx/esm/api';

register();
const [command] = process.argv.slice(2);
// The relay is a separate server that the desktop package does not ship; route to it directly.
const entry = command === 'relay' ? '../src/relay/cli.ts' : '../src/main/cli/main.ts';
const { main } = await import(new URL(entry, import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));

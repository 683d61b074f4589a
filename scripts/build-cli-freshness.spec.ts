// The staleness check bin/dbt-coach.mjs runs before using dist/cli: a developer who edits a source
// file must get the sources (through tsx), never the bundle built before the edit.
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshBundleEntry, makeManifest, MANIFEST_NAME, stampFiles } from './build-cli-freshness.mjs';

let root: string;
let bundleDir: string;

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** A checkout with two sources and a bundle built from them. */
function build(entries: Record<string, string> = { 'dbt-coach': 'dbt-coach.mjs' }): void {
  const manifest = makeManifest(entries, stampFiles(root, ['src/a.ts', 'src/b.ts', 'package.json']));
  writeFileSync(path.join(bundleDir, MANIFEST_NAME), JSON.stringify(manifest));
}

/** Sets a file's mtime to a moment clearly after the build, as an editor saving it would. */
function later(rel: string): void {
  const full = path.join(root, rel);
  const t = new Date(statSync(full).mtimeMs + 5_000);
  utimesSync(full, t, t);
}

const fresh = () => freshBundleEntry(root, bundleDir, 'dbt-coach');

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'dbt-fresh-'));
  bundleDir = path.join(root, 'dist', 'cli');
  write('src/a.ts', 'export const a = 1;\n');
  write('src/b.ts', 'export const b = 2;\n');
  write('package.json', '{"version":"1.0.0"}\n');
  write('dist/cli/dbt-coach.mjs', 'export async function main() { return 0; }\n');
  build();
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('freshBundleEntry', () => {
  it('uses the bundle while every recorded file is unchanged', () => {
    expect(fresh()).toBe(path.join(bundleDir, 'dbt-coach.mjs'));
  });

  it('refuses the bundle after a source edit, even one that keeps the size', () => {
    write('src/a.ts', 'export const a = 7;\n');
    later('src/a.ts');
    expect(fresh()).toBeNull();
  });

  it('refuses the bundle after an edit that changes the size', () => {
    write('src/b.ts', 'export const b = 2; // more\n');
    expect(fresh()).toBeNull();
  });

  it('keeps the bundle when a file was only touched (same bytes, new mtime)', () => {
    later('src/a.ts');
    expect(fresh()).toBe(path.join(bundleDir, 'dbt-coach.mjs'));
  });

  it('refuses the bundle when a recorded file was deleted or replaced by a folder', () => {
    rmSync(path.join(root, 'src/b.ts'));
    expect(fresh()).toBeNull();
    mkdirSync(path.join(root, 'src/b.ts'));
    expect(fresh()).toBeNull();
  });

  it('refuses the bundle after a version bump in package.json', () => {
    write('package.json', '{"version":"1.0.1"}\n');
    later('package.json');
    expect(fresh()).toBeNull();
  });

  it('runs the sources when there is no bundle, or the entry file is missing', () => {
    expect(freshBundleEntry(root, path.join(root, 'nowhere'), 'dbt-coach')).toBeNull();
    expect(freshBundleEntry(root, bundleDir, 'relay')).toBeNull();
    rmSync(path.join(bundleDir, 'dbt-coach.mjs'));
    expect(fresh()).toBeNull();
  });

  it.each([
    ['not JSON', '{"format":1,'],
    ['null', 'null'],
    ['an array', '[]'],
    ['another format', JSON.stringify({ format: 2, entries: { 'dbt-coach': 'dbt-coach.mjs' }, inputs: {} })],
    ['no inputs', JSON.stringify({ format: 1, entries: { 'dbt-coach': 'dbt-coach.mjs' }, inputs: {} })],
    [
      'a malformed stamp',
      JSON.stringify({ format: 1, entries: { 'dbt-coach': 'dbt-coach.mjs' }, inputs: { 'src/a.ts': { size: '20' } } }),
    ],
    ['__proto__ as entries', '{"format":1,"entries":{"__proto__":{"dbt-coach":"dbt-coach.mjs"}},"inputs":{}}'],
  ])('runs the sources when the manifest is %s', (_name, text) => {
    writeFileSync(path.join(bundleDir, MANIFEST_NAME), text);
    expect(fresh()).toBeNull();
  });

  it.each(['../../src/a.ts', '/etc/passwd', 'chunks/../../x.mjs', 'dbt-coach.js', '..\\x.mjs'])(
    'refuses an entry that points outside the bundle folder or is not a module: %s',
    (file) => {
      build({ 'dbt-coach': file });
      expect(fresh()).toBeNull();
    },
  );
});

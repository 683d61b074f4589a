// Is the pre-built command line (dist/cli, from `npm run build:cli`) still the code in src/?
//
// bin/dbt-coach.mjs asks this on every start, so it must be cheap, and it must never say "fresh"
// after a developer edited a source file: running stale code would be far worse than a slow start.
// The build records every file it read (esbuild's metafile inputs, plus package.json, the tsconfigs
// and the build scripts) with its size, mtime and SHA-256. A start stats each one: same size and same
// mtime means unchanged; a different mtime with the same size is settled by hashing that one file
// (a `touch`, a checkout that restored the same bytes); anything else means stale.
//
// Not covered: a new file that changes how an unchanged import resolves (adding `foo/index.ts` next
// to an existing `foo.ts`). Every other way to change the program edits or deletes a recorded file.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST_NAME = 'manifest.json';
const FORMAT = 1;

/** @typedef {{ size: number, mtimeMs: number, sha256: string }} FileStamp */
/** @typedef {{ format: number, entries: Record<string, string>, inputs: Record<string, FileStamp> }} Manifest */

/** @param {string} file */
function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Stamps the given files (paths relative to root, forward slashes).
 * @param {string} root
 * @param {Iterable<string>} files
 * @returns {Record<string, FileStamp>}
 */
export function stampFiles(root, files) {
  /** @type {Record<string, FileStamp>} */
  const out = {};
  for (const rel of [...new Set(files)].sort()) {
    const full = path.join(root, rel);
    const st = statSync(full);
    out[rel] = { size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(full) };
  }
  return out;
}

/**
 * @param {Record<string, string>} entries entry name → file inside the bundle folder
 * @param {Record<string, FileStamp>} inputs
 * @returns {Manifest}
 */
export function makeManifest(entries, inputs) {
  return { format: FORMAT, entries, inputs };
}

/**
 * The first recorded file that no longer matches, or null when every one does.
 * @param {string} root
 * @param {Record<string, FileStamp>} inputs
 * @returns {string | null}
 */
export function firstChangedInput(root, inputs) {
  for (const [rel, stamp] of Object.entries(inputs)) {
    const full = path.join(root, rel);
    let st;
    try {
      st = statSync(full);
    } catch {
      return rel;
    }
    if (st.size !== stamp.size) return rel;
    if (st.mtimeMs === stamp.mtimeMs) continue;
    try {
      if (sha256(full) !== stamp.sha256) return rel;
    } catch {
      return rel;
    }
  }
  return null;
}

/**
 * The absolute path of a bundled entry if the bundle in bundleDir is complete and was built from
 * exactly the files now in root; otherwise null, and the caller runs the sources instead.
 * @param {string} root repository root
 * @param {string} bundleDir e.g. <root>/dist/cli
 * @param {string} entry e.g. 'dbt-coach'
 * @returns {string | null}
 */
export function freshBundleEntry(root, bundleDir, entry) {
  /** @type {unknown} */
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path.join(bundleDir, MANIFEST_NAME), 'utf8'));
  } catch {
    return null;
  }
  if (!isManifest(parsed)) return null;
  const file = parsed.entries[entry];
  // Entry names come from our own build, but a hand-edited manifest must not point outside the folder.
  if (typeof file !== 'string' || file.includes('/') || file.includes('\\') || !file.endsWith('.mjs')) return null;
  const full = path.join(bundleDir, file);
  try {
    if (!statSync(full).isFile()) return null;
  } catch {
    return null;
  }
  return firstChangedInput(root, parsed.inputs) === null ? full : null;
}

/**
 * @param {unknown} m
 * @returns {m is Manifest}
 */
function isManifest(m) {
  if (typeof m !== 'object' || m === null) return false;
  const { format, entries, inputs } = /** @type {Record<string, unknown>} */ (m);
  if (format !== FORMAT || typeof entries !== 'object' || entries === null) return false;
  if (typeof inputs !== 'object' || inputs === null || Object.keys(inputs).length === 0) return false;
  return Object.entries(inputs).every(
    ([, s]) =>
      typeof s === 'object' &&
      s !== null &&
      typeof s.size === 'number' &&
      typeof s.mtimeMs === 'number' &&
      typeof s.sha256 === 'string',
  );
}

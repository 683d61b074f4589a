// Security audit of the Electron code with Electronegativity (@doyensec/electronegativity).
// Scans src/main and src/preload together (one run, so the global checks see the window guards in
// src/main/electron and the preload bridge at the same time), reads the CSV report and fails on any
// HIGH finding that is not in ACCEPTED below. Every accepted finding is explained in docs/security-audit.md.
//
// Offline by design: the check that downloads Electron's release list is excluded (clinic and CI
// machines have no internet) and the Electron version is taken from package.json instead of detected.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
// `--input <dir>` scans another folder instead (used to prove the gate fails on a known-bad window).
const inputFlag = process.argv.indexOf('--input');
const SCANNED = inputFlag > 0 ? [process.argv[inputFlag + 1]] : ['src/main', 'src/preload'];

/**
 * HIGH findings we accept, matched on check id + file (relative to the scanned folder). Keep in step with
 * docs/security-audit.md ("Accepted findings"), which gives the evidence for each one.
 */
const ACCEPTED = [
  {
    issue: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/electron/window.ts',
    reason:
      'webPreferences come from secureWebPreferences() (contextIsolation: true, sandbox: true); ' +
      'the scanner cannot follow the call. Asserted by src/main/electron/window.spec.ts.',
  },
];

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, commas inside quotes. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field.trim());
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '';
  const m = /\d+\.\d+\.\d+/.exec(range);
  if (!m) throw new Error('electron version not found in package.json');
  return m[0];
}

function main() {
  if (!existsSync(CLI)) {
    console.error('electronegativity is not installed (npm i).');
    process.exit(1);
  }
  // A copy without the specs: tests build deliberately unsafe fakes, and they are never shipped.
  const work = mkdtempSync(path.join(os.tmpdir(), 'dbt-eneg-'));
  const input = path.join(work, 'src');
  try {
    for (const dir of SCANNED) {
      cpSync(path.resolve(ROOT, dir), path.join(input, path.basename(dir)), {
        recursive: true,
        filter: (src) => !src.endsWith('.spec.ts'),
      });
    }
    const csv = path.join(work, 'report.csv');
    const args = [CLI, '-i', input, '-e', electronVersion(), '-x', 'AvailableSecurityFixesGlobalCheck'];
    const run = spawnSync(process.execPath, [...args, '-r', '-v', 'false', '-o', csv], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0' },
    });
    if (run.status !== 0 || !existsSync(csv)) {
      process.stderr.write(run.stdout + run.stderr);
      console.error(`electronegativity failed (exit ${run.status}) or wrote no report`);
      process.exit(1);
    }
    const raw = readFileSync(csv, 'utf8');
    if (process.env.ENEG_DEBUG) console.log(raw);
    // Fixed column order (issue, severity, confidence, filename, location, sample, description, url). The
    // tool writes its header and rows with separate unawaited appends, so the header row is found by content.
    const findings = parseCsv(raw)
      .filter((r) => r[0] !== 'issue' && r.length >= 7)
      .map((r) => ({
        issue: r[0],
        severity: r[1].toUpperCase(),
        confidence: r[2],
        file: r[3].replaceAll('\\', '/'),
        location: r[4],
        description: r[6],
      }));
    const accepted = (f) => ACCEPTED.find((a) => a.issue === f.issue && a.file === f.file);
    console.log(`Electronegativity (Electron ${electronVersion()}) over ${SCANNED.join(' + ')}:`);
    for (const f of findings) {
      const mark = f.severity === 'HIGH' ? (accepted(f) ? 'accepted' : 'FAIL') : 'note';
      console.log(`  [${mark}] ${f.severity}/${f.confidence} ${f.issue} ${f.file}:${f.location} ${f.description}`);
    }
    for (const a of ACCEPTED) {
      if (!findings.some((f) => accepted(f) === a))
        console.log(`  (accepted entry no longer reported: ${a.issue} ${a.file})`);
    }
    const blocking = findings.filter((f) => f.severity === 'HIGH' && !accepted(f));
    const high = findings.filter((f) => f.severity === 'HIGH').length;
    console.log(
      `${findings.length} findings, ${high} high, ${high - blocking.length} accepted, ${blocking.length} blocking`,
    );
    process.exit(blocking.length === 0 ? 0 : 1);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

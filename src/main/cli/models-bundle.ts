import { createInterface } from 'node:readline/promises';
import { ToolError, writeBundle } from '../api/index';
import type { BundleImportResult } from '../../shared/api';
import { UsageError } from './args';

/** `models bundle --key <pem> --out <folder> [--license <text>] <file.gguf>...`: no app data is touched. */
export async function bundleAction(files: string[], flags: { key?: string; out?: string; license?: string }) {
  if (!flags.key || !flags.out) throw new UsageError("'models bundle' needs --key <private key> and --out <folder>");
  if (files.length === 0) throw new UsageError("'models bundle' needs at least one .gguf file");
  try {
    const r = await writeBundle({
      privateKeyFile: flags.key,
      outDir: flags.out,
      files,
      license: flags.license,
      progress: (f, label) => f !== null && process.stderr.write(`\r${label} ${Math.round(f * 100)}%   `),
    });
    console.log(`\nBundle written to ${flags.out}: ${r.manifest.files.length} model(s), signed by ${r.fingerprint}`);
    return 0;
  } catch (e) {
    if (!(e instanceof ToolError)) throw e;
    console.error(`\n${e.code}: ${e.message}`);
    return 1;
  }
}

type Call = <T>(method: string, input: unknown) => Promise<T>;

/**
 * `models import-bundle <folder> [--trust <fingerprint>]`. Under a policy with clinic keys the signature
 * decides; otherwise the signer's fingerprint is shown and must be confirmed (typed "yes" at a terminal,
 * or given with --trust in scripts).
 */
export async function importBundleAction(call: Call, dir: string, trust: string | undefined, json: boolean) {
  let r = await call<BundleImportResult>('models.importBundle', { path: dir, confirmFingerprint: trust });
  if (r.state === 'needs-confirmation') {
    const files = r.files.map(
      (f) => `  ${f.name}  ${(f.size / 1024 ** 2).toFixed(1)} MB  ${f.license ?? 'no license'}`,
    );
    console.error([`This bundle is signed by the key with fingerprint:`, `  ${r.fingerprint}`, ...files].join('\n'));
    if (!process.stdin.isTTY || json) {
      console.error(`Compare it with the one your IT gave you, then run again with --trust "${r.fingerprint}".`);
      return 3;
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question('Does it match the fingerprint your IT gave you? Type yes to import: ');
    rl.close();
    if (answer.trim().toLowerCase() !== 'yes') return 3;
    r = await call<BundleImportResult>('models.importBundle', { path: dir, confirmFingerprint: r.fingerprint });
  }
  if (r.state !== 'imported') return 3;
  if (json) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(`\nImported: ${r.imported.join(', ') || 'nothing new'}`);
    if (r.alreadyInstalled.length) console.log(`Already installed: ${r.alreadyInstalled.join(', ')}`);
    if (r.ignored.length) console.log(`Ignored (not in the manifest): ${r.ignored.join(', ')}`);
  }
  return 0;
}

import { createApp, type App } from '../api/index';
import type { ModelInfo } from '../../shared/api';
import { formatHelp, parseFlags, UsageError } from './args';
import type { Command } from './command';
import { bundleAction, importBundleAction } from './models-bundle';

const FLAGS = {
  'data-dir': {
    type: 'string',
    help: 'Where your data lives (default: env DBT_COACH_DATA_DIR, else the OS app-data folder)',
  },
  json: { type: 'boolean', help: 'Print machine-readable JSON' },
  key: { type: 'string', help: 'bundle: the clinic private key (PEM from `dbt-coach keys generate-clinic`)' },
  out: { type: 'string', help: 'bundle: a new, empty folder to write the bundle to' },
  license: { type: 'string', help: 'bundle: license text for files without a <name>.json manifest' },
  trust: { type: 'string', help: 'import-bundle: the signer fingerprint you checked (when no policy names a key)' },
} as const;

const USAGE =
  'dbt-coach models list | import <file.gguf> | verify <id> | remove <id> | import-bundle <folder> [--trust <fp>]\n' +
  '                 [--data-dir <dir>] [--json]\n' +
  '       dbt-coach models bundle --key <private.pem> --out <folder> [--license <text>] <file.gguf>...';
const SUMMARY =
  'Manages on-device models. `import` copies a GGUF (e.g. from a USB stick) into the data folder,\n' +
  'checking its header and, when a <name>.json manifest sits next to it, its SHA-256.';

const mb = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MB`;
const params = (n: number | null) =>
  n === null ? '?' : n >= 1e9 ? `${(n / 1e9).toFixed(1)}B` : `${(n / 1e6).toFixed(1)}M`;

function describe(m: ModelInfo): string {
  return [
    `${m.id}  ${m.architecture}  ${params(m.parameterCount)} params  ${m.quantization}  ${mb(m.sizeBytes)}`,
    `  context ${m.contextLength ?? '?'}  ${m.verified ? 'verified' : 'unverified'}  fit: ${m.fit.verdict} (${m.fit.reason})`,
  ].join('\n');
}

async function call<T>(app: App, method: string, input: unknown): Promise<T> {
  const result = await app.dispatch(method, input, { transport: 'cli' });
  if (!result.ok) throw new CliFailure(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

class CliFailure extends Error {}

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List, import, verify or remove on-device models',
  async run(argv) {
    if (argv.includes('--help')) {
      console.log(formatHelp(USAGE, SUMMARY, FLAGS));
      return 0;
    }
    const { flags, rest } = parseFlags(argv, FLAGS);
    const [action, arg] = rest;
    if (!action || !['list', 'import', 'verify', 'remove', 'bundle', 'import-bundle'].includes(action))
      throw new UsageError('Say list, import, verify, remove, bundle or import-bundle');
    if (action === 'bundle') return bundleAction(rest.slice(1), flags);
    if (action !== 'list' && !arg)
      throw new UsageError(
        `'models ${action}' needs ${action === 'import' ? 'a file' : action === 'import-bundle' ? 'a folder' : 'a model id'}`,
      );
    const app = await createApp({ dataDir: flags['data-dir'] });
    const out = (value: unknown, text: string) => console.log(flags.json ? JSON.stringify(value, null, 2) : text);
    if (!flags.json && action !== 'list') {
      app.events.subscribe((name, payload) => {
        if (name !== 'progress') return;
        const p = payload as { fraction: number | null; label: string };
        if (p.fraction !== null) process.stderr.write(`\r${p.label} ${Math.round(p.fraction * 100)}%   `);
      });
    }
    try {
      if (action === 'list') {
        const models = await call<ModelInfo[]>(app, 'models.list', {});
        out(
          models,
          models.length
            ? models.map(describe).join('\n')
            : 'No models installed. Import one with `dbt-coach models import <file.gguf>`.',
        );
      } else if (action === 'import') {
        const m = await call<ModelInfo>(app, 'models.import', { path: arg });
        out(m, `\nImported:\n${describe(m)}`);
      } else if (action === 'import-bundle') {
        return await importBundleAction((m, i) => call(app, m, i), arg as string, flags.trust, !!flags.json);
      } else if (action === 'verify') {
        const r = await call<{ ok: boolean; sha256: string }>(app, 'models.verify', { id: arg });
        out(r, `\n${r.ok ? 'OK' : 'CHANGED'}  sha256 ${r.sha256}`);
        return r.ok ? 0 : 1;
      } else {
        const r = await call<{ removed: boolean }>(app, 'models.remove', { id: arg });
        out(r, r.removed ? `Removed ${arg}.` : `No model called ${arg}.`);
      }
      return 0;
    } catch (e) {
      if (!(e instanceof CliFailure)) throw e;
      console.error(`\n${e.message}`);
      return 1;
    } finally {
      await app.close();
    }
  },
};

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../api/index';
import { startServer, PortInUseError, type RunningServer } from '../server/index';
import { formatHelp, parseFlags, UsageError } from './args';
import type { Command } from './command';

/** A fixed default so the address is predictable; `--port 0` asks the OS for any free port. */
export const DEFAULT_PORT = 5217;

const FLAGS = {
  port: { type: 'string', help: `Port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 = any free port)` },
  'data-dir': {
    type: 'string',
    help: 'Where your data lives (default: env DBT_COACH_DATA_DIR, else the OS app-data folder)',
  },
  open: { type: 'boolean', help: 'Open the system browser (default); --no-open only prints the link' },
} as const;

const USAGE = 'dbt-coach serve [--port <n>] [--data-dir <dir>] [--no-open]';
const SUMMARY =
  'Runs DBT Coach in your browser. The server listens on 127.0.0.1 only and prints one link with a\n' +
  'one-launch token; open it to sign this browser in. Stop with Ctrl+C.';

/** The built renderer; DBT_COACH_RENDERER_DIR points elsewhere (tests, packaged layouts). */
function rendererDir(env: NodeJS.ProcessEnv): string {
  if (env.DBT_COACH_RENDERER_DIR) return path.resolve(env.DBT_COACH_RENDERER_DIR);
  return fileURLToPath(new URL('../../../dist/renderer/browser', import.meta.url));
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--port must be a number from 0 to 65535`);
  return Number(raw);
}

/** Opens the URL without a shell; failures only mean the person copies the printed link. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => console.error('Could not open a browser; open the link above yourself.'));
    child.unref();
  } catch {
    console.error('Could not open a browser; open the link above yourself.');
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the app in your browser (loopback only)',
  async run(argv) {
    if (argv.includes('--help')) {
      console.log(formatHelp(USAGE, SUMMARY, FLAGS));
      return 0;
    }
    const { flags, rest } = parseFlags(argv, FLAGS);
    if (rest.length > 0) throw new UsageError(`Unexpected argument '${rest[0]}'`);
    const port = parsePort(flags.port);
    const staticDir = rendererDir(process.env);
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      console.error(`The app has not been built yet (no ${staticDir}). Run \`npm run build:renderer\` first.`);
      return 1;
    }
    const dataDir = flags['data-dir'];
    // Listen first; the server loads the services (vault, store, model runtime…) once the browser
    // has the page (see ServicesStart). The page needs none until its first call, which waits.
    let servicesFailed: (error: unknown) => void = () => undefined;
    const failure = new Promise<unknown>((resolve) => (servicesFailed = resolve));
    let services: Promise<App> | undefined;
    const loadServices = (): Promise<App> => {
      if (!services) {
        services = import('../api/index').then(({ createApp, resolveDataDir }) =>
          createApp({ dataDir: resolveDataDir(dataDir, process.env) }),
        );
        services.catch(servicesFailed);
      }
      return services;
    };
    let server: RunningServer;
    try {
      server = await startServer({ app: loadServices, staticDir, port });
    } catch (error) {
      if (error instanceof PortInUseError) {
        console.error(
          `Port ${port} is already in use. Stop the other program or choose another with --port (0 = any free port).`,
        );
        return 1;
      }
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      console.error(`Could not start the server on port ${port} (${code}).`);
      return 1;
    }
    console.log(`DBT Coach is running at ${server.url}`);
    if (flags.open !== false) openBrowser(server.url);
    // Signals are handled from here on, even while the services are still starting.
    const stopped = waitForSignal(async () => {
      await server.close();
      // Services that never started (nobody opened the page) have nothing to close.
      await services?.then(
        (app) => app.close(),
        () => undefined,
      );
    });
    const outcome = await Promise.race([stopped.then((code) => ({ code })), failure.then((error) => ({ error }))]);
    if ('code' in outcome) return outcome.code;
    await server.close();
    const code = (outcome.error as NodeJS.ErrnoException | undefined)?.code;
    console.error(
      `DBT Coach could not start its services${code ? ` (${code})` : ''}. Check that --data-dir is writable.`,
    );
    return 1;
  },
};

/** Resolves with exit code 0 after a clean shutdown on SIGINT/SIGTERM; a second signal forces exit. */
function waitForSignal(shutdown: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (): void => {
      if (stopping) process.exit(130);
      stopping = true;
      shutdown().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

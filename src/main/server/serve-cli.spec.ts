// The `serve` command as a person runs it: a child process, its one output line, its exit codes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeStaticDir, rawGet } from './test-support';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'dbt-coach.mjs');

function serve(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, DBT_COACH_RENDERER_DIR: makeStaticDir().root, ...env },
  });
}

function collect(child: ChildProcessWithoutNullStreams): {
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
} {
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { out: () => out, err: () => err, exit };
}

function urlLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^DBT Coach is running at (http:\/\/\S+)$/m.exec(buf);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`serve exited before printing its URL`)));
  });
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

describe('dbt-coach serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints one URL line with the token, serves on 127.0.0.1 and shuts down cleanly on %s',
    async (signal) => {
      const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dbt-cli-')), 'data');
      const child = serve(['--port', '0', '--no-open'], { DBT_COACH_DATA_DIR: dataDir });
      const io = collect(child);
      const url = new URL(await urlLine(child));
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);
      const port = Number(url.port);
      expect((await rawGet(port, `/?token=${url.searchParams.get('token')}`)).status).toBe(303);
      child.kill(signal);
      expect(await io.exit).toBe(0);
      expect(io.out().trim().split('\n')).toHaveLength(1);
      expect(io.err()).toBe('');
      expect(await portOpen(port)).toBe(false);
    },
  );

  it('says the port is in use in one line, exits 1, and shows no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const io = collect(
      serve(['--port', String(port), '--no-open', '--data-dir', mkdtempSync(path.join(os.tmpdir(), 'd-'))]),
    );
    expect(await io.exit).toBe(1);
    await new Promise((r) => blocker.close(r));
    expect(io.err()).toMatch(new RegExp(`Port ${port} is already in use`));
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).not.toMatch(/\bat .+:\d+:\d+/);
    expect(io.out()).toBe('');
  });

  it('says so in one line when the data folder cannot be created', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dbt-file-')), 'a-file');
    writeFileSync(file, '');
    const io = collect(serve(['--port', '0', '--no-open', '--data-dir', path.join(file, 'data')]));
    expect(await io.exit).toBe(1);
    expect(io.err()).toMatch(/could not start its services \(ENOTDIR\)/);
    expect(io.err()).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('tells the person to build the renderer when it is missing', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-dist-'));
    const io = collect(serve(['--no-open', '--data-dir', empty], { DBT_COACH_RENDERER_DIR: empty }));
    expect(await io.exit).toBe(1);
    expect(io.err()).toContain('npm run build:renderer');
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--bogus']])(
    'rejects bad options %s with exit 2',
    async (...args) => {
      const io = collect(serve(args));
      expect(await io.exit).toBe(2);
      expect(io.err()).toMatch(/--help/);
    },
  );

  it('documents its flags in --help', async () => {
    const io = collect(serve(['--help']));
    expect(await io.exit).toBe(0);
    for (const flag of ['--port', '--data-dir', '--no-open', '--help']) expect(io.out()).toContain(flag);
  });
});

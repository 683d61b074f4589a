// Test helper: a throwaway PostgreSQL 15 cluster on a loopback port (Debian's binaries). initdb refuses
// to run as root, so when we are root the cluster belongs to the `postgres` system user via runuser.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN = process.env.RELAY_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  port: number;
  logFile: string;
  /** Superuser URL of a fresh database. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  log(): string;
}

export function pgAvailable(): boolean {
  return existsSync(path.join(BIN, 'initdb'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function asOwner(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const r = root
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr || r.stdout}`);
}

export async function startPgCluster(extraConf: string[] = []): Promise<PgCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relay-pg-'));
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  asOwner(path.join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const opts = [`-p ${port}`, `-k ${dir}`, `-c listen_addresses=127.0.0.1`, '-c fsync=off', ...extraConf].join(' ');
  asOwner(path.join(BIN, 'pg_ctl'), ['-D', data, '-l', logFile, '-o', opts, '-w', 'start']);
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    logFile,
    async createDatabase(name) {
      const c = new pg.Client(admin);
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        asOwner(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    log: () => readFileSync(logFile, 'utf8'),
  };
}

/** Skip reason when PostgreSQL is missing outside CI; in CI a missing PostgreSQL is a failure. */
export function pgSkipReason(): string | null {
  if (pgAvailable()) return null;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL binaries not found in ${BIN}`);
  return `PostgreSQL binaries not found in ${BIN}; real-PostgreSQL tests skipped`;
}

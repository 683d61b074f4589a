import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from './open';
import { openStore } from './store';
import { freshStore, tempDir } from './test-util';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kill-writer.fixture.ts');
const ROUNDS = 50;

let t: ReturnType<typeof tempDir>;
let writer: string;
beforeAll(() => {
  t = tempDir('dbt-kill9-');
  // Bundled once so each of the 50 children starts as plain node (tsx start-up dominated the run).
  writer = path.join(t.dir, 'writer.cjs');
  buildSync({
    entryPoints: [FIXTURE],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3-multiple-ciphers'],
    logLevel: 'silent',
  });
});
afterAll(() => t.cleanup());

/** Runs the writer, kills it with SIGKILL a random while after it is ready, returns the ids it reported. */
function runAndKill(file: string, hex: string, conversationId: string, round: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, hex, conversationId, `r${round}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    });
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      if (!timer && buffer.startsWith('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), 5 + Math.floor(Math.random() * 150));
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited without being killed (${signal})`));
      // Only whole lines count: a line cut by the kill was never fully reported.
      const lines = buffer.split('\n').slice(0, -1);
      resolve(lines.filter((l) => l.startsWith('ok ')).map((l) => l.slice(3)));
    });
  });
}

describe('kill -9 while writing', () => {
  it(`keeps every reported commit and a clean database across ${ROUNDS} kills`, async () => {
    const { store, key, file } = freshStore(t.dir);
    const conversationId = store.createConversation({ title: 'kill test' }).id;
    store.close();
    const hex = key.toString('hex');
    const reported: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      reported.push(...(await runAndKill(file, hex, conversationId, round)));
      const reopened = openStore({ file, dataKey: key }); // runs quick_check and WAL checks itself
      try {
        expect(checkIntegrity(reopened.db)).toBe(true);
        const present = new Set(
          (reopened.db.prepare('SELECT id FROM messages').all() as Array<{ id: string }>).map((r) => r.id),
        );
        const missing = reported.filter((id) => !present.has(id));
        expect(missing).toEqual([]);
      } finally {
        reopened.close();
      }
    }
    expect(reported.length).toBeGreaterThan(ROUNDS);
  }, 240_000);
});

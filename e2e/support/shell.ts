/// <reference lib="dom" />
// A browser shell the audit specs fully control: their own data dir, TMPDIR, fast test KDF, and every
// byte the server writes to stdout/stderr kept for inspection (the canary sweep searches it).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const PASSPHRASE = 'seven quiet herons fold the map at dawn';

export interface OwnShell {
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  readonly tmpDir: string;
  /** Everything the server printed so far (stdout then stderr), as raw bytes. */
  logs(): Buffer;
  /** SIGTERM and wait for the exit: the same as quitting the app. */
  stop(): Promise<void>;
  /** Deletes the data dir, TMPDIR and anything else under the shell's base folder (after stop). */
  remove(): void;
}

/** Starts `dbt-coach serve` with DBT_COACH_TEST_KDF=floor (Argon2id at the RFC 9106 floor, no calibration). */
export async function startOwnShell(base = mkdtempSync(path.join(os.tmpdir(), 'dbt-audit-'))): Promise<OwnShell> {
  const dataDir = path.join(base, 'data');
  const tmpDir = path.join(base, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'dbt-coach.mjs'), 'serve', '--port', '0', '--no-open', '--data-dir', dataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DBT_COACH_TEST_KDF: 'floor', TMPDIR: tmpDir, TMP: tmpDir, TEMP: tmpDir },
    },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stderr?.on('data', (d: Buffer) => err.push(d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out.push(d);
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/.exec(Buffer.concat(out).toString());
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${Buffer.concat(err).toString()}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    tmpDir,
    logs: () => Buffer.concat([...out, ...err]),
    remove: () => rmSync(base, { recursive: true, force: true }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One contract call over the page's own WebSocket (same origin, same session cookie), as the app makes it. */
export async function callApi(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    ({ method, input }) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ws`);
        ws.onerror = () => reject(new Error('socket error'));
        ws.onopen = () => ws.send(JSON.stringify({ kind: 'call', id: 1, method, input }));
        ws.onmessage = (m) => {
          const frame = JSON.parse(String(m.data)) as { kind: string; id?: number; result?: unknown };
          if (frame.kind === 'result' && frame.id === 1) {
            ws.close();
            resolve(frame.result);
          }
        };
      }),
    { method, input },
  );
}

/** Onboards through the UI (label, passphrase twice, recovery sheet) and lands on the chat. */
export async function onboardThroughUi(page: Page, origin: string, label: string): Promise<void> {
  await page.goto(`${origin}/onboarding`);
  await page.getByLabel('Key label').fill(label);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Recovery sheet' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'I have kept my recovery code' }).click();
  await expect(page).toHaveURL(`${origin}/chat`);
}

/** Makes sure a vault with this label exists and is unlocked (creating it through the contract if needed). */
export async function ensureUnlocked(page: Page, origin: string, label: string): Promise<void> {
  const status = (await callApi(page, 'vault.status', {})) as { ok: boolean; value?: { unlocked: boolean } };
  if (status.value?.unlocked) return;
  const list = (await callApi(page, 'vault.list', {})) as { ok: boolean; value?: unknown };
  const exists = JSON.stringify(list.value ?? '').includes(label);
  const r = exists
    ? await callApi(page, 'vault.unlock', { label, passphrase: PASSPHRASE })
    : await callApi(page, 'vault.create', { label, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  expect(r).toMatchObject({ ok: true });
  await page.goto(`${origin}/chat`);
}

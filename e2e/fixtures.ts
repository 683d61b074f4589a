import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

/** The main navigation's screens: link name (accessible name) → path → the page's level-1 heading. */
export const SCREENS = [
  { name: 'Chat', path: '/chat', slug: 'chat' },
  { name: 'Diary card', path: '/diary', slug: 'diary-card' },
  { name: 'Skills', path: '/skills', slug: 'skills' },
  { name: 'Safety plan', path: '/safety-plan', slug: 'safety-plan' },
  { name: 'Settings', path: '/settings', slug: 'settings' },
] as const;

export interface Shell {
  /** The URL line the server printed, token included. */
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
}

/** Starts `dbt-coach serve` as a person would and resolves once it printed its URL line. */
async function startShell(): Promise<{ shell: Shell; child: ChildProcess }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dbt-e2e-'));
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'dbt-coach.mjs'), 'serve', '--port', '0', '--no-open', '--data-dir', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`dbt-coach serve exited (${code}) before printing its URL: ${stderr}`)),
    );
  });
  return { shell: { url, origin: new URL(url).origin, dataDir }, child };
}

async function stopShell(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** Saves a full-page screenshot as a test artifact (test-results/screenshots/<name>.png). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const test = base.extend<{ cspViolations: string[] }, { shell: Shell }>({
  // One server per worker (workers: 1), each with a fresh data folder.
  shell: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
    async ({}, use) => {
      const { shell, child } = await startShell();
      try {
        await use(shell);
      } finally {
        await stopShell(child, shell.dataDir);
      }
    },
    { scope: 'worker' },
  ],
  // Filled by the page fixture from the very first load on, so tests can assert the CSP broke nothing.
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
  cspViolations: async ({}, use) => {
    await use([]);
  },
  // Every test starts signed in: the token URL is exchanged for the session cookie, then the app loads.
  page: async ({ page, shell, cspViolations }, use) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await page.goto(shell.url);
    await expect(page).toHaveURL(new RegExp(`^${shell.origin}/`));
    await use(page);
  },
});

export { expect };

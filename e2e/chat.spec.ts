import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import { expect, saveScreenshot } from './fixtures';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODEL = process.env.DBT_COACH_TEST_MODEL ?? path.resolve(ROOT, '../shared/models/llama-2-tiny-random.gguf');
const LABEL = 'e2e-chat';
const PASSPHRASE = 'quiet river lantern 47 meadow!';

function requireModel(): void {
  if (existsSync(MODEL)) return;
  if (process.env.CI === 'true') throw new Error(`The tiny test model is missing: ${MODEL}`);
  base.skip(true, `tiny test model not found at ${MODEL} (set DBT_COACH_TEST_MODEL)`);
}

/** Same-origin navigation (the config has no baseURL: each server picks its own port). */
async function go(page: Page, to: string): Promise<void> {
  await page.goto(new URL(to, page.url()).href);
}

/** One contract call over the browser shell's own WebSocket (the page holds the session cookie). */
async function rpc(page: Page, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  return page.evaluate(
    async ([m, i]) => {
      const ws = new WebSocket(`ws://${location.host}/api/ws`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const result = await new Promise<{ ok: boolean; value?: unknown }>((resolve) => {
        ws.onmessage = (e) => {
          const frame = JSON.parse(String(e.data));
          if (frame.kind === 'result' && frame.id === 1) resolve(frame.result);
        };
        ws.send(JSON.stringify({ kind: 'call', id: 1, method: m, input: i }));
      });
      ws.close();
      return result;
    },
    [method, input] as const,
  );
}

/** Onboarding is the vault screens' job; here a vault is made through the contract to get to chat fast. */
async function createVault(page: Page): Promise<void> {
  const r = await rpc(page, 'vault.create', { label: LABEL, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  expect(r.ok, 'vault.create').toBe(true);
}

async function importModelInSettings(page: Page): Promise<void> {
  await go(page, '/settings');
  await page.getByLabel('Path to a .gguf file on this computer').fill(MODEL);
  // The single-file import (the bundle import beside it has its own Import button).
  await page.getByRole('button', { name: 'Import', exact: true }).and(page.locator(':not(app-import-form *)')).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Models' })).toBeVisible();
  await expect(page.getByText(/^Imported /)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('llama', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'chat-settings-models');
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Message your coach');
  await box.fill(text);
  await box.press('Enter');
}

/** A browser shell of our own, so the test can stop it and start another on the same data folder. */
async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'dbt-coach.mjs'), 'serve', '--port', '0', '--no-open', '--data-dir', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`dbt-coach serve exited (${code}) before printing its URL`)));
  });
  return { url, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

base.describe('chat on the tiny local model', () => {
  base.setTimeout(300_000);

  base('import → send → stream → stop → regenerate → history survives a restart', async ({ page }) => {
    requireModel();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dbt-e2e-chat-'));
    let server = await startServer(dataDir);
    try {
      await page.goto(server.url);
      await createVault(page);
      await importModelInSettings(page);

      await go(page, '/chat');
      await send(page, 'Hello coach, can we practise a skill?');
      const reply = page
        .locator('app-message-item')
        .filter({ has: page.locator('.badge') })
        .last();
      await expect(reply.locator('.badge')).toHaveText('Local');
      // Streamed tokens arrive in the reply while it is still being written.
      await expect(reply.locator('.md')).not.toBeEmpty({ timeout: 120_000 });
      const stop = page.getByRole('button', { name: 'Stop', exact: true });
      // The tiny model may finish between the check and the click; a short click timeout keeps that race harmless.
      if (await stop.isVisible()) await stop.click({ timeout: 2_000 }).catch(() => undefined);
      await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible({ timeout: 60_000 });
      await saveScreenshot(page, 'chat-stopped');

      await reply.getByRole('button', { name: 'Regenerate' }).click();
      await expect(reply.locator('.md')).not.toBeEmpty({ timeout: 120_000 });
      await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible({ timeout: 120_000 });
      await saveScreenshot(page, 'chat-regenerated');

      await stopServer(server.child);
      server = await startServer(dataDir);
      await page.goto(server.url);
      const unlocked = await rpc(page, 'vault.unlock', { label: LABEL, passphrase: PASSPHRASE });
      expect(unlocked.ok, 'vault.unlock').toBe(true);
      await go(page, '/chat');
      const conversations = page.getByRole('navigation', { name: 'Conversations' });
      await conversations.locator('button.open').first().click();
      await expect(
        page.getByRole('log', { name: 'Conversation' }).getByText('Hello coach, can we practise a skill?'),
      ).toBeVisible();
      await expect(page.locator('app-message-item .badge').first()).toBeVisible();
      await saveScreenshot(page, 'chat-after-restart');
    } finally {
      await stopServer(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// Its own server too: the worker's shared shell may already hold other specs' vaults.
base.describe('crisis safety view', () => {
  base.setTimeout(180_000);

  base('a crisis message opens the full-screen safety view and no model text is shown', async ({ page }) => {
    requireModel();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dbt-e2e-crisis-'));
    const server = await startServer(dataDir);
    try {
      await page.goto(server.url);
      await crisisFlow(page);
    } finally {
      await stopServer(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function crisisFlow(page: Page): Promise<void> {
  await createVault(page);
  // A model is ready, so the only reason no model text appears is the safety layer.
  const imported = await rpc(page, 'models.import', { path: MODEL });
  expect(imported.ok, 'models.import').toBe(true);

  await go(page, '/chat');
  await send(page, 'i want to kill myself tonight, i have the pills ready');
  const view = page.getByRole('dialog', { name: "You don't have to get through this alone" });
  await expect(view).toBeVisible();
  await expect(view.getByText('People you can reach now')).toBeVisible();
  await expect(view.locator('a[href^="tel:"]').first()).toBeVisible();
  await saveScreenshot(page, 'crisis-view');

  // One accidental key press or tap does not dismiss it.
  await page.keyboard.press('Escape');
  await expect(view).toBeVisible();
  await expect(view.getByRole('button', { name: 'Return to the app' })).toBeDisabled();

  await view.getByRole('checkbox', { name: "I'm safe right now" }).check();
  await view.getByRole('button', { name: 'Return to the app' }).click();
  await expect(view).toBeHidden();

  // The only reply is the fixed safety message: badged Safety, never Local, never streamed.
  const replies = page.locator('app-message-item .badge');
  await expect(replies).toHaveCount(1);
  await expect(replies.first()).toHaveText('Safety');
  await saveScreenshot(page, 'crisis-after');
}

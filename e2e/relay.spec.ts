// Desktop to relay, end to end in the browser shell: a real relay (PGlite in memory) and the fake
// OpenAI-compatible upstream run in a helper process on loopback, and this spec's own `dbt-coach serve`
// chats through them: relay address in Settings, Relay as the provider, the preview-and-confirm step,
// the streamed reply badged Relay, the crisis layer still first (the upstream is never called for it),
// and the encrypted backup restored from the relay.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import { expect, saveScreenshot } from './fixtures';
import { callApi, PASSPHRASE, startOwnShell, type OwnShell } from './support/shell';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LABEL = 'e2e-relay';

/** The relay and the fake upstream in one child process; it answers "calls" with the upstream's call count. */
const HELPER = `
const { startFakeUpstream } = await import(${JSON.stringify(path.join(ROOT, 'src/relay/testing/fake-upstream.ts'))});
const { startTestRelay } = await import(${JSON.stringify(path.join(ROOT, 'src/relay/testing/test-relay.ts'))});
const up = await startFakeUpstream();
const relay = await startTestRelay(up.url);
const history = async () => Number((await relay.db.query('SELECT count(*)::int AS n FROM history'))[0].n);
console.log(JSON.stringify({ relay: relay.url }));
const rl = (await import('node:readline')).createInterface({ input: process.stdin });
rl.on('line', async () => console.log(JSON.stringify({ calls: up.calls, history: await history() })));
rl.on('close', async () => { await relay.close(); await up.close(); process.exit(0); });
`;

interface Stack {
  readonly relayUrl: string;
  counts(): Promise<{ calls: number; history: number }>;
  stop(): Promise<void>;
}

async function startStack(): Promise<Stack> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', HELPER], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const first = await Promise.race([
    next(),
    new Promise<never>((_, reject) => child.once('exit', (c) => reject(new Error(`relay helper exited (${c})`)))),
  ]);
  const { relay } = JSON.parse(first) as { relay: string };
  return {
    relayUrl: relay,
    counts: async () => {
      const answer = next();
      child.stdin!.write('calls\n');
      return JSON.parse(await answer) as { calls: number; history: number };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.end();
      await exited;
    },
  };
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Message your coach');
  await box.fill(text);
  await box.press('Enter');
}

base.describe('desktop to relay', () => {
  base.setTimeout(180_000);
  let stack: Stack;
  let shell: OwnShell;

  base.beforeAll(async () => {
    stack = await startStack();
    shell = await startOwnShell();
  });
  base.afterAll(async () => {
    await shell?.stop();
    shell?.remove();
    await stack?.stop();
  });

  base('chats through the relay with the Relay badge; crisis stays local; backup restores', async ({ page }) => {
    await page.goto(shell.url);
    const created = await callApi(page, 'vault.create', {
      label: LABEL,
      passphrase: PASSPHRASE,
      confirmPassphrase: PASSPHRASE,
    });
    expect(created).toMatchObject({ ok: true });

    // Settings: the relay address, the encrypted backup, and Relay as the provider for new conversations.
    await page.goto(`${shell.origin}/settings`);
    await page.getByLabel('Relay address').fill(stack.relayUrl);
    await page.getByRole('button', { name: 'Save relay' }).click();
    await expect(page.getByText('Relay saved.')).toBeVisible();
    const backup = page.getByTestId('relay-backup-toggle');
    await expect(backup.getByRole('switch')).toBeEnabled();
    await backup.getByRole('switch').click();
    await expect(page.getByTestId('relay-backup-status')).toHaveText(/Backup on/);
    await page.getByRole('radio', { name: /^Relay/ }).check();
    await expect(page.getByText('Default saved.')).toBeVisible();
    await saveScreenshot(page, 'relay-settings');

    // The first message of a conversation waits for the preview-and-confirm step.
    await page.goto(`${shell.origin}/chat`);
    await send(page, 'Hello through the relay');
    const confirm = page.getByRole('dialog', { name: /Send this conversation to/ });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText(new URL(stack.relayUrl).host);
    await saveScreenshot(page, 'relay-confirm');
    expect((await stack.counts()).calls).toBe(0);
    await confirm.getByRole('button', { name: 'Send', exact: true }).click();

    const reply = page
      .locator('app-message-item')
      .filter({ has: page.locator('.badge') })
      .last();
    await expect(reply.locator('.badge')).toHaveText('Relay', { timeout: 30_000 });
    await expect(reply).toContainText('reply to: Hello through the relay', { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible({ timeout: 30_000 });
    await saveScreenshot(page, 'relay-reply');
    const after = await stack.counts();
    expect(after).toEqual({ calls: 1, history: 1 });

    // The safety layer runs before any provider: a crisis message never reaches the relay or the model.
    await send(page, 'i want to kill myself tonight, i have the pills ready');
    const view = page.getByRole('dialog', { name: "You don't have to get through this alone" });
    await expect(view).toBeVisible();
    await saveScreenshot(page, 'relay-crisis');
    expect(await stack.counts()).toEqual(after);
    await view.getByRole('checkbox', { name: "I'm safe right now" }).check();
    await view.getByRole('button', { name: 'Return to the app' }).click();
    await expect(view).toBeHidden();

    // Restore: the exchange is already here, so nothing is added (restoring is idempotent).
    await page.goto(`${shell.origin}/settings`);
    await page.getByTestId('relay-restore').click();
    await expect(page.getByTestId('relay-backup-status')).toHaveText(/already here/, { timeout: 30_000 });
    await saveScreenshot(page, 'relay-restore');

    // Lost on this device (as on a new one): the restore brings the conversation back from the sealed backup.
    const listed = (await callApi(page, 'history.listByDay', { tzOffsetMinutes: 0 })) as {
      value: { days: { conversations: { id: string }[] }[] };
    };
    const ids = listed.value.days.flatMap((d) => d.conversations.map((c) => c.id));
    expect(ids).toHaveLength(1);
    expect(await callApi(page, 'history.deleteConversation', { id: ids[0] })).toMatchObject({ ok: true });
    await page.getByTestId('relay-restore').click();
    await expect(page.getByTestId('relay-backup-status')).toHaveText(/Restored 1 exchange \(1 new conversation\)/, {
      timeout: 30_000,
    });
    await page.goto(`${shell.origin}/chat`);
    await page.getByRole('navigation', { name: 'Conversations' }).locator('button.open').first().click();
    const log = page.getByRole('log', { name: 'Conversation' });
    await expect(log.getByText('Hello through the relay', { exact: true })).toBeVisible();
    await expect(log.getByText('reply to: Hello through the relay')).toBeVisible();
    await saveScreenshot(page, 'relay-restored-conversation');
    expect(shell.logs().includes(Buffer.from('Hello through the relay'))).toBe(false);
  });
});

/// <reference lib="dom" />
// Issue 4, "delete all history" in the browser: Settings → Security, two-step confirmation with the
// passphrase, then the new recovery sheet; the history is empty, old backups are gone and the passphrase
// still opens the vault.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { callApi, PASSPHRASE, startOwnShell, type OwnShell } from './support/shell';

const LABEL = 'Delete history vault';
let shell: OwnShell;
let page: Page;

test.setTimeout(180_000);
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  shell = await startOwnShell();
  page = await (await browser.newContext()).newPage();
  await page.goto(shell.url);
});

test.afterAll(async () => {
  await page?.context().close();
  await shell?.stop();
  shell?.remove();
});

test('delete all history from Settings → Security shows a new recovery sheet and leaves an empty history', async () => {
  const created = (await callApi(page, 'vault.create', {
    label: LABEL,
    passphrase: PASSPHRASE,
    confirmPassphrase: PASSPHRASE,
  })) as { ok: boolean; value: { recoveryCode: string } };
  expect(created.ok).toBe(true);
  expect(await callApi(page, 'history.setSetting', { key: 'e2e.marker', value: 'kept until deleted' })).toMatchObject({
    ok: true,
  });
  const backup = (await callApi(page, 'history.backupNow', {})) as { ok: boolean; value: { name: string } };
  expect(backup.ok).toBe(true);

  await page.goto(`${shell.origin}/settings`);
  const panel = page.locator('app-delete-history');
  await panel.getByRole('button', { name: 'Delete all history…' }).click();
  await expect(panel.getByText('This cannot be undone.')).toBeVisible();
  const del = panel.getByRole('button', { name: 'Delete all history', exact: true });
  await panel.getByLabel('Passphrase', { exact: true }).fill('not the passphrase of this vault');
  await panel.getByRole('checkbox', { name: /I understand/ }).check();
  await del.click();
  await expect(panel.getByRole('alert').filter({ hasText: 'did not open this vault' })).toBeVisible({
    timeout: 60_000,
  });
  expect(await callApi(page, 'history.getSetting', { key: 'e2e.marker' })).toMatchObject({
    ok: true,
    value: { value: 'kept until deleted' },
  });

  await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await del.click();
  await expect(panel.getByText('Your old recovery code no longer works')).toBeVisible({ timeout: 60_000 });
  const code = (await panel.getByLabel('Recovery code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  expect(code).not.toBe(created.value.recoveryCode);

  expect(await callApi(page, 'history.getSetting', { key: 'e2e.marker' })).toMatchObject({
    ok: true,
    value: { value: null },
  });
  const backups = (await callApi(page, 'history.listBackups', {})) as { value: { backups: { name: string }[] } };
  expect(backups.value.backups.map((b) => b.name)).not.toContain(backup.value.name);
  const vaults = path.join(shell.dataDir, 'vaults');
  for (const id of readdirSync(vaults)) expect(readdirSync(path.join(vaults, id))).not.toContain('.rekey-pending');

  // Locking sends the app to the unlock screen, a navigation that can cut the call's own reply short.
  await callApi(page, 'vault.lock', {}).catch(() => undefined);
  await page.waitForURL(/\/unlock/);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  expect(await callApi(page, 'vault.status', {})).toMatchObject({ ok: true, value: { unlocked: false } });
  expect(await callApi(page, 'vault.unlock', { label: LABEL, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
});

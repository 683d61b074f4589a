import { expect, saveScreenshot, test } from './fixtures';
import { callApi } from './support/shell';

const LABEL = 'E2E vault';
const PASSPHRASE = 'seven quiet herons fold the map at dawn';

test('onboard → lock → wrong passphrase → unlock → auto-lock after a shortened timeout', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await page.goto(`${shell.origin}/onboarding`);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up DBT Coach' })).toBeVisible();
  await page.getByLabel('Key label').fill(LABEL);
  await page.getByLabel('Passphrase', { exact: true }).fill('password');
  await expect(page.getByText('Use at least 15 characters.')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  const create = page.getByRole('button', { name: 'Create vault' });
  await expect(create).toBeEnabled();
  await saveScreenshot(page, 'vault-onboarding');
  await create.click();

  // Calibration and the first derivation run now; the recovery sheet follows.
  await expect(page.getByRole('heading', { name: 'Recovery sheet' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Recovery code')).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await page.getByRole('button', { name: 'I have kept my recovery code' }).click();
  await expect(page).toHaveURL(`${shell.origin}/chat`);

  // Lock from the toolbar: the app reloads at the unlock screen.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page).toHaveURL(`${shell.origin}/unlock`);
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock DBT Coach' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toHaveCount(0);
  // Other specs' vaults may share this shell; the list is alphabetical and nothing remembers who used it last.
  await page.getByRole('radio', { name: LABEL }).check();
  await expect(page.getByRole('radio', { name: LABEL })).toBeChecked();

  await page.getByLabel('Passphrase', { exact: true }).fill('this is not the right passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByText('That passphrase did not open this vault.')).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(page, 'vault-unlock-wrong');

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page).toHaveURL(`${shell.origin}/chat`, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();

  // Locked screens are not reachable: wait for the idle timeout (shortened through the contract).
  expect(await callApi(page, 'vault.setAutoLock', { seconds: 5 })).toEqual({ ok: true, value: { seconds: 5 } });
  await expect(page).toHaveURL(`${shell.origin}/unlock`, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock DBT Coach' })).toBeVisible();
  await page.goto(`${shell.origin}/diary`);
  await expect(page).toHaveURL(`${shell.origin}/unlock`);

  // Leave the shared shell as we found it: unlock, then delete the vault by typing its label.
  await page.getByRole('radio', { name: LABEL }).check();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page).toHaveURL(`${shell.origin}/chat`, { timeout: 30_000 });
  expect(await callApi(page, 'vault.setAutoLock', { seconds: 900 })).toMatchObject({ ok: true });
  await page.goto(`${shell.origin}/settings`);
  await expect(page.getByRole('heading', { name: 'Security' })).toBeVisible();
  await saveScreenshot(page, 'vault-settings-security');
  await page.getByLabel('Type the key label to confirm').fill(LABEL);
  await page.getByRole('button', { name: 'Delete vault' }).click();
  await expect(page).toHaveURL(`${shell.origin}/unlock`);
  // Other specs share this shell and may have left their own vaults; this one's label must be gone.
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock DBT Coach' })).toBeVisible();
  await expect(page.getByRole('radio', { name: LABEL })).toHaveCount(0);
  const list = (await callApi(page, 'vault.list', {})) as { ok: boolean; value: { vaults: { label: string }[] } };
  expect(list.ok).toBe(true);
  expect(list.value.vaults.map((v) => v.label)).not.toContain(LABEL);
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, saveScreenshot, test } from './fixtures';
import { callApi, ensureUnlocked } from './support/shell';

// Issue 4 in the browser: a conversation is found by full-text search inside the encrypted store,
// and a backup is made and restored from Settings → Backups.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODEL = process.env.DBT_COACH_TEST_MODEL ?? path.resolve(ROOT, '../shared/models/llama-2-tiny-random.gguf');
const WORD = 'periwinkle';

test.setTimeout(240_000);

test('search finds a message and a backup restores from Settings', async ({ page, shell }) => {
  if (!existsSync(MODEL)) {
    if (process.env.CI === 'true') throw new Error(`The tiny test model is missing: ${MODEL}`);
    test.skip(true, `tiny test model not found at ${MODEL}`);
  }
  await ensureUnlocked(page, shell.origin, 'e2e-history');
  const listed = (await callApi(page, 'models.list', {})) as { ok: boolean; value: { id: string }[] };
  if (listed.value.length === 0) {
    const imported = (await callApi(page, 'models.import', { path: MODEL })) as { ok: boolean; value: { id: string } };
    expect(imported).toMatchObject({ ok: true });
    await callApi(page, 'models.select', { id: imported.value.id });
  }
  const sent = await callApi(page, 'chat.send', { text: `My ${WORD} notebook helps me keep track.` });
  expect(sent).toMatchObject({ ok: true, value: { state: 'started' } });

  await page.goto(`${shell.origin}/chat`);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByLabel('Search your history').fill(WORD);
  await page.getByLabel('Search your history').press('Enter');
  await expect(page.locator('mark', { hasText: WORD }).first()).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(page, 'history-search');

  await page.goto(`${shell.origin}/settings`);
  const backups = page.getByRole('region', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByRole('status')).toHaveText('Backup saved.', { timeout: 60_000 });
  await backups.getByRole('button', { name: 'Restore…' }).first().click();
  await backups.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(backups.getByRole('status')).toHaveText('Your history was restored from the backup.', {
    timeout: 60_000,
  });
  await saveScreenshot(page, 'history-backup-restored');

  // The restored history still holds the message.
  const found = (await callApi(page, 'history.search', { query: WORD })) as { ok: boolean; value: { hits: unknown[] } };
  expect(found.ok).toBe(true);
  expect(found.value.hits.length).toBeGreaterThan(0);
});

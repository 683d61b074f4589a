// First run on a clinic machine: a signed model bundle is imported from the welcome screen, keyboard only,
// before any vault exists. A tampered copy is refused and names the bad file.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODEL = process.env.DBT_COACH_TEST_MODEL ?? path.join(ROOT, '..', 'shared', 'models', 'llama-2-tiny-random.gguf');
const FILE = path.basename(MODEL);
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'dbt-coach.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

let work = '';
let good = '';
let tampered = '';
let fingerprint = '';

test.beforeAll(() => {
  test.setTimeout(120_000);
  if (!existsSync(MODEL)) {
    if (process.env.CI === 'true') throw new Error(`test model missing at ${MODEL}`);
    test.skip(true, `test model missing at ${MODEL}`);
    return;
  }
  work = mkdtempSync(path.join(os.tmpdir(), 'dbt-e2e-bundle-'));
  const keys = path.join(work, 'keys');
  fingerprint = /Fingerprint:\s*([0-9a-f ]+)/.exec(cli('keys', 'generate-clinic', '--out', keys))?.[1]?.trim() ?? '';
  good = path.join(work, 'bundle');
  cli('models', 'bundle', '--key', path.join(keys, 'clinic-signing-key.pem'), '--out', good, '--license', 'MIT', MODEL);
  // Same signed manifest, one model byte changed after signing (past the GGUF header).
  tampered = path.join(work, 'tampered');
  cpSync(good, tampered, { recursive: true });
  const fd = openSync(path.join(tampered, FILE), 'r+');
  writeSync(fd, Buffer.from([0x5a]), 0, 1, 100_000);
  closeSync(fd);
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the welcome screen imports a signed model bundle, keyboard only, and refuses a tampered one', async ({
  page,
  shell,
}) => {
  test.setTimeout(120_000);
  await expect(page).toHaveURL(`${shell.origin}/welcome`);
  await expect(page.getByRole('heading', { name: 'Setting up a clinic computer?' })).toBeVisible();
  const summary = page.getByText('Add a model bundle from a folder');
  const pathField = page.getByRole('textbox', { name: 'Path to a model bundle folder' });
  await expect(pathField).toBeHidden();

  // Tab from "Get started" reaches the collapsed section; Enter opens it.
  await page.getByRole('link', { name: 'Get started' }).focus();
  await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(pathField).toBeVisible();

  const importFrom = async (folder: string) => {
    await page.keyboard.press('Tab');
    await expect(pathField).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(folder);
    await page.keyboard.press('Enter');
    // No clinic key in a policy here: the person compares the signer's fingerprint, then confirms.
    const confirm = page.getByRole('button', { name: 'They match: import' });
    await expect(page.getByText(fingerprint)).toBeVisible();
    await confirm.focus();
    await page.keyboard.press('Enter');
  };

  await importFrom(tampered);
  await expect(page.getByRole('alert')).toContainText(FILE);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);

  await summary.focus();
  await importFrom(good);
  await expect(page.getByRole('status').filter({ hasText: `Imported` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The model is there for the person who sets up the vault next: Settings → Models lists it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText(/llama-2-tiny-random/).first()).toBeVisible();
});

/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, so this file needs the DOM types.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { callApi as callShellApi } from './support/shell';

const LABEL = 'Coach e2e';
const PASSPHRASE = 'amber lanterns drift over the quiet harbour';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The support helper, typed for this file's checks. */
const callApi = (page: Page, method: string, input: unknown) =>
  callShellApi(page, method, input) as Promise<{ ok: boolean; value?: unknown }>;

/**
 * Every journal screen needs an unlocked vault. The worker's server may already hold one from another
 * spec, so this makes (or unlocks) a vault of its own label through the contract, then reloads at `path`.
 */
async function openVault(page: Page, origin: string, path: string): Promise<void> {
  const status = (await callApi(page, 'vault.status', {})) as { value: { unlocked: boolean; label: string | null } };
  if (!(status.value.unlocked && status.value.label === LABEL)) {
    const list = (await callApi(page, 'vault.list', {})) as { value: { vaults: { label: string }[] } };
    const exists = list.value.vaults.some((v) => v.label === LABEL);
    const r = exists
      ? await callApi(page, 'vault.unlock', { label: LABEL, passphrase: PASSPHRASE })
      : await callApi(page, 'vault.create', { label: LABEL, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
    expect(r.ok).toBe(true);
  }
  await page.goto(`${origin}${path}`);
}

async function expectNoSeriousAxe(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  expect({ screen, serious }).toEqual({ screen, serious: [] });
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test('skills: search, open a skill, and TIPP practice starts with the breathing pacer', async ({ page, shell }) => {
  await openVault(page, shell.origin, '/skills');
  await expect(page.getByRole('heading', { level: 1, name: 'Skills' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Distress tolerance' })).toBeVisible();
  await expectNoSeriousAxe(page, 'skills');

  await page.getByLabel('Search skills').fill('TIPP');
  await expect(page.getByRole('status').filter({ hasText: /skills? shown/ })).toBeVisible();
  await page.getByRole('link', { name: /^TIPP/ }).click();
  await expect(page).toHaveURL(/\/skills\?skill=tipp$/);
  await expect(page.getByRole('heading', { level: 1, name: 'TIPP' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'When to use it' })).toBeVisible();
  await page.getByRole('button', { name: 'Add to favourites' }).click();
  await expect(page.getByRole('button', { name: 'Saved to favourites' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoSeriousAxe(page, 'skill detail');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousAxe(page, 'skill detail (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await saveScreenshot(page, 'skill-detail-tipp');

  await page.getByRole('button', { name: 'Practice now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /TIPP/ })).toBeVisible();
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await page.getByRole('radiogroup', { name: 'How intense is it?' }).getByRole('radio', { name: '8' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Temperature' })).toBeFocused();
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Timer running' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Paced breathing' })).toBeVisible();
  await page.getByRole('button', { name: 'Start breathing' }).click();
  await expect(page.getByText('Breathe in', { exact: true })).toBeVisible();
  await expect(page.getByTestId('breathing-circle')).toBeVisible();
  await expectNoSeriousAxe(page, 'TIPP practice');
  await saveScreenshot(page, 'skill-practice-tipp');

  // With reduced motion there is no animated circle, only the text countdown.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${shell.origin}/skills?skill=tipp&practice=1`);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Start breathing' }).click();
  await expect(page.getByTestId('breathing-count')).toHaveText(/\d/);
  await expect(page.getByTestId('breathing-circle')).toHaveCount(0);
});

test('skills: the DEAR MAN builder produces a script to rehearse', async ({ page, shell }) => {
  await openVault(page, shell.origin, '/skills?skill=dear-man&practice=1');
  const answers = ['my flatmate', 'The dishes have piled up', 'I feel frustrated', 'Could you wash up each evening?'];
  for (const [i, text] of answers.entries()) {
    await page.getByRole('textbox').fill(text);
    await page.getByRole('button', { name: 'Next' }).click();
    if (i === answers.length - 1) break;
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('script')).toContainText('The dishes have piled up. I feel frustrated.');
  await page.getByRole('button', { name: 'Rehearse line by line' }).click();
  await expect(page.getByText(/^Line 1 of \d+$/)).toBeVisible();
});

test('diary card: create → edit → the week view shows it', async ({ page, shell }) => {
  await openVault(page, shell.origin, '/diary');
  await expect(page.getByRole('heading', { level: 1, name: 'Diary card' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Today/ })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Sadness' }).getByRole('radio', { name: '3' }).click();
  await page.getByRole('radiogroup', { name: 'Joy' }).getByRole('radio', { name: '2' }).click();
  await page.getByRole('radiogroup', { name: 'Substance use' }).getByRole('radio', { name: '1' }).click();
  // The floating label sits over the select's trigger, so click through it as a person would.
  await page.getByRole('combobox', { name: 'Add a skill you used' }).click({ force: true });
  await page.getByRole('option', { name: 'TIPP' }).click();
  await page.getByRole('radiogroup', { name: 'TIPP' }).getByRole('radio', { name: '7' }).click();
  await page.getByRole('radio', { name: 'Yes' }).click();
  await page.getByLabel('Notes').fill('A walk by the river after work.');
  await expectNoSeriousAxe(page, 'diary day');
  await saveScreenshot(page, 'diary-entry');
  await page.getByRole('button', { name: 'Save day' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // Edit: reload so the values come back from the vault, then change one.
  await page.reload();
  const sadness = page.getByRole('radiogroup', { name: 'Sadness' });
  await expect(sadness.getByRole('radio', { name: '3' })).toHaveAttribute('aria-checked', 'true');
  await sadness.getByRole('radio', { name: '4' }).click();
  await page.getByRole('button', { name: 'Save day' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.getByRole('tab', { name: 'Week' }).click();
  const table = page.getByTestId('week-table');
  await expect(table).toBeVisible();
  const col = (await table.locator('thead th').allTextContents()).findIndex((t) =>
    t.includes(String(new Date().getDate())),
  );
  expect(col).toBeGreaterThanOrEqual(0);
  const sadnessRow = table.getByRole('row', { name: /^Sadness/ });
  await expect(sadnessRow.locator('td').nth(col)).toHaveText('4');
  await expect(table.getByRole('row', { name: /^TIPP/ }).locator('td').nth(col)).toHaveText('7');
  await expectNoSeriousAxe(page, 'diary week');
  await saveScreenshot(page, 'diary-week');

  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'diary-week-360');

  // "Edit" on a day goes back to the entry for that day.
  await page
    .getByRole('button', { name: /^Edit / })
    .nth(col)
    .click();
  await expect(page.getByRole('radiogroup', { name: 'Sadness' }).getByRole('radio', { name: '4' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
});

test('trends: charts render with data tables and summaries', async ({ page, shell }) => {
  await openVault(page, shell.origin, '/trends');
  const today = localToday();
  const earlier = new Date(Date.now() - 9 * 86_400_000);
  const other = `${earlier.getFullYear()}-${String(earlier.getMonth() + 1).padStart(2, '0')}-${String(earlier.getDate()).padStart(2, '0')}`;
  for (const [date, sadness] of [
    [other, 2],
    [today, 4],
  ] as const) {
    const r = await callApi(page, 'diary.save', {
      entry: {
        date,
        emotions: [{ id: 'sadness', rating: sadness }],
        urges: [{ id: 'substance-use', rating: 1, actedOn: false }],
        targets: [],
        skills: [{ skillId: 'stop', rating: 5 }],
        medication: { taken: 'yes', note: '' },
        notes: '',
      },
    });
    expect(r.ok).toBe(true);
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();
  for (const id of ['emotions', 'urges', 'actedOn', 'skills']) {
    const table = page.getByTestId(`table-${id}`);
    await expect(table).toBeVisible();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
  }
  await expect(page.getByTestId('table-emotions')).toContainText('4');
  await expect(page.locator('canvas')).toHaveCount(4);
  await expect(page.getByText(/highest was Sadness/)).toBeVisible();
  await expectNoSeriousAxe(page, 'trends');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousAxe(page, 'trends (dark)');
  await saveScreenshot(page, 'trends-dark');
  await saveScreenshot(page, 'trends');
  await page.getByRole('radio', { name: 'Months' }).click();
  await expect(page.getByTestId('table-emotions').locator('tbody tr').first()).toBeVisible();
});

test('safety plan: edit and save survives a reload', async ({ page, shell }) => {
  await openVault(page, shell.origin, '/safety-plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Safety plan' })).toBeVisible();
  await page.getByRole('button', { name: 'Add warning sign' }).click();
  await page.getByLabel('Warning sign 1').fill('I stop answering messages');
  await page.getByRole('button', { name: 'Add person', exact: true }).click();
  await page.getByLabel('Person 1', { exact: true }).fill('Sam');
  await page.getByLabel('Phone or how to reach (person 1)').fill('0123 456');
  await page.getByRole('button', { name: 'Add reason' }).click();
  await page.getByLabel('Reason 1').fill('My dog, Biscuit');
  await expect(page.getByText('This PDF is not encrypted.')).toBeVisible();
  await expectNoSeriousAxe(page, 'safety plan');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved and encrypted' })).toBeVisible();
  await saveScreenshot(page, 'safety-plan');

  await page.reload();
  await expect(page.getByLabel('Warning sign 1')).toHaveValue('I stop answering messages');
  await expect(page.getByLabel('Person 1', { exact: true })).toHaveValue('Sam');
  await expect(page.getByLabel('Reason 1')).toHaveValue('My dog, Biscuit');
});

test('chain analysis and hand-off screens pass axe', async ({ page, shell }) => {
  await openVault(page, shell.origin, '/chain');
  await expect(page.getByRole('heading', { level: 1, name: 'Chain analysis' })).toBeVisible();
  await page.getByRole('button', { name: 'New chain analysis' }).click();
  await page.getByLabel('Problem behaviour').fill('Skipped the evening class');
  await page.getByRole('button', { name: 'Add a link' }).click();
  await page.getByLabel(/^Link 1: /).fill('Thought: they will all stare at me');
  await expectNoSeriousAxe(page, 'chain form');
  await page.getByRole('button', { name: 'Save chain analysis' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await expect(page.getByRole('button', { name: 'Open Skipped the evening class' })).toBeVisible();
  await expectNoSeriousAxe(page, 'chain list');
  await saveScreenshot(page, 'chain-list');

  await page.goto(`${shell.origin}/clients`);
  await expect(page.getByRole('heading', { level: 1, name: 'Hand-off' })).toBeVisible();
  await page.getByRole('button', { name: 'Show my public key' }).click();
  await expect(page.getByRole('textbox', { name: /^My public key/ })).toHaveValue(/\S{20,}/);
  await expectNoSeriousAxe(page, 'hand-off');
  await saveScreenshot(page, 'handoff');
});

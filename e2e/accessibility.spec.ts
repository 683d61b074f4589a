import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, SCREENS, test } from './fixtures';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical axe violations only, reduced to rule id and offending selectors for a readable diff. */
async function seriousViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

const ALL = [{ name: 'Welcome to DBT Coach', path: '/welcome', slug: 'welcome' }, ...SCREENS];

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations on any screen (${theme} theme)`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    for (const screen of ALL) {
      // Navigate inside the app (no reload) so the session and state stay as a person would have them.
      if (screen.path !== '/welcome') {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen.name }).click();
      }
      await expect(page).toHaveURL(`${shell.origin}${screen.path}`);
      await expect(page.getByRole('heading', { level: 1, name: screen.name })).toBeVisible();
      expect({ screen: screen.path, violations: await seriousViolations(page) }).toEqual({
        screen: screen.path,
        violations: [],
      });
    }
  });
}

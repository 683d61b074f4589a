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

// One test per screen and theme: axe is slow on a busy 2-core machine, and a failure names its screen.
for (const theme of ['light', 'dark'] as const) {
  for (const screen of ALL) {
    test(`${screen.path} has no serious or critical axe violations (${theme} theme)`, async ({ page, shell }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`${shell.origin}${screen.path}`);
      await expect(page.locator('html')).toHaveClass(new RegExp(`\\btheme-${theme}\\b`));
      await expect(page.getByRole('heading', { level: 1, name: screen.name })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

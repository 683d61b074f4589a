/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, so this file needs the DOM types.
import { expect, saveScreenshot, SCREENS, test } from './fixtures';

test('first run shows the welcome screen: what DBT Coach is and is not, urgent help, where data lives', async ({
  page,
  shell,
  cspViolations,
}) => {
  await expect(page).toHaveURL(`${shell.origin}/welcome`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to DBT Coach' })).toBeVisible();
  await expect(page.getByText('It is not therapy.')).toBeVisible();
  await expect(page.getByText('It is not an emergency service.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'If you need help right now' })).toBeVisible();
  await expect(page.getByText(/Nothing leaves this computer/)).toBeVisible();
  // The token never stays in the address bar once it has been swapped for the cookie.
  expect(page.url()).not.toContain('token=');
  await saveScreenshot(page, 'welcome');
  expect(cspViolations).toEqual([]);
});

test('the navigation reaches every screen', async ({ page, shell, cspViolations }) => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const screen of SCREENS) {
    await nav.getByRole('link', { name: screen.name }).click();
    await expect(page).toHaveURL(`${shell.origin}${screen.path}`);
    await expect(page.getByRole('heading', { level: 1, name: screen.name })).toBeVisible();
    await expect(nav.getByRole('link', { name: screen.name })).toHaveAttribute('aria-current', 'page');
    await saveScreenshot(page, screen.slug);
  }
  expect(cspViolations).toEqual([]);
});

test('the theme switch changes between light and dark', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const pick = async (option: 'Light' | 'Dark') => {
    await page.getByRole('button', { name: /^Theme:/ }).click();
    await page.getByRole('menuitemradio', { name: option }).click();
  };
  await pick('Dark');
  await expect(page.locator('html')).toHaveClass(/\btheme-dark\b/);
  const dark = await background();
  await saveScreenshot(page, 'welcome-dark');
  await pick('Light');
  await expect(page.locator('html')).toHaveClass(/\btheme-light\b/);
  await expect(page.locator('html')).not.toHaveClass(/\btheme-dark\b/);
  expect(await background()).not.toBe(dark);
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Light' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
});

test('the theme follows the OS until the person picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/\btheme-dark\b/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveClass(/\btheme-light\b/);
});

test.describe('on a 360 px wide screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('nothing scrolls sideways and the navigation opens from the menu button', async ({ page, shell }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to DBT Coach' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'welcome-360');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary card' }).click();
    await expect(page).toHaveURL(`${shell.origin}/diary`);
    await expect(page.getByRole('heading', { level: 1, name: 'Diary card' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'diary-card-360');
  });
});

test('the keyboard reaches the skip link and the navigation', async ({ page }) => {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (
    let i = 0;
    i < 10 && !(await nav.getByRole('link', { name: 'Chat' }).evaluate((el) => el === document.activeElement));
    i++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(nav.getByRole('link', { name: 'Chat' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Chat' })).toBeVisible();
});

/// <reference lib="dom" />
// Accessibility audit of every screen and dialog, locked and unlocked: axe-core (WCAG 2.x A/AA, zero serious or
// critical) in light and dark themes, reduced motion honoured, and 200% zoom (a 640×400 CSS viewport, what a
// 1280×800 window shows at 200%) without horizontal scrolling and with the navigation reachable.
// e2e/accessibility.spec.ts covers the signed-out navigation screens; this file adds the vault, the unlocked
// screens, the detail views and the dialogs.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ensureUnlocked, PASSPHRASE, startOwnShell, type OwnShell } from './support/shell';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;
const LABEL = 'Audit vault';

/** Unlocked screens: path → the level-1 heading that proves it rendered. */
const UNLOCKED: { path: string; heading: RegExp }[] = [
  { path: '/chat', heading: /chat/i },
  { path: '/diary', heading: /diary/i },
  { path: '/skills', heading: /skills/i },
  { path: '/skills?skill=tipp', heading: /tipp/i },
  { path: '/skills?skill=tipp&practice=1', heading: /tipp/i },
  { path: '/safety-plan', heading: /safety plan/i },
  { path: '/trends', heading: /trends/i },
  { path: '/chain', heading: /chain/i },
  { path: '/clients', heading: /hand-off|clients/i },
  { path: '/settings', heading: /settings/i },
];

let shell: OwnShell;
let page: Page;

async function serious(p: Page): Promise<{ id: string; targets: string[] }[]> {
  const result = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Runs axe in both themes on what is on screen now; returns violations keyed by theme. */
async function auditBothThemes(p: Page): Promise<Record<string, { id: string; targets: string[] }[]>> {
  const out: Record<string, { id: string; targets: string[] }[]> = {};
  for (const theme of THEMES) {
    await p.emulateMedia({ colorScheme: theme });
    await expect(p.locator('html')).toHaveClass(new RegExp(`\\btheme-${theme}\\b`));
    const v = await serious(p);
    if (v.length) out[theme] = v;
  }
  return out;
}

async function openOn(p: Page, path: string, heading: RegExp): Promise<void> {
  await p.goto(`${shell.origin}${path}`);
  await expect(p.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
}

// One shell per worker. Tests run in file order; after a failure Playwright starts a new worker, so every
// test that needs the vault makes sure of it itself (ensureUnlocked) instead of relying on the test before.
test.beforeAll(async ({ browser }: { browser: Browser }) => {
  shell = await startOwnShell();
  // axe needs a page from an explicit context.
  page = await (await browser.newContext()).newPage();
  await page.goto(shell.url);
});

test.afterAll(async () => {
  await page?.context().close();
  await shell?.stop();
  shell?.remove();
});

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
test.beforeEach(async ({}, testInfo) => {
  if (!testInfo.title.includes('no vault yet')) await ensureUnlocked(page, shell.origin, LABEL);
});

test('welcome, onboarding and unlock (no vault yet): no serious/critical violations, light and dark', async () => {
  const found: Record<string, unknown> = {};
  for (const [path, heading] of [
    ['/welcome', /welcome/i],
    ['/onboarding', /set up/i],
    ['/unlock', /unlock/i],
  ] as const) {
    await openOn(page, path, heading);
    const v = await auditBothThemes(page);
    if (Object.keys(v).length) found[path] = v;
  }
  // The onboarding form with an error showing (short passphrase) and the recovery sheet.
  await openOn(page, '/onboarding', /set up/i);
  await page.getByLabel('Key label').fill(LABEL);
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  const v1 = await auditBothThemes(page);
  if (Object.keys(v1).length) found['/onboarding (weak passphrase)'] = v1;
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Recovery sheet' })).toBeVisible({ timeout: 60_000 });
  const v2 = await auditBothThemes(page);
  if (Object.keys(v2).length) found['recovery sheet'] = v2;
  await page.getByRole('button', { name: 'I have kept my recovery code' }).click();
  await expect(page).toHaveURL(`${shell.origin}/chat`);
  expect(found).toEqual({});
});

for (const screen of UNLOCKED) {
  test(`${screen.path}: no serious/critical violations, light and dark`, async () => {
    await openOn(page, screen.path, screen.heading);
    expect(await auditBothThemes(page)).toEqual({});
  });
}

test('chain analysis form and the crisis view: no serious/critical violations, light and dark', async () => {
  const found: Record<string, unknown> = {};
  await openOn(page, '/chain', /chain/i);
  await page.getByRole('button', { name: 'New chain analysis' }).click();
  await expect(page.getByRole('button', { name: 'Save chain analysis' })).toBeVisible();
  const chain = await auditBothThemes(page);
  if (Object.keys(chain).length) found['/chain (form)'] = chain;

  // The crisis view opens when the safety layer reads a crisis in a chat message.
  await openOn(page, '/chat', /chat/i);
  const composer = page.getByRole('textbox', { name: /message your coach/i });
  await composer.fill('I want to kill myself tonight');
  await composer.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible({ timeout: 20_000 });
  const crisis = await auditBothThemes(page);
  if (Object.keys(crisis).length) found['crisis view'] = crisis;
  await page.getByRole('checkbox', { name: "I'm safe right now" }).check();
  await page.getByRole('button', { name: 'Return to the app' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(found).toEqual({});
});

test('reduced motion: no running animations on any screen', async () => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  const running: Record<string, string[]> = {};
  for (const screen of UNLOCKED) {
    await openOn(page, screen.path, screen.heading);
    // Let entry transitions that reduced motion should have removed have a chance to show up.
    await page.waitForTimeout(300);
    const names = await page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.playState === 'running')
        .map((a) => {
          const el = (a.effect as KeyframeEffect | null)?.target as Element | null;
          const name = (a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? 'script';
          return `${name} on ${el?.tagName.toLowerCase() ?? '?'}.${Array.from(el?.classList ?? [])
            .slice(0, 2)
            .join('.')}`;
        }),
    );
    if (names.length) running[screen.path] = names;
  }
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(running).toEqual({});
});

test('200% zoom (640×400 CSS pixels): no horizontal scroll, navigation reachable', async ({ browser }) => {
  test.setTimeout(240_000);
  const zoomedContext = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const zoomed = await zoomedContext.newPage();
  try {
    await zoomed.goto(shell.url);
    const problems: Record<string, string> = {};
    for (const screen of UNLOCKED) {
      await openOn(zoomed, screen.path, screen.heading);
      const overflow = await zoomed.evaluate(() => {
        const doc = document.scrollingElement ?? document.documentElement;
        const main = document.querySelector('main');
        return {
          page: doc.scrollWidth - doc.clientWidth,
          main: main ? main.scrollWidth - main.clientWidth : 0,
        };
      });
      if (overflow.page > 1 || overflow.main > 1) problems[screen.path] = JSON.stringify(overflow);
    }
    // The navigation: behind the menu button when narrow; it opens and its links work.
    const menu = zoomed.getByRole('button', { name: 'Open navigation' });
    await expect(menu).toBeVisible();
    await menu.click();
    const nav = zoomed.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Diary card' })).toBeVisible();
    await nav.getByRole('link', { name: 'Diary card' }).click();
    await expect(zoomed).toHaveURL(`${shell.origin}/diary`);
    expect(problems).toEqual({});
  } finally {
    await zoomedContext.close();
  }
});

test('unlock screen with a vault (after lock): no serious/critical violations, light and dark', async () => {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page).toHaveURL(`${shell.origin}/unlock`);
  await expect(page.getByRole('heading', { level: 1, name: /unlock/i })).toBeVisible();
  expect(await auditBothThemes(page)).toEqual({});
});

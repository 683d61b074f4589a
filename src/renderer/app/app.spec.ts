import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from './app';
import { routes } from './app.routes';
import { appConfig } from './app.config';
import { DBT_COACH_BRIDGE } from './core/transport/transport-tokens';
import type { DbtCoachBridge } from '../../shared/transport';

const bridge = {
  api: {
    'app.info': async () => ({
      ok: true,
      value: { name: 'DBT Coach', version: '9.9.9', transport: 'electron', platform: 'test' },
    }),
  },
  onEvent: () => () => undefined,
} as unknown as DbtCoachBridge;

async function render(url = '/') {
  const fixture = TestBed.createComponent(App);
  await TestBed.inject(Router).navigateByUrl(url);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

describe('App frame', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...appConfig.providers,
        provideZonelessChangeDetection(),
        provideRouter(routes),
        { provide: DBT_COACH_BRIDGE, useValue: bridge },
      ],
    });
  });

  afterEach(() => document.documentElement.classList.remove('theme-light', 'theme-dark'));

  it('has landmarks, a skip link and one link per main screen', async () => {
    const { el } = await render();
    expect(el.querySelector('header')).not.toBeNull();
    expect(el.querySelector('nav[aria-label="Main"]')).not.toBeNull();
    expect(el.querySelector('main#main-content')).not.toBeNull();
    expect(el.querySelector('a.skip-link')?.textContent).toContain('Skip to main content');
    const links = [...el.querySelectorAll<HTMLAnchorElement>('nav a')].map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Chat', '/chat'],
      ['Diary card', '/diary'],
      ['Skills', '/skills'],
      ['Safety plan', '/safety-plan'],
      ['Trends', '/trends'],
      ['Chain analysis', '/chain'],
      ['Hand-off', '/clients'],
      ['Settings', '/settings'],
    ]);
  });

  it('opens on the welcome screen the first time, with urgent help and a way to start', async () => {
    const { el } = await render('/');
    expect(TestBed.inject(Router).url).toBe('/welcome');
    const text = el.querySelector('main')?.textContent ?? '';
    expect(el.querySelector('main h1')?.textContent).toContain('Welcome');
    expect(text).toContain('not therapy');
    expect(text).toContain('not an emergency service');
    expect(text).toContain('988');
    expect(text).toContain('116 123');
    expect(text).toContain('encrypted');
    expect(el.querySelector('main a[href="/onboarding"]')?.textContent).toContain('Get started');
  });

  it('marks the current screen with aria-current', async () => {
    const { el } = await render('/skills');
    const current = [...el.querySelectorAll('nav a[aria-current="page"]')].map((a) => a.textContent?.trim());
    expect(current).toEqual(['Skills']);
    expect(el.querySelector('main h1')?.textContent).toBe('Skills');
  });

  it('switches the theme class from the toolbar menu', async () => {
    // A static screen: the theme switch is part of the frame, whatever screen is open.
    const { fixture, el } = await render('/welcome');
    const trigger = el.querySelector<HTMLButtonElement>('app-theme-switch button');
    expect(trigger?.getAttribute('aria-label')).toContain('Same as system');
    trigger!.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('[data-theme-option="dark"]')!.click();
    await fixture.whenStable();
    expect(document.documentElement.classList.contains('theme-dark')).toBe(true);
    expect(trigger?.getAttribute('aria-label')).toContain('Dark');

    trigger!.click();
    await fixture.whenStable();
    const light = document.querySelector<HTMLButtonElement>('[data-theme-option="light"]')!;
    light.click();
    await fixture.whenStable();
    expect(document.documentElement.classList.contains('theme-light')).toBe(true);
    expect(document.documentElement.classList.contains('theme-dark')).toBe(false);
  });

  it('shows the app version from app.info on the settings screen', async () => {
    const { fixture, el } = await render('/settings');
    await fixture.whenStable();
    expect(el.querySelector('main')?.textContent).toContain('DBT Coach version 9.9.9');
  });
});

import { DOCUMENT, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThemeService } from './theme-service';

/** A controllable prefers-color-scheme query. */
function fakeMatchMedia(initialDark: boolean) {
  const listeners = new Set<(e: MediaQueryListEvent) => void>();
  const query = {
    matches: initialDark,
    addEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => listeners.add(l),
    removeEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => listeners.delete(l),
  };
  return {
    matchMedia: () => query as unknown as MediaQueryList,
    setDark(dark: boolean) {
      query.matches = dark;
      listeners.forEach((l) => l({ matches: dark } as MediaQueryListEvent));
    },
  };
}

describe('ThemeService', () => {
  let original: typeof window.matchMedia;
  let os: ReturnType<typeof fakeMatchMedia>;

  beforeEach(() => {
    original = window.matchMedia;
    os = fakeMatchMedia(false);
    window.matchMedia = os.matchMedia;
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  });

  afterEach(() => {
    window.matchMedia = original;
    document.documentElement.classList.remove('theme-light', 'theme-dark');
  });

  const root = () => TestBed.inject(DOCUMENT).documentElement.classList;

  it('follows the OS by default and tracks its changes', () => {
    const theme = TestBed.inject(ThemeService);
    TestBed.tick();
    expect(theme.preference()).toBe('system');
    expect(root().contains('theme-light')).toBe(true);
    os.setDark(true);
    TestBed.tick();
    expect(theme.theme()).toBe('dark');
    expect(root().contains('theme-dark')).toBe(true);
    expect(root().contains('theme-light')).toBe(false);
  });

  it('a manual choice wins over the OS, and "system" hands control back', () => {
    const theme = TestBed.inject(ThemeService);
    theme.setPreference('dark');
    TestBed.tick();
    expect(root().contains('theme-dark')).toBe(true);
    os.setDark(false);
    TestBed.tick();
    expect(root().contains('theme-dark')).toBe(true);
    theme.setPreference('system');
    TestBed.tick();
    expect(root().contains('theme-light')).toBe(true);
    expect(root().contains('theme-dark')).toBe(false);
  });

  it('keeps the choice out of browser storage', () => {
    const theme = TestBed.inject(ThemeService);
    theme.setPreference('dark');
    TestBed.tick();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});

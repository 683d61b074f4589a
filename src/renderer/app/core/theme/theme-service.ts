import { DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';

export type ThemePreference = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

export const THEME_CLASSES: Record<Theme, string> = { light: 'theme-light', dark: 'theme-dark' };

/**
 * Light/dark theme. Follows the OS unless the person picks one. The choice stays in memory on purpose:
 * the browser profile must hold no user data, so nothing goes to localStorage; a later settings API
 * will persist it in the encrypted store and call setPreference() at start-up.
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  private readonly query = this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
  private readonly osPrefersDark = signal(this.query?.matches ?? false);

  readonly preference = signal<ThemePreference>('system');
  readonly theme = computed<Theme>(() => {
    const pref = this.preference();
    if (pref !== 'system') return pref;
    return this.osPrefersDark() ? 'dark' : 'light';
  });

  constructor() {
    const onChange = (e: MediaQueryListEvent) => this.osPrefersDark.set(e.matches);
    this.query?.addEventListener?.('change', onChange);
    // A class on <html>, not inline style: the CSP forbids inline styles, and the theme SCSS keys off it.
    effect(() => {
      const root = this.document.documentElement;
      const theme = this.theme();
      root.classList.toggle(THEME_CLASSES.dark, theme === 'dark');
      root.classList.toggle(THEME_CLASSES.light, theme === 'light');
    });
  }

  setPreference(preference: ThemePreference): void {
    this.preference.set(preference);
  }
}

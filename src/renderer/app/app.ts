import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map, skip } from 'rxjs';
import { ApiClient } from './core/api-client';
import { ThemeService } from './core/theme/theme-service';
import { PolicyStore } from './features/settings/policy-store';
import { NAV_ITEMS } from './layout/nav-items';
import { ThemeSwitch } from './layout/theme-switch';
import { LockButton } from './features/vault/lock-button';
import { DiaryReminder } from './features/diary/diary-reminder';

/** Under this width the navigation becomes an overlay drawer so content keeps the full width (360 px phones). */
export const NARROW_QUERY = '(max-width: 719.98px)';

/** The app frame: toolbar, navigation drawer and the routed screen. */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    ThemeSwitch,
    LockButton,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly navItems = NAV_ITEMS;
  protected readonly api = inject(ApiClient);
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Only meaningful when narrow; on wide screens the drawer is always shown beside the content. */
  protected readonly drawerOpen = signal(false);
  protected readonly navOpened = computed(() => !this.narrow() || this.drawerOpen());
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // Created here so the theme class is on <html> before the first screen paints.
    inject(ThemeService);
    // The organisation's default theme and language (docs/it-install.md), applied once at start.
    void inject(PolicyStore).load();
    // The daily diary-card reminder arrives as an event from the main process, whatever screen is open.
    inject(DiaryReminder).start();
    // After an in-app navigation, put focus on the new screen so screen readers start reading there
    // (the first load keeps the browser's default focus).
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.main().nativeElement.focus({ preventScroll: true }));
  }

  protected toggleDrawer(): void {
    this.drawerOpen.update((open) => !open);
  }

  protected onNavigate(): void {
    if (this.narrow()) this.drawerOpen.set(false);
  }

  /** A plain #fragment link would navigate away under <base href>; move focus to the content instead. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}

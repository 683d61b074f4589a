import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { ThemeService, type ThemePreference } from '../core/theme/theme-service';

const OPTIONS: readonly { value: ThemePreference; label: string; icon: string }[] = [
  { value: 'light', label: 'Light', icon: 'theme-light' },
  { value: 'dark', label: 'Dark', icon: 'theme-dark' },
  { value: 'system', label: 'Same as system', icon: 'theme-system' },
];

/** Toolbar button opening a light / dark / system menu; radio semantics so screen readers hear the choice. */
@Component({
  selector: 'app-theme-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatMenuModule],
  template: `
    <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [attr.aria-label]="label()">
      <mat-icon [svgIcon]="current().icon" aria-hidden="true" />
    </button>
    <mat-menu #menu="matMenu" aria-label="Theme">
      @for (option of options; track option.value) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="option.value === theme.preference()"
          [attr.data-theme-option]="option.value"
          (click)="theme.setPreference(option.value)"
        >
          <mat-icon [svgIcon]="option.icon" aria-hidden="true" />
          <span>{{ option.label }}</span>
          @if (option.value === theme.preference()) {
            <mat-icon class="check" svgIcon="check" aria-hidden="true" />
          }
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .check {
      margin-inline-start: 1rem;
      margin-inline-end: 0;
    }
  `,
})
export class ThemeSwitch {
  protected readonly theme = inject(ThemeService);
  protected readonly options = OPTIONS;
  protected readonly current = computed(() => OPTIONS.find((o) => o.value === this.theme.preference()) ?? OPTIONS[2]!);
  protected readonly label = computed(() => `Theme: ${this.current().label}. Change theme`);
}

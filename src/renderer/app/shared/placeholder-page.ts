import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** A calm stand-in for a screen a later issue fills: its name and one sentence about what it will hold. */
@Component({
  selector: 'app-placeholder-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    <section class="placeholder">
      <mat-icon class="placeholder-icon" [svgIcon]="icon()" aria-hidden="true" />
      <h1>{{ heading() }}</h1>
      <p>{{ summary() }}</p>
      <ng-content />
    </section>
  `,
  styles: `
    .placeholder {
      max-width: 40rem;
      margin: 0 auto;
      padding: 2rem 1rem;
      text-align: center;
    }
    .placeholder-icon {
      width: 48px;
      height: 48px;
      color: var(--mat-sys-primary);
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0.5rem 0;
    }
    p {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PlaceholderPage {
  readonly heading = input.required<string>();
  readonly summary = input.required<string>();
  readonly icon = input.required<string>();
}

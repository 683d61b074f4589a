import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Shown under a conversation when a message sounded worrying but not like a crisis: calm, never blocking. */
@Component({
  selector: 'app-concern-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <aside class="concern" role="status" aria-label="A gentle check-in">
      It sounds like things are hard right now. Your
      <a routerLink="/safety-plan">safety plan</a>
      is there whenever you need it, and you can reach a person at any time.
    </aside>
  `,
  styles: `
    .concern {
      margin: 8px 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-body-medium);
    }
    a {
      color: inherit;
      font-weight: 600;
    }
  `,
})
export class ConcernBanner {}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ApiError } from '../../../../shared/api';

/**
 * A calm message for a failed journal call. LOCKED gets a way to unlock rather than an error: every
 * journal screen (diary, safety plan, chain, trends, hand-off) needs the vault open.
 */
@Component({
  selector: 'app-journal-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  template: `
    @if (error(); as e) {
      <div class="notice" [attr.role]="locked() ? 'status' : 'alert'">
        @if (locked()) {
          <p>Your journal is locked. Unlock it to see and save this.</p>
          <a mat-stroked-button routerLink="/unlock">Unlock</a>
        } @else {
          <p>{{ e.message }}</p>
        }
      </div>
    }
  `,
  styles: `
    .notice {
      padding: 0.75rem 1rem;
      margin: 0.5rem 0 1rem;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    p {
      margin: 0 0 0.5rem;
    }
  `,
})
export class JournalNotice {
  readonly error = input<ApiError | null>(null);
  protected readonly locked = computed(() => this.error()?.code === 'LOCKED');
}

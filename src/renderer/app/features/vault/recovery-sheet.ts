import { ChangeDetectionStrategy, Component, ViewEncapsulation, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MethodOutput } from '../../../../shared/api';

export type RecoverySheetData = MethodOutput<'vault.recoverySheet'>;

/**
 * The printable recovery sheet. Print styles hide everything else on the page (global on purpose, hence
 * ViewEncapsulation.None), so the printout holds only the sheet. The code is never stored in the renderer
 * beyond this component's input.
 */
@Component({
  selector: 'app-recovery-sheet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [MatButtonModule],
  template: `
    <section class="recovery-sheet" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Recovery sheet</h2>
      <p>
        This code opens the vault <strong>{{ sheet().label }}</strong> if you forget your passphrase. Print it or write
        it down, and keep it somewhere private. Anyone with this code can open your vault.
      </p>
      <p class="recovery-code" aria-label="Recovery code">{{ sheet().recoveryCode }}</p>
      <dl>
        <dt>Key label</dt>
        <dd>{{ sheet().label }}</dd>
        <dt>Made on</dt>
        <dd>{{ sheet().createdAt.slice(0, 10) }}</dd>
        <dt>Vault fingerprint</dt>
        <dd>{{ sheet().fingerprint }}</dd>
      </dl>
      <button mat-stroked-button type="button" class="no-print" (click)="print()">Print recovery sheet</button>
    </section>
  `,
  styles: `
    .recovery-sheet {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 1rem 1.25rem;
      margin: 1rem 0;
    }
    .recovery-code {
      font:
        600 1.25rem/1.6 ui-monospace,
        monospace;
      letter-spacing: 0.05em;
      word-break: break-word;
    }
    .recovery-sheet dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
    }
    .recovery-sheet dd {
      margin: 0;
    }
    @media print {
      body * {
        visibility: hidden;
      }
      .recovery-sheet,
      .recovery-sheet * {
        visibility: visible;
      }
      .recovery-sheet {
        position: absolute;
        inset: 0 auto auto 0;
        border: none;
      }
      .recovery-sheet .no-print {
        display: none;
      }
    }
  `,
})
export class RecoverySheet {
  readonly sheet = input.required<RecoverySheetData>();

  protected print(): void {
    window.print();
  }
}

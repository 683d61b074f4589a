import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { HandoffItem } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';

/**
 * Writes a PDF of one item through 'handoff.pdf'. A PDF is NOT encrypted, so the warning is always
 * shown and the export stays disabled until the person ticks that they understand.
 */
@Component({
  selector: 'app-pdf-export',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule],
  template: `
    <div class="pdf">
      <p class="warning" [id]="uid + '-warn'">
        <strong>This PDF is not encrypted.</strong> Anyone who can open the file can read it. Keep it somewhere private
        and delete it when you no longer need it.
      </p>
      <mat-checkbox [checked]="acknowledged()" (change)="acknowledged.set($event.checked)">
        I understand the PDF is not encrypted
      </mat-checkbox>
      <mat-form-field appearance="outline" class="path">
        <mat-label>Save the PDF to (full file path)</mat-label>
        <input
          matInput
          maxlength="4096"
          autocomplete="off"
          [placeholder]="placeholder()"
          [value]="path()"
          [attr.aria-describedby]="uid + '-warn'"
          (input)="path.set($any($event.target).value)"
        />
      </mat-form-field>
      <button
        mat-flat-button
        type="button"
        [disabled]="!acknowledged() || !path().trim() || busy()"
        (click)="exportPdf()"
      >
        {{ label() }}
      </button>
      <p class="status" role="status">{{ status() }}</p>
    </div>
  `,
  styles: `
    .warning {
      padding: 0.75rem 1rem;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .path {
      display: block;
      width: 100%;
      margin-top: 0.5rem;
    }
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PdfExport {
  private static next = 0;
  readonly item = input.required<HandoffItem>();
  readonly label = input('Export PDF');
  readonly placeholder = input('/home/me/Documents/safety-plan.pdf');
  protected readonly uid = `pdf-export-${PdfExport.next++}`;
  protected readonly acknowledged = signal(false);
  protected readonly path = signal('');
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  private readonly api = inject(ApiClient);

  protected async exportPdf(): Promise<void> {
    if (!this.acknowledged()) return;
    this.busy.set(true);
    this.status.set('Writing the PDF…');
    const r = await this.api.call('handoff.pdf', {
      item: this.item(),
      path: this.path().trim(),
      acknowledgePlaintext: true,
    });
    this.busy.set(false);
    this.status.set(
      r.ok ? `Saved an unencrypted PDF (${Math.ceil(r.value.bytes / 1024)} KB) to ${r.value.path}.` : r.error.message,
    );
  }
}

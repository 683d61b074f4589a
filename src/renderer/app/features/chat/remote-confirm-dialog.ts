import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { PendingConfirm } from './chat-store';

/** What leaves the machine and where, shown once per conversation before the first remote send. */
@Component({
  selector: 'app-remote-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Send this conversation to {{ where }}?</h2>
    <mat-dialog-content>
      <p>Until now this conversation stayed on this computer. If you continue, it will be sent to:</p>
      <dl>
        <dt>Where</dt>
        <dd>{{ p.host }} ({{ where }})</dd>
        <dt>Model</dt>
        <dd>{{ p.model || 'the server default' }}</dd>
        <dt>What</dt>
        <dd>
          {{ p.messageCount }} message{{ p.messageCount === 1 ? '' : 's' }} ({{ p.characterCount }} characters)
          {{ p.includesSystemPrompt ? 'and the coach instructions' : '' }}
        </dd>
      </dl>
      <p>You will only be asked once for this conversation.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Keep it here</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">Send</button>
    </mat-dialog-actions>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class RemoteConfirmDialog {
  protected readonly p = inject<PendingConfirm>(MAT_DIALOG_DATA).preview;
  protected readonly where = this.p.provider === 'relay' ? 'the relay' : 'your server';
}

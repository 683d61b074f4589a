import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DiaryReminder } from './diary-reminder';

/** In the browser shell, lets the person allow a system notification for the reminder (off until asked). */
@Component({
  selector: 'app-reminder-permission',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    @if (reminder.canAsk) {
      @switch (permission()) {
        @case ('granted') {
          <p class="help">The browser will also show a system notification.</p>
        }
        @case ('denied') {
          <p class="help">System notifications are blocked in this browser; the reminder shows inside the app.</p>
        }
        @default {
          <button mat-button type="button" (click)="ask()">Also show a system notification</button>
        }
      }
    }
  `,
})
export class ReminderPermission {
  protected readonly reminder = inject(DiaryReminder);
  protected readonly permission = signal(this.reminder.permission);

  protected async ask(): Promise<void> {
    this.permission.set(await this.reminder.requestPermission());
  }
}

import { DestroyRef, Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { ApiClient } from '../../core/api-client';

/** The reminder's whole text: it may show on a shared screen, so it names no feelings, urges or dates. */
export const REMINDER_TEXT = 'Time for your diary card';
const TAG = 'dbt-coach-diary-reminder';

/** The parts of the Web Notification API this uses, so specs can pass a fake. */
export interface WebNotifications {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  show(title: string, options: NotificationOptions): void;
}

const browserNotifications = (): WebNotifications | null =>
  typeof Notification === 'undefined'
    ? null
    : {
        get permission() {
          return Notification.permission;
        },
        requestPermission: () => Notification.requestPermission(),
        show: (title, options) => void new Notification(title, options),
      };

/**
 * Shows the main process's `diary.reminder` event as a calm snackbar with a way to the diary card and,
 * in the browser shell when the person allowed it, a Web Notification. Electron shows its own OS
 * notification from the main process, so the renderer does not add a second one there.
 */
@Injectable({ providedIn: 'root' })
export class DiaryReminder {
  private readonly api = inject(ApiClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  notifications: WebNotifications | null = browserNotifications();
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    const sub = this.api.on('diary.reminder').subscribe(() => this.show());
    this.destroyRef.onDestroy(() => sub.unsubscribe());
  }

  /** True where a system notification can be offered from the renderer (browser shell only). */
  get canAsk(): boolean {
    return this.api.transportKind === 'browser-shell' && this.notifications !== null;
  }

  get permission(): NotificationPermission | null {
    return this.canAsk ? (this.notifications?.permission ?? null) : null;
  }

  async requestPermission(): Promise<NotificationPermission | null> {
    if (!this.canAsk || !this.notifications) return null;
    return this.notifications.requestPermission();
  }

  private show(): void {
    this.snackBar
      .open(REMINDER_TEXT, 'Open diary card', { duration: 15_000, politeness: 'polite' })
      .onAction()
      .subscribe(() => void this.router.navigateByUrl('/diary'));
    if (this.canAsk && this.notifications?.permission === 'granted') {
      try {
        // One tag, so a reminder never stacks up a second copy; silent to stay calm.
        this.notifications.show('DBT Coach', { body: REMINDER_TEXT, tag: TAG, silent: true });
      } catch {
        // Some browsers only allow notifications from a service worker: the snackbar is enough.
      }
    }
  }
}

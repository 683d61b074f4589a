import { Notification } from 'electron';
import type { App } from '../api/index';

/** The whole text of the reminder. Generic on purpose: it may show on a lock screen or a shared display. */
export const REMINDER_TITLE = 'DBT Coach';
export const REMINDER_BODY = 'Time for your diary card';

/**
 * Shows the daily diary-card reminder as an OS notification. The main process decides when (see
 * journal/reminder-scheduler.ts); the renderer also gets the event and shows its own snackbar.
 * Clicking the notification brings the window forward; nothing about the card is ever in it.
 */
export function showReminderNotifications(services: Pick<App, 'events'>, focusWindow: () => void): () => void {
  return services.events.subscribe((name) => {
    if (name !== 'diary.reminder') return;
    try {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title: REMINDER_TITLE, body: REMINDER_BODY, silent: false });
      n.on('click', focusWindow);
      n.show();
    } catch {
      // No notification server (a bare Linux session): the in-app snackbar still shows.
    }
  });
}

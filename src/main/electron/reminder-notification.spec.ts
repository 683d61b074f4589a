import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../api/index';
import { FakeEmitter } from './electron-mock';
import { REMINDER_BODY, REMINDER_TITLE, showReminderNotifications } from './reminder-notification';

/** The shared electron mock plus a Notification that records what would have been shown. */
const shown = vi.hoisted(() => ({
  list: [] as Array<{ options: Record<string, unknown>; n: unknown }>,
  supported: true,
}));
vi.mock('electron', async () => {
  const { electronMock, FakeEmitter: Emitter } = await import('./electron-mock');
  class FakeNotification extends Emitter {
    static isSupported = () => shown.supported;
    constructor(readonly options: Record<string, unknown>) {
      super();
    }
    show(): void {
      shown.list.push({ options: this.options, n: this });
    }
  }
  return { ...electronMock, Notification: FakeNotification };
});

describe('showReminderNotifications', () => {
  beforeEach(() => {
    shown.list.length = 0;
    shown.supported = true;
  });

  it('shows one generic notification per reminder event and focuses the window on click', () => {
    const events = new EventBus();
    const focus = vi.fn();
    showReminderNotifications({ events }, focus);
    events.emit('diary.reminder', { date: '2026-01-05' });
    expect(shown.list).toHaveLength(1);
    expect(shown.list[0]?.options).toEqual({ title: REMINDER_TITLE, body: REMINDER_BODY, silent: false });
    // Nothing but the fixed words: not even the date.
    expect(JSON.stringify(shown.list[0]?.options)).not.toContain('2026');
    (shown.list[0]?.n as FakeEmitter).emit('click');
    expect(focus).toHaveBeenCalledOnce();
  });

  it('ignores every other event', () => {
    const events = new EventBus();
    showReminderNotifications({ events }, vi.fn());
    events.emit('vault.locked', { reason: 'manual' });
    events.emit('progress', { task: 'x', fraction: null, label: 'y' });
    expect(shown.list).toEqual([]);
  });

  it('stays quiet where notifications are unsupported, and unsubscribes', () => {
    const events = new EventBus();
    shown.supported = false;
    const off = showReminderNotifications({ events }, vi.fn());
    events.emit('diary.reminder', { date: '2026-01-05' });
    shown.supported = true;
    off();
    events.emit('diary.reminder', { date: '2026-01-06' });
    expect(shown.list).toEqual([]);
  });
});

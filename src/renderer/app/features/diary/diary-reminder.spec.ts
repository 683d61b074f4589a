import { OverlayContainer } from '@angular/cdk/overlay';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../core/api-client';
import { DiaryReminder, REMINDER_TEXT, type WebNotifications } from './diary-reminder';

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(transportKind: 'electron' | 'browser-shell', permission: NotificationPermission) {
  const events = new Subject<{ date: string }>();
  const api = { transportKind, on: vi.fn(() => events.asObservable()) };
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideRouter([]), { provide: ApiClient, useValue: api }],
  });
  const shown: Array<{ title: string; options: NotificationOptions }> = [];
  const notifications: WebNotifications = {
    permission,
    requestPermission: vi.fn(async () => 'granted' as const),
    show: (title, options) => shown.push({ title, options }),
  };
  const reminder = TestBed.inject(DiaryReminder);
  reminder.notifications = notifications;
  reminder.start();
  reminder.start(); // a second start must not double the snackbar
  const overlay = TestBed.inject(OverlayContainer).getContainerElement();
  return { events, api, shown, reminder, overlay, notifications };
}

describe('DiaryReminder', () => {
  beforeEach(() => TestBed.resetTestingModule());

  it('shows a calm snackbar with generic text and opens the diary card from its action', async () => {
    const { events, api, shown, overlay } = setup('electron', 'granted');
    expect(api.on).toHaveBeenCalledExactlyOnceWith('diary.reminder');
    events.next({ date: '2026-01-05' });
    await settle();
    expect(overlay.textContent).toContain(REMINDER_TEXT);
    expect(overlay.textContent).not.toContain('2026');
    // Electron's main process shows the OS notification; the renderer adds none.
    expect(shown).toEqual([]);
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const action = [...overlay.querySelectorAll('button')].find((b) => b.textContent?.includes('Open diary card'));
    action?.click();
    await settle();
    expect(navigate).toHaveBeenCalledWith('/diary');
  });

  it('adds a Web Notification in the browser shell only when permission was granted', async () => {
    const granted = setup('browser-shell', 'granted');
    granted.events.next({ date: '2026-01-05' });
    expect(granted.shown).toEqual([
      { title: 'DBT Coach', options: { body: REMINDER_TEXT, tag: 'dbt-coach-diary-reminder', silent: true } },
    ]);
    TestBed.resetTestingModule();
    for (const permission of ['default', 'denied'] as const) {
      const s = setup('browser-shell', permission);
      s.events.next({ date: '2026-01-05' });
      expect(s.shown).toEqual([]);
      TestBed.resetTestingModule();
    }
  });

  it('asks for permission only in the browser shell', async () => {
    const browser = setup('browser-shell', 'default');
    expect(await browser.reminder.requestPermission()).toBe('granted');
    TestBed.resetTestingModule();
    const electron = setup('electron', 'default');
    expect(electron.reminder.canAsk).toBe(false);
    expect(await electron.reminder.requestPermission()).toBeNull();
    expect(electron.notifications.requestPermission).not.toHaveBeenCalled();
  });
});

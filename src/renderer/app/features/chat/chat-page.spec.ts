import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { EMPTY } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../core/api-client';
import SettingsPage from '../settings/settings-page';
import ChatPage from './chat-page';

const settings = {
  defaultProvider: 'local',
  offline: true,
  server: { baseUrl: '', model: '', apiKeySet: true },
  relay: { url: '' },
  available: { local: true, server: false, relay: false },
  localModelId: null,
};
const answers: Record<string, unknown> = {
  'history.listByDay': {
    pinned: [],
    days: [
      {
        day: '2020-01-02',
        conversations: [
          {
            id: 'c1',
            title: '<img src=x onerror=alert(1)>',
            createdAt: 1,
            updatedAt: 1,
            provider: 'local',
            model: null,
            pinned: false,
            archived: false,
          },
        ],
      },
    ],
    nextCursor: null,
  },
  'providers.get': settings,
  'privacy.connections': { offline: true, connections: [] },
  'models.list': [],
  'models.recommended': [],
  'app.info': { name: 'DBT Coach', version: '1.0.0', transport: 'browser', platform: 'test' },
  'chat.send': {
    state: 'started',
    conversationId: 'c9',
    userMessageId: 'u',
    assistantMessageId: 'a',
    queuePosition: 1,
  },
  'coach.safety.check': { level: 'none', reasons: [] },
};

describe('chat and settings screens', () => {
  let call: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    // jsdom has no layout, so no Element#scrollTo; the virtual list calls it to follow new text.
    Element.prototype.scrollTo ??= () => undefined;
    call = vi.fn(async (method: string) =>
      method in answers
        ? { ok: true, value: answers[method] }
        : { ok: false, error: { code: 'NOT_IMPLEMENTED', message: 'no' } },
    );
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        { provide: ApiClient, useValue: { call, on: () => EMPTY } },
      ],
    });
  });

  it('lists conversations by day as text, sends on Enter and not on Shift+Enter', async () => {
    const fixture = TestBed.createComponent(ChatPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('nav[aria-label="Conversations"] img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(el.textContent).toContain('Offline');

    const box = el.querySelector<HTMLTextAreaElement>('textarea')!;
    box.value = 'first line';
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, cancelable: true }));
    expect(call.mock.calls.some(([m]) => m === 'chat.send')).toBe(false);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    await fixture.whenStable();
    expect(call.mock.calls.find(([m]) => m === 'chat.send')?.[1]).toEqual({ text: 'first line' });
    expect(el.textContent).toContain('1 ahead in the queue');
  });

  it('has a labelled "Don\'t save" switch that starts a private chat and says so', async () => {
    const fixture = TestBed.createComponent(ChatPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const toggle = el.querySelector<HTMLButtonElement>('mat-slide-toggle button[role="switch"]')!;
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(el.querySelector('mat-slide-toggle')?.textContent).toContain("Don't save");
    expect(el.querySelector(`#${toggle.getAttribute('aria-describedby')?.split(' ')[0]}`)?.textContent).toContain(
      'never written',
    );
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(el.textContent).toContain('Not saved');
    expect(el.textContent).toContain('This conversation will not be saved');
    const box = el.querySelector<HTMLTextAreaElement>('textarea')!;
    box.value = 'a private thought';
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    await fixture.whenStable();
    expect(call.mock.calls.find(([m]) => m === 'chat.send')?.[1]).toEqual({ text: 'a private thought', private: true });
  });

  it('shows the settings panels, with the API key only as set / not set', async () => {
    const fixture = TestBed.createComponent(SettingsPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim())).toEqual(
      expect.arrayContaining(['Models', 'Providers', 'Privacy']),
    );
    expect(el.textContent).toContain('Set — type a new one to replace it');
    expect(el.querySelector<HTMLInputElement>('input[type="password"]')?.value).toBe('');
    expect(el.textContent).toContain('Nothing has left this computer');
  });
});

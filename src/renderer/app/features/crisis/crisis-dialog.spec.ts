import { OverlayContainer } from '@angular/cdk/overlay';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../core/api-client';
import { CrisisService } from './crisis-service';
import { dialHref, guessCountry } from './crisis-contacts';

const contacts = {
  contacts: {
    country: 'US',
    name: 'United States',
    contacts: [{ name: '988 Suicide & Crisis Lifeline', number: '988', kind: 'crisis-line', ways: ['call', 'text'] }],
  },
  countries: ['US', 'GB'],
};
const plan = {
  plan: {
    warningSigns: ['Not sleeping'],
    copingStrategies: ['Cold water on my face'],
    distractions: [],
    helpers: [{ name: 'Sam', phone: '+44 7700 900000' }],
    professionals: [],
    saferEnvironment: [],
    reasonsForLiving: ['My dog'],
  },
  version: 1,
  savedAt: 1,
};

const api = {
  call: async (method: string) => {
    if (method === 'coach.crisisContacts') return { ok: true, value: contacts };
    if (method === 'safetyPlan.get') return { ok: true, value: plan };
    return { ok: false, error: { code: 'NOT_IMPLEMENTED', message: 'no' } };
  },
  on: () => ({ subscribe: () => ({ unsubscribe: () => undefined }) }),
};

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('crisis view', () => {
  let overlay: HTMLElement;
  let service: CrisisService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), { provide: ApiClient, useValue: api }],
    });
    overlay = TestBed.inject(OverlayContainer).getContainerElement();
    service = TestBed.inject(CrisisService);
  });

  async function openView() {
    const ref = service.open();
    let closed = false;
    ref.afterClosed().subscribe(() => (closed = true));
    await settle();
    TestBed.tick();
    await settle();
    TestBed.tick();
    return { ref, isClosed: () => closed };
  }

  it('shows contacts and the safety plan, and cannot be dismissed by Escape, backdrop or one tap', async () => {
    const { isClosed } = await openView();
    expect(overlay.textContent).toContain('988 Suicide & Crisis Lifeline');
    expect(overlay.querySelector('a[href="tel:988"]')).not.toBeNull();
    expect(overlay.textContent).toContain('Cold water on my face');
    expect(overlay.textContent).toContain('My dog');

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    overlay.querySelector<HTMLElement>('.cdk-overlay-backdrop')?.click();
    const leave = Array.from(overlay.querySelectorAll('button')).find((b) => b.textContent?.includes('Return'));
    leave?.click();
    await settle();
    TestBed.tick();
    expect(leave?.disabled).toBe(true);
    expect(isClosed()).toBe(false);
    expect(service.isOpen).toBe(true);
  });

  it('closes only after "I\'m safe right now" is ticked and then confirmed', async () => {
    const { isClosed } = await openView();
    overlay.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    TestBed.tick();
    const leave = Array.from(overlay.querySelectorAll('button')).find((b) => b.textContent?.includes('Return'));
    expect(leave?.disabled).toBe(false);
    leave?.click();
    TestBed.tick();
    // The dialog finishes its exit animation (or its fallback timer) before it reports closed.
    await vi.waitFor(() => expect(isClosed()).toBe(true), { timeout: 2000 });
    expect(service.isOpen).toBe(false);
  });

  it('does not stack a second view for a second crisis message', async () => {
    const first = service.open();
    expect(service.open()).toBe(first);
  });
});

describe('crisis contact helpers', () => {
  it('guesses the country from the language region', () => {
    expect(guessCountry(['en-GB'])).toBe('GB');
    expect(guessCountry(['fr'])).toBe('US');
  });

  it('builds only tel:/sms: links from digits', () => {
    expect(dialHref('call', '116 123')).toBe('tel:116123');
    expect(dialHref('text', '741741')).toBe('sms:741741');
    expect(dialHref('call', 'javascript:alert(1)')).toBeNull();
  });
});

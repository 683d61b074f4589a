import { Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { describe, expect, it, vi } from 'vitest';
import type { BridgeApi, DbtCoachBridge } from '../../../../shared/transport';
import { DBT_COACH_BRIDGE } from '../../core/transport/transport-tokens';
import { LockButton } from './lock-button';
import UnlockPage from './unlock-page';
import { VaultStore } from './vault-store';

@Component({ selector: 'app-stub', template: '' })
class Stub {}

type Result =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; retryAfterMs?: number } };

const listeners = new Map<string, (payload: unknown) => void>();

function setup(unlockResult: Result, unlocked = false) {
  const api = {
    'vault.status': vi.fn(async () => ({
      ok: true,
      value: { unlocked, label: unlocked ? 'Home' : null, autoLockSeconds: unlocked ? 900 : null, remembered: false },
    })),
    'vault.list': vi.fn(async () => ({
      ok: true,
      value: { vaults: [{ label: 'Home', createdAt: '2026-01-01', remembered: false, retryAfterMs: 0 }] },
    })),
    'vault.unlock': vi.fn(async () => unlockResult),
    'vault.lock': vi.fn(async () => ({ ok: true, value: { ok: true } })),
  } as unknown as BridgeApi;
  const bridge: DbtCoachBridge = {
    api,
    onEvent: (name, listener) => {
      listeners.set(name, listener as (payload: unknown) => void);
      return () => listeners.delete(name);
    },
  };
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([{ path: '**', component: Stub }]),
      { provide: DBT_COACH_BRIDGE, useValue: bridge },
    ],
  });
  return api as unknown as Record<string, ReturnType<typeof vi.fn>>;
}

async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await fixture.whenStable();
  }
}

async function submit(passphrase: string) {
  const fixture = TestBed.createComponent(UnlockPage);
  await settle(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const input = el.querySelector<HTMLInputElement>('input[name="passphrase"]');
  if (!input) throw new Error('no passphrase field');
  input.value = passphrase;
  input.dispatchEvent(new Event('input'));
  el.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
  await settle(fixture);
  return el;
}

describe('UnlockPage', () => {
  it('lists the key labels and shows a calm message for a wrong passphrase', async () => {
    const api = setup({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'x' } });
    const el = await submit('not it at all, sorry');
    expect(el.textContent).toContain('Home');
    expect(api['vault.unlock']).toHaveBeenCalledWith({ label: 'Home', passphrase: 'not it at all, sorry' });
    expect(el.textContent).toContain('That passphrase did not open this vault.');
    // While a vault exists and none is unlocked, other screens route to /unlock.
    expect(TestBed.inject(Router).url).toBe('/unlock');
  });

  it('shows the delay after repeated failures and disables Unlock meanwhile', async () => {
    setup({ ok: false, error: { code: 'RATE_LIMITED', message: 'x', retryAfterMs: 4000 } });
    const el = await submit('again not it, sorry');
    expect(el.textContent).toContain('You can try again in 4 seconds.');
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Unlock');
    expect(button?.disabled).toBe(true);
  });
});

describe('VaultStore', () => {
  it('keeps the page when another vault was created or unlocked from it (the recovery code is shown once)', async () => {
    setup({ ok: true, value: { label: 'Home' } }, true);
    const store = TestBed.inject(VaultStore);
    await store.refresh();
    const replace = vi.spyOn(store, 'wipe').mockImplementation(() => undefined);
    listeners.get('vault.locked')?.({ reason: 'switched' });
    expect(replace).not.toHaveBeenCalled();
    expect(store.status()?.unlocked).toBe(true);
    listeners.get('vault.locked')?.({ reason: 'manual' });
    expect(replace).toHaveBeenCalledTimes(1);
  });
});

describe('LockButton', () => {
  it('is shown while unlocked and locks on click', async () => {
    const api = setup({ ok: true, value: { label: 'Home' } }, true);
    const fixture = TestBed.createComponent(LockButton);
    await settle(fixture);
    const button = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[aria-label="Lock"]');
    expect(button).not.toBeNull();
    button?.click();
    expect(api['vault.lock']).toHaveBeenCalledWith({});
  });
});

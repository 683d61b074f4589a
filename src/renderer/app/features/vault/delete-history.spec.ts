import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { describe, expect, it, vi } from 'vitest';
import type { BridgeApi, DbtCoachBridge } from '../../../../shared/transport';
import { DBT_COACH_BRIDGE } from '../../core/transport/transport-tokens';
import { DeleteHistory } from './delete-history';

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const SHEET = {
  label: 'Home',
  recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
  createdAt: '2026-11-25',
  fingerprint: 'ab12 cd34',
};

function setup(result: Result) {
  const api = { 'history.deleteAll': vi.fn(async () => result) } as unknown as BridgeApi;
  const bridge: DbtCoachBridge = { api, onEvent: () => () => undefined };
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), { provide: DBT_COACH_BRIDGE, useValue: bridge }],
  });
  return api as unknown as Record<string, ReturnType<typeof vi.fn>>;
}

async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    fixture.detectChanges();
    await fixture.whenStable();
  }
}

const button = (el: HTMLElement, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

/** Opens the confirmation, types the passphrase, optionally ticks "I understand", returns the delete button. */
async function fill(passphrase: string, tick: boolean) {
  const fixture = TestBed.createComponent(DeleteHistory);
  await settle(fixture);
  const el = fixture.nativeElement as HTMLElement;
  button(el, 'Delete all history…')?.click();
  await settle(fixture);
  const input = el.querySelector<HTMLInputElement>('input[name="delete-history-passphrase"]');
  if (!input) throw new Error('no passphrase field');
  input.value = passphrase;
  input.dispatchEvent(new Event('input'));
  if (tick) el.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
  await settle(fixture);
  return { fixture, el, del: button(el, 'Delete all history') };
}

describe('DeleteHistory', () => {
  it('asks twice: nothing is sent until the passphrase is typed and "I understand" is ticked', async () => {
    const api = setup({ ok: true, value: SHEET });
    const { el, del } = await fill('my cat eats toast at midnight', false);
    expect(el.textContent).toContain('This cannot be undone.');
    expect(del?.disabled).toBe(true);
    el.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    expect(api['history.deleteAll']).not.toHaveBeenCalled();
  });

  it('shows the new recovery sheet after deleting', async () => {
    const api = setup({ ok: true, value: SHEET });
    const { fixture, el, del } = await fill('my cat eats toast at midnight', true);
    expect(del?.disabled).toBe(false);
    del?.click();
    await settle(fixture);
    expect(api['history.deleteAll']).toHaveBeenCalledWith({
      confirm: 'DELETE ALL HISTORY',
      passphrase: 'my cat eats toast at midnight',
    });
    expect(el.textContent).toContain('Your old recovery code no longer works');
    expect(el.textContent).toContain(SHEET.recoveryCode);
  });

  it('keeps the form with a calm message for a wrong passphrase, and clears the field', async () => {
    setup({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'x' } });
    const { fixture, el, del } = await fill('not it at all, sorry', true);
    del?.click();
    await settle(fixture);
    expect(el.textContent).toContain('That passphrase did not open this vault.');
    expect(el.querySelector<HTMLInputElement>('input[name="delete-history-passphrase"]')?.value).toBe('');
    expect(el.textContent).not.toContain('Recovery sheet');
  });
});

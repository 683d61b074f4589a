import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { describe, expect, it, vi } from 'vitest';
import type { BridgeApi, DbtCoachBridge } from '../../../../shared/transport';
import { DBT_COACH_BRIDGE } from '../../core/transport/transport-tokens';
import { ExportPanel } from './export-panel';

const CONVERSATION = {
  id: 'c1',
  title: 'Evening check-in',
  createdAt: 1,
  updatedAt: 2,
  provider: null,
  model: null,
  pinned: false,
  archived: false,
};

function setup() {
  const api = {
    'history.listByDay': vi.fn(async () => ({
      ok: true,
      value: { pinned: [], days: [{ day: '2026-11-25', conversations: [CONVERSATION] }], nextCursor: null },
    })),
    'history.exportConversation': vi.fn(async () => ({
      ok: true,
      value: { path: '/home/me/talk.pdf', encrypted: false },
    })),
  } as unknown as BridgeApi;
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

describe('ExportPanel', () => {
  it('warns that a PDF is not encrypted and exports only after the person ticks that they understand', async () => {
    const api = setup();
    const fixture = TestBed.createComponent(ExportPanel);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('This file is not encrypted.');
    const input = el.querySelector<HTMLInputElement>('input[name="export-path"]');
    if (!input) throw new Error('no path field');
    input.value = '/home/me/talk.pdf';
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
    const exportButton = () => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export');
    expect(exportButton()?.disabled).toBe(true);
    el.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    await settle(fixture);
    exportButton()?.click();
    await settle(fixture);
    expect(api['history.exportConversation']).toHaveBeenCalledWith({
      id: 'c1',
      format: 'pdf',
      path: '/home/me/talk.pdf',
      acknowledgePlaintext: true,
    });
    expect(el.textContent).toContain('Saved an unencrypted file to /home/me/talk.pdf.');
  });
});

import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { describe, expect, it, vi } from 'vitest';
import type { BridgeApi, DbtCoachBridge } from '../../../../shared/transport';
import type { PolicyState } from '../../../../shared/api';
import { DBT_COACH_BRIDGE } from '../../core/transport/transport-tokens';
import { provideAppIcons } from '../../core/icons';
import { BundleImport } from './bundle-import';
import { ManagedMarker } from './managed-marker';
import { ManagedPanel } from './managed-panel';

const effective = {
  forceOffline: true,
  disableRelay: true,
  disableServerProvider: true,
  autoLockMaxSeconds: 300,
  disableRememberOnDevice: true,
  requireSignedModelBundles: true,
  clinicKeys: [],
  country: null,
  crisisContacts: null,
  defaultTheme: null,
  language: null,
};
const broken: PolicyState = {
  source: 'broken',
  path: '/etc/dbt-coach/policy.json',
  warning: 'Your organisation’s policy file could not be used (it is not valid JSON).',
  effective,
  managed: [
    { setting: 'offline', locked: true, value: 'Always on', reason: 'Your organisation keeps this app offline.' },
    { setting: 'autoLock', locked: true, value: '5 minutes at most', reason: 'Idle lock set by your organisation.' },
  ],
};

function setup(api: Record<string, unknown>) {
  const bridge: DbtCoachBridge = { api: api as unknown as BridgeApi, onEvent: () => () => undefined };
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideAppIcons(), { provide: DBT_COACH_BRIDGE, useValue: bridge }],
  });
}

async function settle(fixture: { whenStable(): Promise<unknown> }) {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await fixture.whenStable();
  }
}

describe('Managed by your organisation', () => {
  it('shows the broken-policy banner as an alert and each managed setting with its reason', async () => {
    setup({ 'policy.get': vi.fn(async () => ({ ok: true, value: broken })) });
    const fixture = TestBed.createComponent(ManagedPanel);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('not valid JSON');
    expect(el.querySelector('h2')?.textContent).toContain('Managed by your organisation');
    const text = el.textContent ?? '';
    expect(text).toContain('Offline mode');
    expect(text).toContain('Your organisation keeps this app offline.');
    expect(text).toContain('5 minutes at most');
    expect(text).toContain('(locked)');
  });

  it('renders nothing without a policy, and a marker only for managed settings', async () => {
    setup({
      'policy.get': vi.fn(async () => ({
        ok: true,
        value: { ...broken, source: 'none', warning: null, managed: [] },
      })),
    });
    const panel = TestBed.createComponent(ManagedPanel);
    await settle(panel);
    expect((panel.nativeElement as HTMLElement).querySelector('section')).toBeNull();
    const marker = TestBed.createComponent(ManagedMarker);
    marker.componentRef.setInput('setting', 'offline');
    await settle(marker);
    expect((marker.nativeElement as HTMLElement).textContent?.trim()).toBe('');
  });

  it('a marker names the reason for a locked setting', async () => {
    setup({ 'policy.get': vi.fn(async () => ({ ok: true, value: broken })) });
    const marker = TestBed.createComponent(ManagedMarker);
    marker.componentRef.setInput('setting', 'autoLock');
    await settle(marker);
    expect((marker.nativeElement as HTMLElement).textContent).toContain('Managed by your organisation');
    expect((marker.nativeElement as HTMLElement).textContent).toContain('Idle lock set by your organisation.');
  });
});

describe('Import bundle from folder', () => {
  async function submit(fixture: ReturnType<typeof TestBed.createComponent<BundleImport>>, path: string) {
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector<HTMLInputElement>('input[name="bundlePath"]');
    if (!input) throw new Error('no path field');
    input.value = path;
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
    el.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    return el;
  }

  it('asks to confirm the fingerprint, then imports with it', async () => {
    const importBundle = vi
      .fn()
      .mockResolvedValueOnce({
        ok: true,
        value: {
          state: 'needs-confirmation',
          fingerprint: 'bb86 b0b2 374e 3c87 6bb8 ce82 9be0 9605',
          files: [{ name: 'tiny.gguf', size: 1750560, license: 'MIT' }],
        },
      })
      .mockResolvedValueOnce({
        ok: true,
        value: {
          state: 'imported',
          fingerprint: 'bb86 b0b2 374e 3c87 6bb8 ce82 9be0 9605',
          imported: ['tiny'],
          alreadyInstalled: [],
          ignored: [],
          models: [],
        },
      });
    setup({ 'models.importBundle': importBundle });
    const fixture = TestBed.createComponent(BundleImport);
    const imported = vi.fn();
    fixture.componentInstance.imported.subscribe(imported);
    await settle(fixture);
    const el = await submit(fixture, '/media/usb/bundle');
    expect(el.textContent).toContain('bb86 b0b2 374e 3c87');
    expect(el.textContent).toContain('tiny.gguf');
    const yes = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('They match'));
    yes?.click();
    await settle(fixture);
    expect(importBundle).toHaveBeenLastCalledWith({
      path: '/media/usb/bundle',
      confirmFingerprint: 'bb86 b0b2 374e 3c87 6bb8 ce82 9be0 9605',
    });
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Imported tiny');
    expect(imported).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal that names the bad file as an alert', async () => {
    setup({
      'models.importBundle': vi.fn(async () => ({
        ok: false,
        error: { code: 'MODEL_INVALID', message: 'beta.gguf: it does not match its SHA-256 in the bundle manifest.' },
      })),
    });
    const fixture = TestBed.createComponent(BundleImport);
    await settle(fixture);
    const el = await submit(fixture, '/media/usb/bundle');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('beta.gguf');
  });
});

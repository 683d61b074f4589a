import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { PolicyStore } from './policy-store';

const NAMES: Record<string, string> = {
  offline: 'Offline mode',
  relayProvider: 'Relay',
  serverProvider: 'OpenAI-compatible server',
  autoLock: 'Auto-lock',
  rememberOnDevice: 'Remember on this device',
  crisisContacts: 'Crisis contacts',
  country: 'Country',
  modelImports: 'Adding models',
  theme: 'Theme',
  language: 'Language',
};

/** Settings → Managed by your organisation: the policy's settings with reasons, and the broken-file banner. */
@Component({
  selector: 'app-managed-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    @if (policy.state(); as s) {
      @if (s.source !== 'none') {
        <section aria-labelledby="managed-h" id="managed">
          <h2 id="managed-h">Managed by your organisation</h2>
          @if (s.warning) {
            <div class="banner" role="alert">
              <p><strong>The policy file has a problem.</strong> {{ s.warning }}</p>
            </div>
          }
          <p class="hint">
            These settings come from the policy file at {{ s.path }}. Ask your IT staff to change them.
          </p>
          <dl>
            @for (m of s.managed; track m.setting) {
              <dt>
                @if (m.locked) {
                  <mat-icon svgIcon="lock" aria-hidden="true" inline />
                }
                {{ names[m.setting] ?? m.setting }}
                <span class="visually-hidden">{{ m.locked ? '(locked)' : '(default, you can change it)' }}</span>
              </dt>
              <dd>
                <strong>{{ m.value }}</strong> — {{ m.reason }}
              </dd>
            }
          </dl>
        </section>
      }
    }
  `,
  styleUrl: './panels.scss',
  styles: `
    .banner {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin: 0 0 12px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .banner p {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class ManagedPanel {
  protected readonly policy = inject(PolicyStore);
  protected readonly names = NAMES;

  constructor() {
    void this.policy.load();
  }
}

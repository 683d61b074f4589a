import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ManagedMarker } from './managed-marker';
import { PolicyStore } from './policy-store';
import { PrivacyStore } from './privacy-store';

/** Settings → Privacy: the offline switch and every outbound connection the app made (never content). */
@Component({
  selector: 'app-privacy-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatSlideToggleModule, ManagedMarker],
  template: `
    <section aria-labelledby="privacy-h" id="privacy">
      <h2 id="privacy-h">Privacy</h2>
      <mat-slide-toggle
        [checked]="privacy.offline()"
        [disabled]="policy.isLocked('offline')"
        (change)="toggle($event.checked)"
      >
        Offline mode — refuse every connection except this computer and your own local server
      </mat-slide-toggle>
      <app-managed-marker setting="offline" />
      <p class="hint" role="status">{{ status() }}</p>
      <h3>Outbound connections</h3>
      <p class="hint">Every connection the app tried to make to another machine: when, where and why. Never what.</p>
      <table>
        <caption class="hint">
          {{
            privacy.connections().length
          }}
          recorded
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Host</th>
            <th scope="col">Purpose</th>
            <th scope="col">Allowed</th>
          </tr>
        </thead>
        <tbody>
          @for (c of privacy.connections(); track $index) {
            <tr>
              <td>{{ when(c.at) }}</td>
              <td>{{ c.host }}</td>
              <td>{{ c.purpose }}</td>
              <td>{{ c.allowed ? 'Yes' : 'Refused' }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4">None. Nothing has left this computer.</td>
            </tr>
          }
        </tbody>
      </table>
    </section>
  `,
  styleUrl: './panels.scss',
})
export class PrivacyPanel {
  protected readonly privacy = inject(PrivacyStore);
  protected readonly policy = inject(PolicyStore);
  protected readonly status = signal('');

  constructor() {
    void this.privacy.refresh().then(() => this.privacy.refreshConnections());
  }

  protected async toggle(offline: boolean): Promise<void> {
    const ok = await this.privacy.setOffline(offline);
    this.status.set(
      ok
        ? offline
          ? 'Offline: nothing leaves this computer.'
          : 'Online: downloads and servers you set up are allowed, and each connection is listed below.'
        : (this.privacy.error() ?? ''),
    );
  }

  protected when(at: string): string {
    const d = new Date(at);
    return Number.isNaN(d.getTime()) ? at : d.toLocaleString();
  }
}

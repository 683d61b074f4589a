import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { JournalNotice } from '../diary/journal-notice';
import { ClientsPanel } from './clients-panel';
import { HandoffStore } from './handoff-store';
import { KeysPanel } from './keys-panel';
import { PacketPanel } from './packet-panel';

/** Therapist hand-off: keys, encrypted packets and PDFs for clients; the Clients view for therapists. */
@Component({
  selector: 'app-clients-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ClientsPanel, JournalNotice, KeysPanel, MatTabsModule, PacketPanel],
  providers: [HandoffStore],
  template: `
    <div class="page">
      <h1>Hand-off</h1>
      <app-journal-notice [error]="store.error()" />
      @if (!store.error()) {
        <mat-tab-group mat-stretch-tabs="false">
          <mat-tab label="Share with my therapist">
            <app-keys-panel />
            <app-packet-panel />
          </mat-tab>
          <mat-tab label="Clients">
            <app-clients-panel />
          </mat-tab>
        </mat-tab-group>
      }
    </div>
  `,
  styles: `
    .page {
      max-width: 52rem;
      margin: 0 auto;
      padding: 1rem;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0.5rem 0 1rem;
    }
  `,
})
export default class ClientsPage {
  protected readonly store = inject(HandoffStore);

  constructor() {
    void this.store.load();
  }
}

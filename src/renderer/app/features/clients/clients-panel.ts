import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { HandoffStore } from './handoff-store';
import { PacketView } from './packet-view';

/** For therapists: import a client's packet from a path, then browse clients and their packets. */
@Component({
  selector: 'app-clients-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, PacketView],
  template: `
    <section aria-labelledby="import-h">
      <h2 id="import-h">Import a client’s packet</h2>
      <p class="help">The packet is checked (signature, that it was sealed to you, size) before anything is stored.</p>
      <div class="row">
        <mat-form-field appearance="outline" class="full">
          <mat-label>Packet file path</mat-label>
          <input matInput maxlength="4096" [value]="path()" (input)="path.set(value($event))" />
        </mat-form-field>
        <button mat-flat-button type="button" [disabled]="!path().trim() || busy()" (click)="importPacket()">
          Import packet
        </button>
      </div>
      <p class="status" role="status">{{ status() }}</p>
    </section>

    <section aria-labelledby="clients-h">
      <h2 id="clients-h">Clients</h2>
      <ul>
        @for (c of store.clients(); track c.id) {
          <li>
            <button
              mat-stroked-button
              type="button"
              [attr.aria-pressed]="store.selectedClient() === c.id"
              (click)="store.selectClient(c.id)"
            >
              {{ c.label }}
            </button>
            <span class="help">{{ c.packets }} packets · last {{ c.lastPacketAt | date: 'mediumDate' }}</span>
          </li>
        } @empty {
          <li>No client packets yet.</li>
        }
      </ul>
      @if (store.selectedClient()) {
        <h3>Packets</h3>
        <ul>
          @for (p of store.packets(); track p.id) {
            <li>
              <button mat-button type="button" (click)="store.openPacket(p.id)">
                Packet of {{ p.createdAt | date: 'medium' }}
              </button>
              <span class="help">{{ p.kinds.join(', ') }}</span>
            </li>
          }
        </ul>
      }
      @if (store.packet(); as packet) {
        <h3>Packet of {{ packet.packet.createdAt | date: 'medium' }} (read-only)</h3>
        <app-packet-view [items]="packet.items" />
      }
    </section>
  `,
  styleUrl: './handoff.scss',
})
export class ClientsPanel {
  protected readonly store = inject(HandoffStore);
  protected readonly path = signal('');
  protected readonly status = signal('');
  protected readonly busy = signal(false);

  protected async importPacket(): Promise<void> {
    this.busy.set(true);
    this.status.set(await this.store.importPacket(this.path().trim()));
    this.busy.set(false);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

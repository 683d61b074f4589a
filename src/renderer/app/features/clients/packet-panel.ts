import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { todayLocal } from '../diary/diary-dates';
import { chosenItems } from './handoff-items';
import { HandoffStore } from './handoff-store';
import { PdfExport } from './pdf-export';

/** Choose what to share, then seal it to a therapist key (encrypted) or write one PDF (not encrypted). */
@Component({
  selector: 'app-packet-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, PdfExport],
  templateUrl: './packet-panel.html',
  styleUrl: './handoff.scss',
})
export class PacketPanel {
  protected readonly store = inject(HandoffStore);
  protected readonly week = signal(todayLocal());
  protected readonly includeWeek = signal(true);
  protected readonly includePlan = signal(false);
  protected readonly chainIds = signal<string[]>([]);
  protected readonly recipient = signal<string | null>(null);
  protected readonly path = signal('');
  protected readonly status = signal('');
  protected readonly busy = signal(false);
  protected readonly pdfKind = signal<'diaryWeek' | 'safetyPlan' | 'chain'>('diaryWeek');
  protected readonly items = computed(() =>
    chosenItems({
      week: this.week(),
      includeWeek: this.includeWeek(),
      includePlan: this.includePlan(),
      chainIds: this.chainIds(),
    }),
  );
  /** The single item a PDF is made of: the chosen week, the plan, or the first chosen chain. */
  protected readonly pdfItem = computed(() => {
    const kind = this.pdfKind();
    return this.items().find((i) => i.kind === kind) ?? null;
  });

  protected async create(): Promise<void> {
    const recipientId = this.recipient();
    if (!recipientId || this.items().length === 0) return;
    this.busy.set(true);
    this.status.set(await this.store.createPacket({ recipientId, items: this.items(), path: this.path().trim() }));
    this.busy.set(false);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

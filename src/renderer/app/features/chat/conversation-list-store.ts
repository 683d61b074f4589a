import { computed, inject, Injectable, signal } from '@angular/core';
import type { Conversation } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { tzOffsetMinutes } from '../history/day-label';
import { mergeDays, toSections, withoutConversation, type DayGroup } from './day-groups';

const PAGE = 100;

/** The sidebar: conversations by day (Pinned first), paged in from the encrypted history. */
@Injectable({ providedIn: 'root' })
export class ConversationListStore {
  private readonly api = inject(ApiClient);
  readonly pinned = signal<Conversation[]>([]);
  readonly days = signal<DayGroup[]>([]);
  readonly cursor = signal<string | null>(null);
  readonly error = signal<string | null>(null);
  readonly sections = computed(() => toSections(this.pinned(), this.days()));

  async refresh(): Promise<void> {
    const r = await this.api.call('history.listByDay', { tzOffsetMinutes: tzOffsetMinutes(), limit: PAGE });
    if (!r.ok) {
      this.error.set(r.error.code === 'LOCKED' ? 'Unlock your vault to see your conversations.' : r.error.message);
      return;
    }
    this.error.set(null);
    this.pinned.set(r.value.pinned);
    this.days.set(r.value.days);
    this.cursor.set(r.value.nextCursor);
  }

  async more(): Promise<void> {
    const cursor = this.cursor();
    if (!cursor) return;
    const r = await this.api.call('history.listByDay', { tzOffsetMinutes: tzOffsetMinutes(), limit: PAGE, cursor });
    if (!r.ok) return;
    this.days.update((d) => mergeDays(d, r.value.days));
    this.cursor.set(r.value.nextCursor);
  }

  async rename(id: string, title: string): Promise<void> {
    const r = await this.api.call('history.renameConversation', { id, title: title.trim().slice(0, 200) });
    if (r.ok) this.replace(r.value);
    else this.error.set(r.error.message);
  }

  async setPinned(id: string, pinned: boolean): Promise<void> {
    const r = await this.api.call('history.setPinned', { id, pinned });
    if (r.ok) await this.refresh();
    else this.error.set(r.error.message);
  }

  async remove(id: string): Promise<boolean> {
    const r = await this.api.call('history.deleteConversation', { id });
    if (!r.ok) {
      this.error.set(r.error.message);
      return false;
    }
    this.pinned.update((p) => p.filter((c) => c.id !== id));
    this.days.update((d) => withoutConversation(d, id));
    return true;
  }

  find(id: string): Conversation | null {
    return (
      this.pinned().find((c) => c.id === id) ??
      this.days()
        .flatMap((g) => g.conversations)
        .find((c) => c.id === id) ??
      null
    );
  }

  wipe(): void {
    this.pinned.set([]);
    this.days.set([]);
    this.cursor.set(null);
    this.error.set(null);
  }

  private replace(c: Conversation): void {
    this.pinned.update((p) => p.map((x) => (x.id === c.id ? c : x)));
    this.days.update((d) =>
      d.map((g) => ({ day: g.day, conversations: g.conversations.map((x) => (x.id === c.id ? c : x)) })),
    );
  }
}

import { Injectable, inject, signal } from '@angular/core';
import type { ApiError, ChainFields, MethodOutput } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { todayLocal } from '../diary/diary-dates';
import { cleanFields, emptyFields } from './chain-fields';

type Summary = MethodOutput<'chain.list'>['chains'][number];
type Skill = MethodOutput<'coach.skills.list'>['skills'][number];
interface ConversationChoice {
  readonly id: string;
  readonly title: string;
}

/** Chain analyses: the list, the one being edited (id null = new) and drafting from a conversation. */
@Injectable()
export class ChainStore {
  private readonly api = inject(ApiClient);
  readonly chains = signal<readonly Summary[]>([]);
  readonly editing = signal<{ id: string | null; fields: ChainFields } | null>(null);
  readonly skills = signal<readonly Skill[]>([]);
  readonly conversations = signal<readonly ConversationChoice[]>([]);
  readonly error = signal<ApiError | null>(null);
  readonly status = signal('');
  readonly busy = signal(false);

  async load(): Promise<void> {
    const [list, lib] = await Promise.all([this.api.call('chain.list', {}), this.api.call('coach.skills.list', {})]);
    if (lib.ok) this.skills.set(lib.value.skills);
    if (!list.ok) {
      this.error.set(list.error);
      return;
    }
    this.error.set(null);
    this.chains.set(list.value.chains);
  }

  startNew(): void {
    this.status.set('');
    this.editing.set({ id: null, fields: emptyFields() });
    void this.loadConversations();
  }

  async open(id: string): Promise<void> {
    const r = await this.api.call('chain.get', { id });
    if (!r.ok) {
      this.status.set(r.error.message);
      return;
    }
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = r.value;
    this.status.set('');
    this.editing.set({ id, fields });
    void this.loadConversations();
  }

  patch(change: (f: ChainFields) => ChainFields): void {
    const e = this.editing();
    if (e) this.editing.set({ ...e, fields: change(e.fields) });
  }

  close(): void {
    this.editing.set(null);
  }

  async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    const fields = cleanFields(e.fields, todayLocal());
    this.busy.set(true);
    const r = e.id
      ? await this.api.call('chain.update', { id: e.id, fields })
      : await this.api.call('chain.create', { fields });
    this.busy.set(false);
    if (!r.ok) {
      this.status.set(r.error.message);
      return;
    }
    const { id, createdAt: _c, updatedAt: _u, ...saved } = r.value;
    this.editing.set({ id, fields: saved });
    this.status.set('Saved.');
    await this.load();
  }

  async remove(id: string): Promise<void> {
    const r = await this.api.call('chain.delete', { id });
    this.status.set(r.ok ? 'The chain analysis was deleted.' : r.error.message);
    if (r.ok && this.editing()?.id === id) this.editing.set(null);
    await this.load();
  }

  /** Fills the form from a conversation; nothing is saved until the person presses Save. */
  async draft(conversationId: string): Promise<void> {
    this.busy.set(true);
    this.status.set('The coach is drafting from that conversation…');
    const r = await this.api.call('chain.draft', { conversationId });
    this.busy.set(false);
    if (!r.ok) {
      this.status.set(r.error.message);
      return;
    }
    this.patch(() => r.value.fields);
    const left = r.value.omittedMessages;
    this.status.set(
      `Draft ready: read it through and change anything that is not right.${left ? ` ${left} messages were left out.` : ''}`,
    );
  }

  private async loadConversations(): Promise<void> {
    const r = await this.api.call('history.listByDay', {
      tzOffsetMinutes: -new Date().getTimezoneOffset(),
      limit: 30,
    });
    if (!r.ok) return;
    const all = [...r.value.pinned, ...r.value.days.flatMap((d) => d.conversations)];
    const seen = new Set<string>();
    this.conversations.set(
      all
        .filter((c) => !seen.has(c.id) && seen.add(c.id))
        .map((c) => ({ id: c.id, title: c.title || 'Untitled conversation' })),
    );
  }
}

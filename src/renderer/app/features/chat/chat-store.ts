import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { Conversation, ProviderKind, SendResult } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { CrisisService } from '../crisis/crisis-service';
import { PrivacyStore } from '../settings/privacy-store';
import {
  applyDelta,
  applyDone,
  applyQueue,
  fromStored,
  lastWhere,
  pendingAssistant,
  prependOlder,
  upsert,
  type UiMessage,
} from './chat-state';
import { errorText } from './chat-errors';
import { EarlyEvents, type StreamEvent } from './early-events';
import { ConversationListStore } from './conversation-list-store';
import { SkillChips, type SkillChip } from './skill-chips';

type Preview = Extract<SendResult, { state: 'needs-confirmation' }>['preview'];

/** A send or regenerate waiting for the user to agree that it may leave the machine. */
export interface PendingConfirm {
  readonly conversationId: string;
  readonly preview: Preview;
  readonly action: SendAction;
}

type SendAction =
  { kind: 'send'; text: string } | { kind: 'regenerate' } | { kind: 'edit'; messageId: string; text: string };

const FIRST_PAGE = 60;
const OLDER_PAGE = 100;

/** Shown in place of the fixed crisis reply when the stored text cannot be read back (no model wrote it). */
const CRISIS_NOTE = 'Your coach has paused so you can focus on staying safe. People you can reach are on screen.';

/**
 * The chat screen's state: the open conversation, its messages (paged in from history as the user
 * scrolls up), streaming replies from chat.delta/done/queue, the remote-send confirmation, and the safety
 * outcomes (crisis view, concern banner). Everything lives in memory and is wiped on 'vault.locked'.
 */
@Injectable({ providedIn: 'root' })
export class ChatStore {
  private readonly api = inject(ApiClient);
  private readonly crisis = inject(CrisisService);
  private readonly chips = inject(SkillChips);
  private readonly privacy = inject(PrivacyStore);
  readonly list = inject(ConversationListStore);

  readonly conversationId = signal<string | null>(null);
  readonly conversation = signal<Conversation | null>(null);
  readonly messages = signal<UiMessage[]>([]);
  readonly olderCursor = signal<string | null>(null);
  readonly loadingOlder = signal(false);
  readonly error = signal<string | null>(null);
  readonly pendingConfirm = signal<PendingConfirm | null>(null);
  readonly concern = signal(false);
  /** The provider picked in the header for this conversation; sent with the next message. */
  readonly providerChoice = signal<ProviderKind | null>(null);
  readonly suggestions = signal<Readonly<Record<string, readonly SkillChip[]>>>({});
  /** Text put back into the composer by "Edit and resend" or a declined remote send. */
  readonly draft = signal<{ text: string } | null>(null);
  /** The person's last message while it is being edited; the next send replaces it (chat.edit). */
  readonly editing = signal<{ messageId: string } | null>(null);
  /**
   * "Don't save": the open (or next new) conversation lives only in the main process's memory. It never
   * appears in the list and is closed (forgotten) when the person leaves it, turns this off, or the vault locks.
   */
  readonly privateMode = signal(false);
  readonly streaming = computed(() => this.messages().some((m) => m.status === 'streaming'));
  readonly provider = computed<ProviderKind>(
    () =>
      this.providerChoice() ??
      asKind(this.conversation()?.provider) ??
      this.privacy.settings()?.defaultProvider ??
      'local',
  );
  /** The user text each live reply answers, for its skill chips (memory only). */
  private readonly askedFor = new Map<string, string>();
  private readonly early = new EarlyEvents();
  private openSeq = 0;

  constructor() {
    const subs = [
      this.api.on('chat.delta').subscribe((e) => this.onEvent({ kind: 'delta', e })),
      this.api.on('chat.done').subscribe((e) => this.onEvent({ kind: 'done', e })),
      this.api.on('chat.queue').subscribe((e) => this.onEvent({ kind: 'queue', e })),
      this.api.on('vault.locked').subscribe(() => this.wipe()),
    ];
    inject(DestroyRef).onDestroy(() => subs.forEach((s) => s.unsubscribe()));
  }

  newChat(): void {
    this.openSeq++;
    this.leavePrivate();
    this.reset();
  }

  /** The "Don't save" switch: always starts a fresh conversation, so saved and unsaved text never mix. */
  setPrivate(on: boolean): void {
    this.newChat();
    this.privateMode.set(on);
  }

  async open(id: string): Promise<void> {
    const seq = ++this.openSeq;
    this.leavePrivate();
    this.reset();
    this.conversationId.set(id);
    this.conversation.set(this.list.find(id));
    const r = await this.api.call('history.getConversation', { id, limit: FIRST_PAGE });
    if (seq !== this.openSeq) return; // the user opened another one meanwhile
    if (!r.ok) {
      this.error.set(errorText(r.error));
      return;
    }
    this.conversation.set(r.value.conversation);
    this.messages.set(r.value.messages.map(fromStored));
    this.olderCursor.set(r.value.nextCursor);
    const last = r.value.messages.at(-1);
    const asked = lastWhere(r.value.messages, (m) => m.role === 'user');
    if (last?.role === 'assistant' && last.status === 'complete' && last.model !== 'safety' && asked) {
      this.askedFor.set(last.id, asked.content);
      void this.suggestFor(last.id);
    }
  }

  /** Pages older messages in at the top (the list calls this when scrolled near the start). */
  async loadOlder(): Promise<number> {
    const id = this.conversationId();
    const cursor = this.olderCursor();
    if (!id || !cursor || this.loadingOlder()) return 0;
    this.loadingOlder.set(true);
    const r = await this.api.call('history.getConversation', { id, cursor, limit: OLDER_PAGE });
    this.loadingOlder.set(false);
    if (!r.ok || id !== this.conversationId()) return 0;
    const before = this.messages().length;
    this.messages.update((m) => prependOlder(m, r.value.messages.map(fromStored)));
    this.olderCursor.set(r.value.nextCursor);
    return this.messages().length - before;
  }

  async send(text: string): Promise<boolean> {
    const body = text.trim();
    if (!body) return false;
    this.error.set(null);
    this.draft.set(null);
    const conversationId = this.conversationId();
    const editing = this.editing();
    if (editing && conversationId) return this.sendEdit(conversationId, editing.messageId, body);
    this.editing.set(null);
    const r = await this.api.call('chat.send', {
      text: body,
      ...(conversationId ? { conversationId } : {}),
      ...(this.providerChoice() ? { provider: this.provider() } : {}),
      ...(!conversationId && this.privateMode() ? { private: true } : {}),
    });
    if (!r.ok) {
      this.error.set(errorText(r.error));
      return false;
    }
    await this.handleResult(r.value, { kind: 'send', text: body });
    return true;
  }

  private async sendEdit(conversationId: string, messageId: string, text: string): Promise<boolean> {
    const r = await this.api.call('chat.edit', { conversationId, messageId, text });
    if (!r.ok) {
      this.error.set(errorText(r.error));
      this.draft.set({ text });
      return false;
    }
    this.editing.set(null);
    await this.handleResult(r.value, { kind: 'edit', messageId, text });
    return true;
  }

  async regenerate(): Promise<void> {
    const conversationId = this.conversationId();
    if (!conversationId) return;
    this.error.set(null);
    const r = await this.api.call('chat.regenerate', { conversationId });
    if (!r.ok) this.error.set(errorText(r.error));
    else await this.handleResult(r.value, { kind: 'regenerate' });
  }

  async stop(): Promise<void> {
    const conversationId = this.conversationId();
    if (conversationId) await this.api.call('chat.stop', { conversationId });
  }

  /** Edit-and-resend: the last message's text goes into the composer; sending replaces it and its reply. */
  editAndResend(message: UiMessage): void {
    if (message.role !== 'user') return;
    this.editing.set({ messageId: message.id });
    this.draft.set({ text: message.content });
  }

  cancelEdit(): void {
    this.editing.set(null);
    this.draft.set({ text: '' });
  }

  async confirmRemote(): Promise<void> {
    const pending = this.pendingConfirm();
    if (!pending) return;
    this.pendingConfirm.set(null);
    const { conversationId, preview } = pending;
    const r = await this.api.call('chat.confirmRemote', { conversationId, provider: preview.provider });
    if (!r.ok || !r.value.confirmed) {
      this.error.set(r.ok ? 'Sending was not confirmed.' : errorText(r.error));
      return;
    }
    if (pending.action.kind === 'send') await this.send(pending.action.text);
    else if (pending.action.kind === 'edit')
      await this.sendEdit(conversationId, pending.action.messageId, pending.action.text);
    else await this.regenerate();
  }

  cancelConfirm(): void {
    const pending = this.pendingConfirm();
    this.pendingConfirm.set(null);
    if (pending?.action.kind === 'edit') this.editing.set({ messageId: pending.action.messageId });
    if (pending && pending.action.kind !== 'regenerate') this.draft.set({ text: pending.action.text });
  }

  async removeConversation(id: string): Promise<void> {
    if (await this.list.remove(id)) {
      if (id === this.conversationId()) this.newChat();
    }
  }

  /** On lock the main process has already dropped any private conversation; here it is forgotten too. */
  wipe(): void {
    this.openSeq++;
    this.reset();
    this.draft.set(null);
    this.privateMode.set(false);
    this.list.wipe();
  }

  /** Leaving a private conversation closes it: the main process forgets every message of it. */
  private leavePrivate(): void {
    const id = this.conversationId();
    if (id && this.privateMode()) void this.api.call('chat.closePrivate', { conversationId: id });
    this.privateMode.set(false);
  }

  /** Events for a message not shown yet (they can overtake chat.send's result) wait in `early`. */
  private onEvent(ev: StreamEvent): void {
    const { e } = ev;
    const known = e.conversationId === this.conversationId() && this.messages().some((m) => m.id === e.messageId);
    if (!known) return this.early.hold(ev);
    if (ev.kind === 'delta') {
      this.messages.update((m) => applyDelta(m, ev.e));
      if (ev.e.replace && ev.e.level === 'crisis') this.crisis.open();
      if (ev.e.replace && ev.e.level === 'concern') this.concern.set(true);
    } else if (ev.kind === 'queue') {
      this.messages.update((m) => applyQueue(m, ev.e));
    } else {
      this.messages.update((m) => applyDone(m, ev.e));
      if (ev.e.status === 'complete') void this.suggestFor(ev.e.messageId);
      void this.list.refresh();
    }
  }

  private replayEarly(messageId: string): void {
    this.early.take(messageId).forEach((ev) => this.onEvent(ev));
  }

  private async handleResult(result: SendResult, action: PendingConfirm['action']): Promise<void> {
    const isNew = this.conversationId() !== result.conversationId;
    if (isNew) {
      this.conversationId.set(result.conversationId);
      this.conversation.set(null);
    }
    if (result.state === 'needs-confirmation') {
      this.pendingConfirm.set({ conversationId: result.conversationId, preview: result.preview, action });
      return;
    }
    const text = action.kind === 'regenerate' ? null : action.text;
    if (text !== null) {
      const id = result.userMessageId;
      // An edited message keeps its place and time; only its text changes.
      this.messages.update((m) =>
        upsert(m, { ...(m.find((x) => x.id === id) ?? userMessage(id, text)), content: text }),
      );
    }
    if (result.state === 'screened') {
      if (result.level === 'crisis') this.crisis.open();
      else this.concern.set(true);
      if (result.assistantMessageId) await this.showStoredReply(result.conversationId, result.assistantMessageId);
    } else {
      const pending = pendingAssistant(result.assistantMessageId, this.provider(), result.queuePosition);
      this.messages.update((m) => upsert(m, pending));
      if (text !== null) {
        this.askedFor.set(result.assistantMessageId, text);
        void this.checkConcern(text);
      }
      this.replayEarly(result.assistantMessageId);
    }
    void this.list.refresh();
  }

  /** The fixed safety reply is stored by the main process; read it back rather than inventing text here. */
  private async showStoredReply(conversationId: string, messageId: string): Promise<void> {
    const r = await this.api.call('history.getConversation', { id: conversationId, limit: 5 });
    const stored = r.ok ? r.value.messages.find((m) => m.id === messageId) : undefined;
    const message: UiMessage = stored
      ? fromStored(stored)
      : { ...pendingAssistant(messageId, 'local', 0), content: CRISIS_NOTE, status: 'complete', model: 'safety' };
    this.messages.update((m) => upsert(m, { ...message, queuePosition: null }));
  }

  /** 'started' carries no level, so concern is read from the same local classifier the main process uses. */
  private async checkConcern(text: string): Promise<void> {
    const r = await this.api.call('coach.safety.check', { text });
    if (r.ok && r.value.level !== 'none') this.concern.set(true);
  }

  private async suggestFor(messageId: string): Promise<void> {
    const asked = this.askedFor.get(messageId);
    if (!asked) return;
    const chips = await this.chips.forText(asked);
    if (chips.length) this.suggestions.update((s) => ({ ...s, [messageId]: chips }));
  }

  private reset(): void {
    this.conversationId.set(null);
    this.conversation.set(null);
    this.messages.set([]);
    this.olderCursor.set(null);
    this.loadingOlder.set(false);
    this.error.set(null);
    this.pendingConfirm.set(null);
    this.editing.set(null);
    this.concern.set(false);
    this.providerChoice.set(null);
    this.suggestions.set({});
    this.askedFor.clear();
    this.early.clear();
  }
}

function userMessage(id: string, content: string): UiMessage {
  return { id, role: 'user', content, status: 'complete', provider: null, model: null, createdAt: Date.now() };
}

function asKind(p: string | null | undefined): ProviderKind | null {
  return p === 'local' || p === 'server' || p === 'relay' ? p : null;
}

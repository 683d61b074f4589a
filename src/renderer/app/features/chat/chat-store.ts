import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { Conversation, EventPayload, ProviderKind, SendResult } from '../../../../shared/api';
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
import { ConversationListStore } from './conversation-list-store';
import { SkillChips, type SkillChip } from './skill-chips';

type Preview = Extract<SendResult, { state: 'needs-confirmation' }>['preview'];

/** A send or regenerate waiting for the user to agree that it may leave the machine. */
export interface PendingConfirm {
  readonly conversationId: string;
  readonly preview: Preview;
  readonly action: { kind: 'send'; text: string } | { kind: 'regenerate' };
}

type StreamEvent =
  | { kind: 'delta'; e: EventPayload<'chat.delta'> }
  | { kind: 'done'; e: EventPayload<'chat.done'> }
  | { kind: 'queue'; e: EventPayload<'chat.queue'> };

/** Bounds the events held for replies not shown yet. */
const MAX_EARLY_IDS = 8;
const MAX_EARLY_EVENTS = 5000;
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
  /** Text put back into the composer by "Edit and resend". */
  readonly draft = signal<{ text: string } | null>(null);
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
  private readonly early = new Map<string, StreamEvent[]>();
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
    this.reset();
  }

  async open(id: string): Promise<void> {
    const seq = ++this.openSeq;
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
    const r = await this.api.call('chat.send', {
      text: body,
      ...(conversationId ? { conversationId } : {}),
      ...(this.providerChoice() ? { provider: this.provider() } : {}),
    });
    if (!r.ok) {
      this.error.set(errorText(r.error));
      return false;
    }
    await this.handleResult(r.value, { kind: 'send', text: body });
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

  /** The contract has no message editing: the text goes back into the composer and is sent as a new turn. */
  editAndResend(message: UiMessage): void {
    this.draft.set({ text: message.content });
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
    else await this.regenerate();
  }

  cancelConfirm(): void {
    const pending = this.pendingConfirm();
    this.pendingConfirm.set(null);
    if (pending?.action.kind === 'send') this.draft.set({ text: pending.action.text });
  }

  async removeConversation(id: string): Promise<void> {
    if (await this.list.remove(id)) {
      if (id === this.conversationId()) this.newChat();
    }
  }

  wipe(): void {
    this.openSeq++;
    this.reset();
    this.draft.set(null);
    this.list.wipe();
  }

  /**
   * Stream events can overtake the result of chat.send (a new conversation has no id here yet), so
   * events for a message not shown yet wait in `early` and are replayed once its placeholder exists.
   */
  private onEvent(ev: StreamEvent): void {
    const { e } = ev;
    const known = e.conversationId === this.conversationId() && this.messages().some((m) => m.id === e.messageId);
    if (!known) {
      const queue = this.early.get(e.messageId) ?? [];
      if (queue.length < MAX_EARLY_EVENTS && (this.early.size < MAX_EARLY_IDS || this.early.has(e.messageId))) {
        queue.push(ev);
        this.early.set(e.messageId, queue);
      }
      return;
    }
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
    const queue = this.early.get(messageId);
    this.early.delete(messageId);
    queue?.forEach((ev) => this.onEvent(ev));
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
    const text = action.kind === 'send' ? action.text : null;
    if (text !== null) this.messages.update((m) => upsert(m, userMessage(result.userMessageId, text)));
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

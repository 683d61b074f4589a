import type { ProviderKind, SendResult } from '../../shared/api/chat';
import type { ChatPersistence } from './chat-persistence';
import { busy, remotePreview, toTurns } from './chat-turns';
import type { ChatServiceOptions } from './chat-types';
import { ScreenedReply } from './screened-reply';
import { AppError } from './errors';
import { PrivateChats } from './private-chats';
import type { ChatProvider, ChatTurn } from './provider';

export type { ChatServiceOptions, Emit, ReplyScreen, SafetyLevel, UserScreen } from './chat-types';

interface Running {
  readonly controller: AbortController;
  readonly finished: Promise<void>;
}

/**
 * Sends a message through the chosen provider and streams the reply to the renderer as
 * chat.delta / chat.queue / chat.done events while persisting it. Seams: providers, the
 * persistence, and the two safety screens (pass-through until the coach wires them in).
 */
export class ChatService {
  private readonly running = new Map<string, Running>();
  private readonly privates = new PrivateChats();

  constructor(private readonly o: ChatServiceOptions) {}

  setScreens(screens: Pick<ChatServiceOptions, 'screenUserMessage' | 'screenReply'>): void {
    if (screens.screenUserMessage) this.o.screenUserMessage = screens.screenUserMessage;
    if (screens.screenReply) this.o.screenReply = screens.screenReply;
  }

  async send(input: {
    conversationId?: string;
    text: string;
    provider?: ProviderKind;
    /** Only for a new conversation: keep it in memory and never save it. */
    private?: boolean;
  }): Promise<SendResult> {
    const isPrivate =
      input.conversationId === undefined ? input.private === true : this.privates.has(input.conversationId);
    const store = isPrivate ? this.privates.persistence : this.o.persistence();
    // Safety first: the message is screened before anything else can fail or ask for confirmation,
    // so a person in crisis gets the safety reply even with no model installed or a remote provider chosen.
    const screen = (await this.o.screenUserMessage?.(input.text)) ?? { level: 'none' };
    if (screen.level === 'crisis') return this.screened(store, input, screen.reply);
    if (input.provider) this.o.checkProvider?.(input.provider); // refuse before a conversation is created
    const conversationId = await this.conversation(store, input.conversationId, input.provider);
    if (this.running.has(conversationId)) throw busy();
    const meta = await store.getConversation(conversationId);
    const kind = meta?.provider ?? this.o.defaultProvider();
    const provider = this.provider(kind);
    const history = await store.listMessages(conversationId);
    const preview = remotePreview(kind, provider, meta?.remoteConfirmed ?? [], history, input.text);
    if (preview) return { state: 'needs-confirmation', conversationId, preview };

    const userMessageId = await store.appendMessage(conversationId, {
      role: 'user',
      text: input.text,
      status: 'complete',
    });
    const assistantMessageId = await store.appendMessage(conversationId, {
      role: 'assistant',
      text: '',
      status: 'streaming',
      provider: kind,
    });
    const queuePosition = this.running.size;
    this.start(conversationId, assistantMessageId, kind, provider, toTurns(history), input.text, screen.systemNote);
    return { state: 'started', conversationId, userMessageId, assistantMessageId, queuePosition };
  }

  /** A crisis message: stored with the fixed safety reply; no provider is ever called. */
  private async screened(
    store: ChatPersistence,
    input: { conversationId?: string; text: string },
    reply: string | undefined,
  ): Promise<SendResult> {
    const conversationId = input.conversationId
      ? await this.conversation(store, input.conversationId)
      : await store.createConversation({ provider: this.o.defaultProvider() });
    const userMessageId = await store.appendMessage(conversationId, {
      role: 'user',
      text: input.text,
      status: 'complete',
    });
    const assistantMessageId = reply
      ? await store.appendMessage(conversationId, {
          role: 'assistant',
          text: reply,
          status: 'complete',
          model: 'safety',
        })
      : null;
    return { state: 'screened', conversationId, userMessageId, level: 'crisis', assistantMessageId };
  }

  /** Regenerates the last assistant reply in place; the user message before it is answered again. */
  async regenerate(conversationId: string): Promise<SendResult> {
    const { store, meta, user, target, before } = await this.lastTurn(conversationId);
    if (!user || !target) throw new AppError('NOT_FOUND', 'There is no reply to regenerate yet.');
    const provider = this.provider(meta.provider);
    const preview = remotePreview(meta.provider, provider, meta.remoteConfirmed, before, user.text);
    if (preview) return { state: 'needs-confirmation', conversationId, preview };
    await store.updateMessage(conversationId, target.id, { text: '', status: 'streaming', provider: meta.provider });
    const queuePosition = this.running.size;
    this.start(conversationId, target.id, meta.provider, provider, toTurns(before), user.text, undefined);
    return { state: 'started', conversationId, userMessageId: user.id, assistantMessageId: target.id, queuePosition };
  }

  /**
   * Edit-and-resend: the person's last message gets the new text and its reply is written again in place
   * (same ids, like regenerate), so the conversation reads as if the edited message had been sent first.
   * The new text is screened like any message; nothing changes while a remote send awaits confirmation.
   */
  async edit(input: { conversationId: string; messageId: string; text: string }): Promise<SendResult> {
    const { conversationId, text } = input;
    const { store, meta, user, target, before } = await this.lastTurn(conversationId);
    if (!user || user.id !== input.messageId) {
      throw new AppError('INVALID_INPUT', 'Only your most recent message can be edited.');
    }
    const screen = (await this.o.screenUserMessage?.(text)) ?? { level: 'none' };
    if (screen.level === 'crisis') {
      await store.updateMessage(conversationId, user.id, { text });
      const reply = screen.reply ?? '';
      let assistantMessageId: string | null = target?.id ?? null;
      if (target)
        await store.updateMessage(conversationId, target.id, { text: reply, status: 'complete', model: 'safety' });
      else if (reply) {
        assistantMessageId = await store.appendMessage(conversationId, {
          role: 'assistant',
          text: reply,
          status: 'complete',
          model: 'safety',
        });
      }
      return { state: 'screened', conversationId, userMessageId: user.id, level: 'crisis', assistantMessageId };
    }
    const provider = this.provider(meta.provider);
    const preview = remotePreview(meta.provider, provider, meta.remoteConfirmed, before, text);
    if (preview) return { state: 'needs-confirmation', conversationId, preview };
    await store.updateMessage(conversationId, user.id, { text });
    const pending = { text: '', status: 'streaming', provider: meta.provider } as const;
    let assistantMessageId = target?.id;
    if (assistantMessageId) await store.updateMessage(conversationId, assistantMessageId, pending);
    else assistantMessageId = await store.appendMessage(conversationId, { role: 'assistant', ...pending });
    const queuePosition = this.running.size;
    this.start(conversationId, assistantMessageId, meta.provider, provider, toTurns(before), text, screen.systemNote);
    return { state: 'started', conversationId, userMessageId: user.id, assistantMessageId, queuePosition };
  }

  /** The last exchange of an idle conversation: the person's last message, its reply and what came before. */
  private async lastTurn(conversationId: string) {
    const store = this.storeFor(conversationId);
    if (this.running.has(conversationId)) throw busy();
    const meta = await store.getConversation(conversationId);
    if (!meta) throw new AppError('NOT_FOUND', 'That conversation does not exist.');
    const messages = await store.listMessages(conversationId);
    const lastUser = messages.map((m) => m.role).lastIndexOf('user');
    const user = messages[lastUser];
    const target = messages.slice(lastUser + 1).find((m) => m.role === 'assistant');
    return { store, meta, user, target, before: messages.slice(0, lastUser) };
  }

  async confirmRemote(conversationId: string, kind: ProviderKind): Promise<boolean> {
    const store = this.storeFor(conversationId);
    const meta = await store.getConversation(conversationId);
    if (!meta) throw new AppError('NOT_FOUND', 'That conversation does not exist.');
    const dest = this.provider(kind).destination();
    if (!dest) return true;
    const key = `${kind}|${dest.host}`;
    const remoteConfirmed = meta.remoteConfirmed.includes(key)
      ? [...meta.remoteConfirmed]
      : [...meta.remoteConfirmed, key];
    await store.updateConversation(conversationId, { provider: kind, remoteConfirmed });
    return true;
  }

  /** Stops one conversation's reply; resolves once the partial text is stored. */
  async stop(conversationId: string): Promise<boolean> {
    const r = this.running.get(conversationId);
    if (!r) return false;
    r.controller.abort();
    await r.finished;
    return true;
  }

  /** For lock and shutdown: stop everything, wait until every partial reply is stored, drop private chats. */
  async stopAll(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.controller.abort();
    await Promise.all(all.map((r) => r.finished));
    this.privates.clear();
  }

  /** Closes a "don't save" conversation: its reply is stopped and every message is forgotten. */
  async closePrivate(conversationId: string): Promise<boolean> {
    if (!this.privates.has(conversationId)) return false;
    await this.stop(conversationId);
    return this.privates.forget(conversationId);
  }

  isPrivate(conversationId: string): boolean {
    return this.privates.has(conversationId);
  }

  get activeCount(): number {
    return this.running.size;
  }

  get privateCount(): number {
    return this.privates.count;
  }

  /** A private conversation lives in memory only; every other one in the configured (encrypted) store. */
  private storeFor(conversationId: string): ChatPersistence {
    return this.privates.has(conversationId) ? this.privates.persistence : this.o.persistence();
  }

  private async conversation(store: ChatPersistence, id: string | undefined, kind?: ProviderKind): Promise<string> {
    if (!id) return store.createConversation({ provider: kind ?? this.o.defaultProvider() });
    const meta = await store.getConversation(id);
    if (!meta) throw new AppError('NOT_FOUND', 'That conversation does not exist.');
    if (kind && kind !== meta.provider) await store.updateConversation(id, { provider: kind });
    return id;
  }

  private provider(kind: ProviderKind): ChatProvider {
    this.o.checkProvider?.(kind);
    const p = this.o.providers[kind];
    if (!p || !p.available()) {
      throw new AppError(
        'UNAVAILABLE',
        kind === 'local' ? 'No on-device model is ready yet.' : 'That provider is not set up.',
      );
    }
    return p;
  }

  private start(
    conversationId: string,
    messageId: string,
    kind: ProviderKind,
    provider: ChatProvider,
    history: ChatTurn[],
    message: string,
    systemNote: string | undefined,
  ): void {
    const controller = new AbortController();
    const finished = this.generate(conversationId, messageId, kind, provider, history, message, systemNote, controller)
      .catch(() => undefined)
      .finally(() => this.running.delete(conversationId));
    this.running.set(conversationId, { controller, finished });
  }

  private async generate(
    conversationId: string,
    messageId: string,
    kind: ProviderKind,
    provider: ChatProvider,
    history: ChatTurn[],
    message: string,
    systemNote: string | undefined,
    controller: AbortController,
  ): Promise<void> {
    const store = this.storeFor(conversationId);
    const ids = { conversationId, messageId };
    const reply = new ScreenedReply({
      screen: this.o.screenReply,
      show: (piece) => this.o.emit('chat.delta', { ...ids, ...piece }),
    });
    let status: 'complete' | 'partial' | 'cancelled' | 'error' = 'complete';
    let errorCode: string | undefined;
    let model = kind === 'local' ? 'local' : (provider.destination()?.model ?? kind);
    let tokens = 0;
    let lastSaved = Date.now();
    const system = systemNote ? `${this.o.systemPrompt()}\n\n${systemNote}` : this.o.systemPrompt();
    try {
      const request = {
        system,
        history,
        message,
        maxTokens: this.o.maxTokens,
        ...(this.privates.has(conversationId) ? {} : { conversationId }),
        onQueue: (position: number) => this.o.emit('chat.queue', { ...ids, position }),
      };
      for await (const delta of provider.chat(request, controller.signal)) {
        if (delta.type === 'done') {
          model = delta.model;
          tokens = delta.tokens;
          const shown = await reply.flush();
          if (delta.reason === 'stopped') status = reply.text ? 'partial' : 'cancelled';
          if (!shown) break;
          continue;
        }
        if (!(await reply.push(delta.text))) {
          controller.abort();
          break;
        }
        if (Date.now() - lastSaved >= (this.o.persistEveryMs ?? 1000)) {
          lastSaved = Date.now();
          await store.updateMessage(conversationId, messageId, { text: reply.text });
        }
      }
      await reply.flush();
    } catch (e) {
      // What was still waiting for the screen is screened and kept, like everything before a stop.
      await reply.flush();
      status = controller.signal.aborted ? (reply.text ? 'partial' : 'cancelled') : 'error';
      errorCode = e instanceof AppError ? e.code : 'PROVIDER_ERROR';
      if (status !== 'error') errorCode = undefined;
    }
    await store.updateMessage(conversationId, messageId, { text: reply.text, status, model });
    this.o.emit('chat.done', {
      ...ids,
      status,
      provider: kind,
      model: model.slice(0, 200),
      tokens,
      ...(errorCode ? { errorCode } : {}),
    });
  }
}

import type { EventName, EventPayload } from '../../shared/api';
import type { ProviderKind, SendResult } from '../../shared/api/chat';
import type { ChatPersistence, StoredChatMessage } from './chat-persistence';
import { AppError } from './errors';
import type { ChatProvider, ChatTurn } from './provider';

export type SafetyLevel = 'none' | 'concern' | 'crisis';

/** The safety layer's verdict on the user's message, taken before any provider sees it. */
export interface UserScreen {
  readonly level: SafetyLevel;
  /** On crisis: a scripted, safe reply to store and show instead of a model answer. */
  readonly reply?: string;
  /** On concern: guidance appended to the system prompt for this turn. */
  readonly systemNote?: string;
}

/** The safety layer's verdict on model text so far; `replacement` rewrites the whole reply and stops it. */
export interface ReplyScreen {
  readonly level: SafetyLevel;
  readonly replacement?: string;
}

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface ChatServiceOptions {
  readonly providers: Partial<Record<ProviderKind, ChatProvider>>;
  readonly persistence: () => ChatPersistence;
  readonly emit: Emit;
  readonly systemPrompt: () => string;
  readonly defaultProvider: () => ProviderKind;
  /** Throws (POLICY_DENIED) when the admin policy has turned this provider off. */
  readonly checkProvider?: (kind: ProviderKind) => void;
  screenUserMessage?: (text: string) => UserScreen | Promise<UserScreen>;
  /** Called with the accumulated reply before each delta is shown or stored; keep it cheap. */
  screenReply?: (text: string) => ReplyScreen | Promise<ReplyScreen>;
  readonly maxTokens?: number;
  /** How often partial text is written to the store while streaming (crash → partial). */
  readonly persistEveryMs?: number;
}

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

  constructor(private readonly o: ChatServiceOptions) {}

  setScreens(screens: Pick<ChatServiceOptions, 'screenUserMessage' | 'screenReply'>): void {
    if (screens.screenUserMessage) this.o.screenUserMessage = screens.screenUserMessage;
    if (screens.screenReply) this.o.screenReply = screens.screenReply;
  }

  async send(input: { conversationId?: string; text: string; provider?: ProviderKind }): Promise<SendResult> {
    const store = this.o.persistence();
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
    const preview = this.needsConfirmation(kind, provider, meta?.remoteConfirmed ?? [], history, input.text);
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
    const store = this.o.persistence();
    if (this.running.has(conversationId)) throw busy();
    const meta = await store.getConversation(conversationId);
    if (!meta) throw new AppError('NOT_FOUND', 'That conversation does not exist.');
    const messages = await store.listMessages(conversationId);
    const lastUser = messages.map((m) => m.role).lastIndexOf('user');
    const target = messages.slice(lastUser + 1).find((m) => m.role === 'assistant');
    const user = messages[lastUser];
    if (!user || !target) throw new AppError('NOT_FOUND', 'There is no reply to regenerate yet.');
    const provider = this.provider(meta.provider);
    const before = messages.slice(0, lastUser);
    const preview = this.needsConfirmation(meta.provider, provider, meta.remoteConfirmed, before, user.text);
    if (preview) return { state: 'needs-confirmation', conversationId, preview };
    await store.updateMessage(conversationId, target.id, { text: '', status: 'streaming', provider: meta.provider });
    const queuePosition = this.running.size;
    this.start(conversationId, target.id, meta.provider, provider, toTurns(before), user.text, undefined);
    return { state: 'started', conversationId, userMessageId: user.id, assistantMessageId: target.id, queuePosition };
  }

  async confirmRemote(conversationId: string, kind: ProviderKind): Promise<boolean> {
    const store = this.o.persistence();
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

  /** For lock and shutdown: stop everything and wait until every partial reply is stored. */
  async stopAll(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.controller.abort();
    await Promise.all(all.map((r) => r.finished));
  }

  get activeCount(): number {
    return this.running.size;
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

  private needsConfirmation(
    kind: ProviderKind,
    provider: ChatProvider,
    confirmed: readonly string[],
    history: readonly StoredChatMessage[],
    text: string,
  ) {
    const dest = provider.destination();
    if (!dest || confirmed.includes(`${kind}|${dest.host}`)) return null;
    const turns = toTurns(history);
    return {
      provider: kind,
      host: dest.host,
      model: dest.model,
      messageCount: turns.length + 1,
      characterCount: turns.reduce((n, t) => n + t.text.length, 0) + text.length,
      includesSystemPrompt: true,
    };
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
    const store = this.o.persistence();
    const ids = { conversationId, messageId };
    let text = '';
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
        onQueue: (position: number) => this.o.emit('chat.queue', { ...ids, position }),
      };
      for await (const delta of provider.chat(request, controller.signal)) {
        if (delta.type === 'done') {
          model = delta.model;
          tokens = delta.tokens;
          if (delta.reason === 'stopped') status = text ? 'partial' : 'cancelled';
          continue;
        }
        const verdict = this.o.screenReply ? await this.o.screenReply(text + delta.text) : null;
        if (verdict?.replacement !== undefined) {
          text = verdict.replacement;
          this.o.emit('chat.delta', {
            ...ids,
            text,
            replace: true,
            ...(verdict.level === 'none' ? {} : { level: verdict.level }),
          });
          controller.abort();
          break;
        }
        text += delta.text;
        this.o.emit('chat.delta', { ...ids, text: delta.text });
        if (Date.now() - lastSaved >= (this.o.persistEveryMs ?? 1000)) {
          lastSaved = Date.now();
          await store.updateMessage(conversationId, messageId, { text });
        }
      }
    } catch (e) {
      status = controller.signal.aborted ? (text ? 'partial' : 'cancelled') : 'error';
      errorCode = e instanceof AppError ? e.code : 'PROVIDER_ERROR';
      if (status !== 'error') errorCode = undefined;
    }
    await store.updateMessage(conversationId, messageId, { text, status, model });
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

const busy = () => new AppError('BUSY', 'A reply is still being written in this conversation. Stop it or wait.');

/** What the model sees of earlier turns: finished or partial text, never empty or failed replies. */
function toTurns(messages: readonly StoredChatMessage[]): ChatTurn[] {
  return messages
    .filter((m) => m.text && (m.role === 'user' || m.status === 'complete' || m.status === 'partial'))
    .map((m) => ({ role: m.role, text: m.text }));
}

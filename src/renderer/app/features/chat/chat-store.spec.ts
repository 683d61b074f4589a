import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, EventName, EventPayload, Message } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { CrisisService } from '../crisis/crisis-service';
import { ChatStore } from './chat-store';

type Handler = (input: Record<string, unknown>) => unknown;

/** A scripted ApiClient: per-method answers and pushable events. */
class FakeApi {
  readonly calls: { method: string; input: Record<string, unknown> }[] = [];
  readonly handlers = new Map<string, Handler>();
  private readonly subjects = new Map<string, Subject<unknown>>();
  /** Events emitted from inside a call, before its result resolves (as a fast stream would). */
  beforeResult: (() => void) | null = null;

  async call(method: string, input: Record<string, unknown>): Promise<ApiResult<unknown>> {
    this.calls.push({ method, input });
    const h = this.handlers.get(method);
    this.beforeResult?.();
    this.beforeResult = null;
    if (!h) return { ok: false, error: { code: 'NOT_IMPLEMENTED', message: 'no' } };
    return { ok: true, value: h(input) };
  }

  on<E extends EventName>(name: E) {
    if (!this.subjects.has(name)) this.subjects.set(name, new Subject());
    return (this.subjects.get(name) as Subject<EventPayload<E>>).asObservable();
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.subjects.get(name)?.next(payload);
  }

  called(method: string) {
    return this.calls.filter((c) => c.method === method);
  }
}

const stored = (id: string, role: 'user' | 'assistant', content: string, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c1',
  role,
  content,
  createdAt: 1,
  promptTokens: null,
  completionTokens: null,
  provider: role === 'assistant' ? 'local' : null,
  model: role === 'assistant' ? 'tiny' : null,
  status: 'complete',
  ...extra,
});

const conversation = {
  id: 'c1',
  title: 'Hello',
  createdAt: 1,
  updatedAt: 1,
  provider: 'local',
  model: null,
  pinned: false,
  archived: false,
};

describe('ChatStore', () => {
  let api: FakeApi;
  let crisis: { open: ReturnType<typeof vi.fn> };
  let store: ChatStore;

  beforeEach(() => {
    api = new FakeApi();
    crisis = { open: vi.fn() };
    api.handlers.set('history.listByDay', () => ({ pinned: [], days: [], nextCursor: null }));
    api.handlers.set('coach.safety.check', () => ({ level: 'none', reasons: [] }));
    api.handlers.set('coach.suggest', () => ({
      skills: [
        { id: 'tipp', score: 3 },
        { id: 'stop', score: 0 },
      ],
    }));
    api.handlers.set('coach.skills.list', () => ({ modules: [], skills: [{ id: 'tipp', name: 'TIPP' }], flows: [] }));
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        { provide: ApiClient, useValue: api },
        { provide: CrisisService, useValue: crisis },
      ],
    });
    store = TestBed.inject(ChatStore);
  });

  const started = () =>
    api.handlers.set('chat.send', () => ({
      state: 'started',
      conversationId: 'c1',
      userMessageId: 'u1',
      assistantMessageId: 'a1',
      queuePosition: 0,
    }));

  it('sends, streams deltas, finishes and shows skill chips', async () => {
    started();
    await store.send('  I feel overwhelmed  ');
    expect(api.called('chat.send')[0]?.input).toEqual({ text: 'I feel overwhelmed' });
    expect(store.conversationId()).toBe('c1');
    expect(store.messages().map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'streaming'],
    ]);
    expect(store.streaming()).toBe(true);
    api.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', text: 'Let us ' });
    api.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', text: 'breathe.' });
    api.emit('chat.done', {
      conversationId: 'c1',
      messageId: 'a1',
      status: 'complete',
      provider: 'local',
      model: 'tiny',
      tokens: 4,
    });
    expect(store.messages()[1]).toMatchObject({ content: 'Let us breathe.', status: 'complete', model: 'tiny' });
    expect(store.streaming()).toBe(false);
    await vi.waitFor(() => expect(store.suggestions()['a1']).toEqual([{ id: 'tipp', name: 'TIPP' }]));
  });

  it('keeps stream events that overtake the send result and replays them', async () => {
    started();
    api.beforeResult = () => api.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', text: 'early' });
    await store.send('hi');
    expect(store.messages()[1]?.content).toBe('early');
  });

  it('ignores events for another conversation', async () => {
    started();
    await store.send('hi');
    api.emit('chat.delta', { conversationId: 'other', messageId: 'a1', text: 'nope' });
    expect(store.messages()[1]?.content).toBe('');
  });

  it('opens the crisis view on a screened crisis and shows only the stored safety reply', async () => {
    api.handlers.set('chat.send', () => ({
      state: 'screened',
      conversationId: 'c1',
      userMessageId: 'u1',
      level: 'crisis',
      assistantMessageId: 'a1',
    }));
    api.handlers.set('history.getConversation', () => ({
      conversation,
      messages: [
        stored('u1', 'user', 'x'),
        stored('a1', 'assistant', 'You matter. Please call 988.', { model: 'safety' }),
      ],
      nextCursor: null,
    }));
    await store.send('I want to end it all tonight');
    expect(crisis.open).toHaveBeenCalledTimes(1);
    expect(store.messages().map((m) => m.content)).toEqual([
      'I want to end it all tonight',
      'You matter. Please call 988.',
    ]);
    expect(api.called('coach.suggest')).toHaveLength(0);
  });

  it('opens the crisis view when a streamed reply is rewritten for crisis', async () => {
    started();
    await store.send('hi');
    api.emit('chat.delta', {
      conversationId: 'c1',
      messageId: 'a1',
      text: 'safe text',
      replace: true,
      level: 'crisis',
    });
    expect(crisis.open).toHaveBeenCalled();
    expect(store.messages()[1]?.content).toBe('safe text');
  });

  it('shows the concern banner when the classifier says concern', async () => {
    started();
    api.handlers.set('coach.safety.check', () => ({ level: 'concern', reasons: ['r'] }));
    await store.send('everything is too much lately');
    await vi.waitFor(() => expect(store.concern()).toBe(true));
    expect(crisis.open).not.toHaveBeenCalled();
  });

  it('asks before a remote send, then confirms once and sends again', async () => {
    let confirmed = false;
    api.handlers.set('chat.send', () =>
      confirmed
        ? { state: 'started', conversationId: 'c1', userMessageId: 'u1', assistantMessageId: 'a1', queuePosition: 0 }
        : {
            state: 'needs-confirmation',
            conversationId: 'c1',
            preview: {
              provider: 'server',
              host: '10.0.0.2',
              model: 'm',
              messageCount: 1,
              characterCount: 2,
              includesSystemPrompt: true,
            },
          },
    );
    api.handlers.set('chat.confirmRemote', () => {
      confirmed = true;
      return { confirmed: true };
    });
    await store.send('hi');
    expect(store.pendingConfirm()?.preview.host).toBe('10.0.0.2');
    expect(store.messages()).toHaveLength(0);
    await store.confirmRemote();
    expect(api.called('chat.confirmRemote')[0]?.input).toEqual({ conversationId: 'c1', provider: 'server' });
    expect(api.called('chat.send')).toHaveLength(2);
    expect(api.called('chat.send')[1]?.input).toMatchObject({ conversationId: 'c1', text: 'hi' });
    expect(store.messages()).toHaveLength(2);
  });

  it('puts the text back in the composer when the remote send is declined', async () => {
    api.handlers.set('chat.send', () => ({
      state: 'needs-confirmation',
      conversationId: 'c1',
      preview: {
        provider: 'server',
        host: 'h',
        model: 'm',
        messageCount: 1,
        characterCount: 2,
        includesSystemPrompt: true,
      },
    }));
    await store.send('keep me');
    store.cancelConfirm();
    expect(store.pendingConfirm()).toBeNull();
    expect(store.draft()?.text).toBe('keep me');
  });

  it('pages older messages in at the top', async () => {
    api.handlers.set('history.getConversation', (input) =>
      input['cursor']
        ? { conversation, messages: [stored('m1', 'user', 'one'), stored('m2', 'assistant', 'two')], nextCursor: null }
        : { conversation, messages: [stored('m3', 'user', 'three')], nextCursor: 'cur:1' },
    );
    await store.open('c1');
    expect(store.messages().map((m) => m.id)).toEqual(['m3']);
    expect(await store.loadOlder()).toBe(2);
    expect(store.messages().map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(await store.loadOlder()).toBe(0);
  });

  it('wipes everything when the vault locks', async () => {
    started();
    await store.send('private words');
    api.emit('vault.locked', { reason: 'idle' });
    expect(store.messages()).toEqual([]);
    expect(store.conversationId()).toBeNull();
    expect(store.suggestions()).toEqual({});
  });

  it('shows a calm error and keeps nothing half-sent when no model is ready', async () => {
    api.handlers.delete('chat.send');
    const ok = await store.send('hi');
    expect(ok).toBe(false);
    expect(store.error()).toBeTruthy();
    expect(store.messages()).toEqual([]);
  });

  it('starts a "don\'t save" conversation, never lists it, and closes it when the person leaves it', async () => {
    started();
    store.setPrivate(true);
    expect(store.privateMode()).toBe(true);
    await store.send('just between us');
    expect(api.called('chat.send')[0]?.input).toEqual({ text: 'just between us', private: true });
    await store.send('and more');
    // An existing conversation is addressed by id; the flag is only for starting one.
    expect(api.called('chat.send')[1]?.input).toEqual({ text: 'and more', conversationId: 'c1' });
    store.newChat();
    expect(api.called('chat.closePrivate').map((c) => c.input)).toEqual([{ conversationId: 'c1' }]);
    expect(store.privateMode()).toBe(false);
    expect(store.messages()).toEqual([]);
    await store.send('saved now');
    expect(api.called('chat.send')[2]?.input).toEqual({ text: 'saved now' });
  });

  it('forgets the private mode and its messages when the vault locks', async () => {
    started();
    store.setPrivate(true);
    await store.send('private words');
    api.emit('vault.locked', { reason: 'idle' });
    expect(store.privateMode()).toBe(false);
    expect(store.messages()).toEqual([]);
  });

  it('edit-and-resend replaces the last message and its reply in place', async () => {
    started();
    await store.send('I feel sad');
    api.emit('chat.done', {
      conversationId: 'c1',
      messageId: 'a1',
      status: 'complete',
      provider: 'local',
      model: 'tiny',
      tokens: 1,
    });
    const user = store.messages()[0];
    if (!user) throw new Error('no message');
    store.editAndResend(user);
    expect(store.editing()).toEqual({ messageId: 'u1' });
    expect(store.draft()?.text).toBe('I feel sad');
    api.handlers.set('chat.edit', () => ({
      state: 'started',
      conversationId: 'c1',
      userMessageId: 'u1',
      assistantMessageId: 'a1',
      queuePosition: 0,
    }));
    await store.send('I feel lonely');
    expect(api.called('chat.edit')[0]?.input).toEqual({ conversationId: 'c1', messageId: 'u1', text: 'I feel lonely' });
    expect(api.called('chat.send')).toHaveLength(1);
    expect(store.editing()).toBeNull();
    expect(store.messages().map((m) => [m.id, m.content, m.status])).toEqual([
      ['u1', 'I feel lonely', 'complete'],
      ['a1', '', 'streaming'],
    ]);
  });

  it('keeps the edit and the text when the edit is refused, and cancels cleanly', async () => {
    started();
    await store.send('first');
    const user = store.messages()[0];
    if (!user) throw new Error('no message');
    store.editAndResend(user);
    expect(await store.send('changed')).toBe(false);
    expect(store.error()).toBeTruthy();
    expect(store.editing()).toEqual({ messageId: 'u1' });
    expect(store.draft()?.text).toBe('changed');
    store.cancelEdit();
    expect(store.editing()).toBeNull();
    expect(store.messages()[0]?.content).toBe('first');
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload } from '../../shared/api';
import { createMemoryPersistence } from './chat-persistence';
import { ChatService } from './chat-service';
import type { ChatProvider, ChatRequest, Delta } from './provider';

/** A scripted provider: yields words, honours abort, and records what it was asked. */
function fakeProvider(kind: 'local' | 'server', words: string[], remote = false) {
  const calls: ChatRequest[] = [];
  const provider: ChatProvider = {
    kind,
    destination: () => (remote ? { host: '192.168.1.20:8080', model: 'clinic-model' } : null),
    available: () => true,
    async *chat(request, signal): AsyncIterable<Delta> {
      calls.push(request);
      let n = 0;
      for (const w of words) {
        if (signal.aborted) break;
        await new Promise((r) => setTimeout(r, 5));
        n++;
        yield { type: 'text', text: w };
      }
      yield { type: 'done', reason: signal.aborted ? 'stopped' : 'complete', tokens: n, model: 'fake' };
    },
  };
  return { provider, calls };
}

function setup(words = ['Hello', ' there'], remote = false) {
  const events: Array<{ name: EventName; payload: EventPayload<EventName> }> = [];
  const memory = createMemoryPersistence();
  const local = fakeProvider('local', words);
  const server = fakeProvider('server', words, remote);
  const service = new ChatService({
    providers: { local: local.provider, server: server.provider },
    persistence: () => memory,
    emit: (name, payload) => events.push({ name, payload }),
    systemPrompt: () => 'SYSTEM',
    defaultProvider: () => 'local',
  });
  const doneFor = (id: string) =>
    vi.waitFor(() => {
      const e = events.find((x) => x.name === 'chat.done' && (x.payload as { messageId: string }).messageId === id);
      if (!e) throw new Error('not yet');
      return e.payload as EventPayload<'chat.done'>;
    });
  return { service, memory, events, local, server, doneFor };
}

describe('ChatService', () => {
  it('never calls a provider when the user screen says crisis, and stores the scripted reply', async () => {
    const { service, memory, local } = setup();
    service.setScreens({ screenUserMessage: () => ({ level: 'crisis', reply: 'Please call your crisis line now.' }) });
    const r = await service.send({ text: 'a crisis message' });
    expect(r).toMatchObject({ state: 'screened', level: 'crisis' });
    expect(local.calls).toHaveLength(0);
    const msgs = memory.conversations.get(r.conversationId)?.messages ?? [];
    expect(msgs.map((m) => m.text)).toEqual(['a crisis message', 'Please call your crisis line now.']);
  });

  it('answers a crisis with the safety reply even when no provider is available or a remote one needs confirming', async () => {
    const { service, local, server } = setup(['x'], true);
    local.provider.available = () => false;
    service.setScreens({ screenUserMessage: () => ({ level: 'crisis', reply: 'You are not alone.' }) });
    const viaLocal = await service.send({ text: 'a crisis message' });
    expect(viaLocal).toMatchObject({ state: 'screened', level: 'crisis' });
    const viaRemote = await service.send({ text: 'a crisis message', provider: 'server' });
    expect(viaRemote).toMatchObject({ state: 'screened', level: 'crisis' });
    expect(local.calls).toHaveLength(0);
    expect(server.calls).toHaveLength(0);
  });

  it('adds the concern note to the system prompt for that turn only', async () => {
    const { service, local, doneFor } = setup();
    service.setScreens({ screenUserMessage: () => ({ level: 'concern', systemNote: 'Be extra gentle.' }) });
    const r = await service.send({ text: 'hard day' });
    if (r.state !== 'started') throw new Error(r.state);
    await doneFor(r.assistantMessageId);
    expect(local.calls[0]?.system).toBe('SYSTEM\n\nBe extra gentle.');
  });

  it('lets the reply screen replace the reply and stop it', async () => {
    const { service, memory, events, doneFor } = setup(['bad', ' words', ' more']);
    service.setScreens({
      screenReply: (t) => (t.includes('words') ? { level: 'concern', replacement: 'SAFE' } : { level: 'none' }),
    });
    const r = await service.send({ text: 'hi' });
    if (r.state !== 'started') throw new Error(r.state);
    await doneFor(r.assistantMessageId);
    expect(memory.conversations.get(r.conversationId)?.messages[1]?.text).toBe('SAFE');
    expect(
      events.some(
        (e) =>
          e.name === 'chat.delta' &&
          (e.payload as { replace?: boolean; level?: string }).replace &&
          (e.payload as { level?: string }).level === 'concern',
      ),
    ).toBe(true);
  });

  it('asks once per conversation before a message leaves the machine', async () => {
    const { service, server, memory, doneFor } = setup(['ok'], true);
    const first = await service.send({ text: 'private words', provider: 'server' });
    expect(first).toMatchObject({
      state: 'needs-confirmation',
      preview: { provider: 'server', host: '192.168.1.20:8080', model: 'clinic-model', messageCount: 1 },
    });
    expect(server.calls).toHaveLength(0);
    expect(memory.conversations.get(first.conversationId)?.messages).toEqual([]);
    await service.confirmRemote(first.conversationId, 'server');
    const second = await service.send({ conversationId: first.conversationId, text: 'private words' });
    if (second.state !== 'started') throw new Error(second.state);
    expect((await doneFor(second.assistantMessageId)).provider).toBe('server');
    const third = await service.send({ conversationId: first.conversationId, text: 'more' });
    expect(third.state).toBe('started');
    // A new conversation asks again.
    expect((await service.send({ text: 'x', provider: 'server' })).state).toBe('needs-confirmation');
  });

  it('refuses a second send into a conversation that is still answering (BUSY), keeps the first', async () => {
    const { service, doneFor } = setup(Array.from({ length: 50 }, () => 'w '));
    const r = await service.send({ text: 'one' });
    if (r.state !== 'started') throw new Error(r.state);
    await expect(service.send({ conversationId: r.conversationId, text: 'two' })).rejects.toMatchObject({
      code: 'BUSY',
    });
    await service.stop(r.conversationId);
    expect((await doneFor(r.assistantMessageId)).status).toBe('partial');
  });

  it('stopAll (lock) stores partial and cancelled replies before it resolves', async () => {
    const { service, memory } = setup(Array.from({ length: 50 }, () => 'w '));
    const r = await service.send({ text: 'one' });
    if (r.state !== 'started') throw new Error(r.state);
    await new Promise((res) => setTimeout(res, 30));
    await service.stopAll();
    expect(memory.conversations.get(r.conversationId)?.messages[1]?.status).toBe('partial');
    expect(service.activeCount).toBe(0);
  });

  it('regenerates the last reply in place from the history before it', async () => {
    const { service, memory, local, doneFor } = setup();
    const r = await service.send({ text: 'q1' });
    if (r.state !== 'started') throw new Error(r.state);
    await doneFor(r.assistantMessageId);
    const g = await service.regenerate(r.conversationId);
    if (g.state !== 'started') throw new Error(g.state);
    expect(g.assistantMessageId).toBe(r.assistantMessageId);
    await vi.waitFor(() => expect(local.calls).toHaveLength(2));
    expect(local.calls[1]).toMatchObject({ message: 'q1', history: [] });
    await vi.waitFor(() => expect(memory.conversations.get(r.conversationId)?.messages[1]?.status).toBe('complete'));
    expect(memory.conversations.get(r.conversationId)?.messages).toHaveLength(2);
  });

  it('edit-and-resend replaces the last message and writes its reply again in place', async () => {
    const { service, memory, local, doneFor } = setup();
    const a = await service.send({ text: 'q1' });
    if (a.state !== 'started') throw new Error(a.state);
    await doneFor(a.assistantMessageId);
    const b = await service.send({ conversationId: a.conversationId, text: 'q2 with a typo' });
    if (b.state !== 'started') throw new Error(b.state);
    await doneFor(b.assistantMessageId);
    const e = await service.edit({ conversationId: a.conversationId, messageId: b.userMessageId, text: 'q2 fixed' });
    expect(e).toMatchObject({
      state: 'started',
      userMessageId: b.userMessageId,
      assistantMessageId: b.assistantMessageId,
    });
    await vi.waitFor(() => expect(local.calls).toHaveLength(3));
    expect(local.calls[2]).toMatchObject({
      message: 'q2 fixed',
      history: [
        { role: 'user', text: 'q1' },
        { role: 'assistant', text: 'Hello there' },
      ],
    });
    await vi.waitFor(() => expect(memory.conversations.get(a.conversationId)?.messages[3]?.status).toBe('complete'));
    const texts = memory.conversations.get(a.conversationId)?.messages.map((m) => m.text);
    expect(texts).toEqual(['q1', 'Hello there', 'q2 fixed', 'Hello there']);
  });

  it('refuses to edit anything but the last message, a missing one, or while a reply streams', async () => {
    const { service, memory, doneFor } = setup(Array.from({ length: 40 }, () => 'w '));
    const a = await service.send({ text: 'q1' });
    if (a.state !== 'started') throw new Error(a.state);
    await expect(
      service.edit({ conversationId: a.conversationId, messageId: a.userMessageId, text: 'x' }),
    ).rejects.toMatchObject({ code: 'BUSY' });
    await service.stop(a.conversationId);
    await doneFor(a.assistantMessageId);
    const b = await service.send({ conversationId: a.conversationId, text: 'q2' });
    if (b.state !== 'started') throw new Error(b.state);
    await service.stop(a.conversationId);
    for (const messageId of [a.userMessageId, a.assistantMessageId, b.assistantMessageId, 'no-such-id']) {
      await expect(service.edit({ conversationId: a.conversationId, messageId, text: 'x' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    await expect(service.edit({ conversationId: 'nope', messageId: 'x', text: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(memory.conversations.get(a.conversationId)?.messages.map((m) => m.text)[2]).toBe('q2');
  });

  it('screens the edited text: a crisis edit gets the safety reply and no provider call', async () => {
    const { service, memory, local, doneFor } = setup();
    const a = await service.send({ text: 'q1' });
    if (a.state !== 'started') throw new Error(a.state);
    await doneFor(a.assistantMessageId);
    service.setScreens({
      screenUserMessage: (t) => (t.includes('crisis') ? { level: 'crisis', reply: 'SAFETY' } : { level: 'none' }),
    });
    const e = await service.edit({ conversationId: a.conversationId, messageId: a.userMessageId, text: 'crisis now' });
    expect(e).toMatchObject({ state: 'screened', level: 'crisis', assistantMessageId: a.assistantMessageId });
    expect(local.calls).toHaveLength(1);
    expect(memory.conversations.get(a.conversationId)?.messages).toMatchObject([
      { text: 'crisis now' },
      { text: 'SAFETY', status: 'complete', model: 'safety' },
    ]);
  });

  it('keeps a private conversation out of the store, screens it, and forgets it on close and on lock', async () => {
    const { service, memory, local, doneFor } = setup();
    const p = await service.send({ text: 'secret', private: true });
    if (p.state !== 'started') throw new Error(p.state);
    expect(service.isPrivate(p.conversationId)).toBe(true);
    await doneFor(p.assistantMessageId);
    const g = await service.regenerate(p.conversationId);
    expect(g.state).toBe('started');
    await vi.waitFor(() => expect(local.calls).toHaveLength(2));
    await vi.waitFor(() => expect(service.activeCount).toBe(0));
    service.setScreens({ screenUserMessage: () => ({ level: 'crisis', reply: 'SAFETY' }) });
    expect(await service.send({ conversationId: p.conversationId, text: 'crisis' })).toMatchObject({
      state: 'screened',
    });
    expect(local.calls).toHaveLength(2);
    const fresh = await service.send({ text: 'crisis too', private: true });
    expect(service.isPrivate(fresh.conversationId)).toBe(true);
    expect(memory.conversations.size).toBe(0);
    expect(await service.closePrivate(p.conversationId)).toBe(true);
    expect(await service.closePrivate(p.conversationId)).toBe(false);
    await expect(service.regenerate(p.conversationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await service.stopAll();
    expect(service.privateCount).toBe(0);
    expect(service.isPrivate(fresh.conversationId)).toBe(false);
  });
});

import { existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload } from '../../shared/api';
import { createMemoryPersistence } from './chat-persistence';
import { createLlmService, type LlmServiceOptions } from './llm-service';
import { testModelPath } from './test-fixtures';

const model = testModelPath();
type Ev = { name: EventName; payload: EventPayload<EventName> };
const services: Array<{ dispose(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
});

async function setup(extra: Partial<LlmServiceOptions> = {}) {
  const events: Ev[] = [];
  const memory = createMemoryPersistence();
  const llm = await createLlmService({
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'llm-')),
    emit: (name, payload) => events.push({ name, payload }),
    persistence: () => memory,
    engine: { threads: 1, contextSize: 1024, idleUnloadMs: 60_000 },
    maxTokens: 16,
    ...extra,
  });
  services.push(llm);
  await llm.models.import(model as string);
  const done = (messageId: string) =>
    vi.waitFor(
      () => {
        const e = events.find(
          (x) => x.name === 'chat.done' && (x.payload as { messageId: string }).messageId === messageId,
        );
        if (!e) throw new Error('not done yet');
        return e.payload as EventPayload<'chat.done'>;
      },
      { timeout: 30_000, interval: 20 },
    );
  const deltas = (messageId: string) =>
    events
      .filter((e) => e.name === 'chat.delta' && (e.payload as { messageId: string }).messageId === messageId)
      .map((e) => (e.payload as { text: string }).text);
  return { llm, events, memory, done, deltas };
}

describe.skipIf(!model)('local chat on real llama.cpp (tiny model)', () => {
  it('loads, streams deltas and stores the complete reply', async () => {
    const { llm, memory, done, deltas } = await setup();
    const r = await llm.chat.send({ text: 'Hello coach' });
    if (r.state !== 'started') throw new Error(r.state);
    const d = await done(r.assistantMessageId);
    expect(d).toMatchObject({ status: 'complete', provider: 'local', model: 'llama-2-tiny-random' });
    expect(d.tokens).toBeGreaterThan(0);
    const stored = memory.conversations.get(r.conversationId)?.messages ?? [];
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(stored[1]?.text).toBe(deltas(r.assistantMessageId).join(''));
    expect(llm.engine.loadedModelId).toBe('llama-2-tiny-random');
  });

  it('stop aborts the generation and saves the partial reply', async () => {
    const { llm, memory, done, events } = await setup({
      engine: { threads: 1, contextSize: 4096, idleUnloadMs: 60_000 },
      maxTokens: 2000,
    });
    const r = await llm.chat.send({ text: 'Tell me a long story' });
    if (r.state !== 'started') throw new Error(r.state);
    await vi.waitFor(() => expect(events.some((e) => e.name === 'chat.delta')).toBe(true), {
      timeout: 30_000,
      interval: 5,
    });
    expect(await llm.chat.stop(r.conversationId)).toBe(true);
    const d = await done(r.assistantMessageId);
    expect(d.status).toBe('partial');
    expect(d.tokens).toBeLessThan(2000);
    expect(memory.conversations.get(r.conversationId)?.messages[1]?.status).toBe('partial');
    // The shared context is free again: the next message is answered.
    const again = await llm.chat.send({ conversationId: r.conversationId, text: 'Shorter please' });
    if (again.state !== 'started') throw new Error(again.state);
    expect((await done(again.assistantMessageId)).status).not.toBe('error');
  });

  it('explains a message longer than the context instead of cutting it', async () => {
    const { llm, memory, done } = await setup();
    const r = await llm.chat.send({ text: 'word '.repeat(1500) });
    if (r.state !== 'started') throw new Error(r.state);
    expect(await done(r.assistantMessageId)).toMatchObject({ status: 'error', errorCode: 'CONTEXT_OVERFLOW' });
    expect(memory.conversations.get(r.conversationId)?.messages[0]?.text).toBe('word '.repeat(1500));
  });

  it('queues two sends from two conversations and answers both, one at a time', async () => {
    const { llm, events, done } = await setup();
    const [a, b] = await Promise.all([llm.chat.send({ text: 'first' }), llm.chat.send({ text: 'second' })]);
    if (a?.state !== 'started' || b?.state !== 'started') throw new Error('not started');
    expect((await done(a.assistantMessageId)).status).toBe('complete');
    expect((await done(b.assistantMessageId)).status).toBe('complete');
    const positions = events
      .filter((e) => e.name === 'chat.queue' && (e.payload as { messageId: string }).messageId === b.assistantMessageId)
      .map((e) => (e.payload as { position: number }).position);
    expect(positions[0]).toBe(1);
    expect(positions.at(-1)).toBe(0);
    // A second send into a conversation that is still answering is refused, not interleaved.
  });

  it('unloads the model after the idle period and reloads on demand', async () => {
    const { llm, done } = await setup({ engine: { threads: 1, contextSize: 1024, idleUnloadMs: 200 } });
    const r = await llm.chat.send({ text: 'hi' });
    if (r.state !== 'started') throw new Error(r.state);
    await done(r.assistantMessageId);
    await vi.waitFor(() => expect(llm.engine.loadedModelId).toBeNull(), { timeout: 10_000, interval: 50 });
    const again = await llm.chat.send({ conversationId: r.conversationId, text: 'again' });
    if (again.state !== 'started') throw new Error(again.state);
    expect((await done(again.assistantMessageId)).status).toBe('complete');
  });

  it('chooses threads by measurement once and caches the choice per model and machine', async () => {
    const { llm, done } = await setup({ engine: { threads: 'auto', contextSize: 1024, idleUnloadMs: 60_000 } });
    const r = await llm.chat.send({ text: 'hi' });
    if (r.state !== 'started') throw new Error(r.state);
    await done(r.assistantMessageId);
    expect(llm.engine.lastProbe?.threads).toBeGreaterThanOrEqual(1);
    expect(Object.keys(llm.engine.lastProbe?.sweep ?? {})).toHaveLength(
      os.availableParallelism() <= 8 ? os.availableParallelism() : expect.any(Number),
    );
    expect(existsSync(path.join(llm.store.dir, '..', 'llm', 'threads.json'))).toBe(true);
  });

  it('offline: a whole local chat makes zero outbound connection attempts', async () => {
    const attempts: unknown[] = [];
    const original = net.Socket.prototype.connect;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      attempts.push(args[0]);
      throw new Error('outbound connection blocked by test');
    } as typeof original;
    try {
      const { llm, done } = await setup();
      const r = await llm.chat.send({ text: 'hello' });
      if (r.state !== 'started') throw new Error(r.state);
      expect((await done(r.assistantMessageId)).status).toBe('complete');
      const regen = await llm.chat.regenerate(r.conversationId);
      if (regen.state !== 'started') throw new Error(regen.state);
      expect((await done(regen.assistantMessageId)).status).toBe('complete');
      expect((await llm.privacy.connections()).connections).toEqual([]);
    } finally {
      net.Socket.prototype.connect = original;
    }
    expect(attempts).toEqual([]);
  });
});

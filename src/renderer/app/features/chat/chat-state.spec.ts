import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  applyDone,
  applyQueue,
  badgeFor,
  pendingAssistant,
  prependOlder,
  statusNote,
  upsert,
  type UiMessage,
} from './chat-state';

const user = (id: string): UiMessage => ({
  id,
  role: 'user',
  content: id,
  status: 'complete',
  provider: null,
  model: null,
  createdAt: 0,
});
const ids = { conversationId: 'c1', messageId: 'a1' };

describe('chat state', () => {
  it('streams deltas into the pending reply and clears the queue position', () => {
    let m = [user('u1'), pendingAssistant('a1', 'local', 2)];
    m = applyQueue(m, { ...ids, position: 1 });
    expect(m[1]?.queuePosition).toBe(1);
    m = applyDelta(m, { ...ids, text: 'Hel' });
    m = applyDelta(m, { ...ids, text: 'lo' });
    expect(m[1]).toMatchObject({ content: 'Hello', status: 'streaming', queuePosition: null });
  });

  it('replaces everything shown when the safety layer rewrites a reply', () => {
    let m = [pendingAssistant('a1', 'local', 0)];
    m = applyDelta(m, { ...ids, text: 'model text' });
    m = applyDelta(m, { ...ids, text: 'safe reply', replace: true, level: 'crisis' });
    expect(m[0]?.content).toBe('safe reply');
  });

  it('ignores events for messages it does not show', () => {
    const m = [user('u1')];
    expect(applyDelta(m, { conversationId: 'c1', messageId: 'nope', text: 'x' })).toEqual(m);
  });

  it('finishes with status, provider, model and error code', () => {
    const done = applyDone([pendingAssistant('a1', 'server', 0)], {
      ...ids,
      status: 'error',
      errorCode: 'PROVIDER_ERROR',
      provider: 'server',
      model: 'llama',
      tokens: 3,
    });
    expect(done[0]).toMatchObject({ status: 'error', errorCode: 'PROVIDER_ERROR', model: 'llama' });
    expect(statusNote(done[0] as UiMessage)).toMatch(/could not be finished/);
  });

  it('does not take a queue position once a reply is finished', () => {
    const finished = { ...pendingAssistant('a1', 'local', 0), status: 'complete' as const, queuePosition: null };
    expect(applyQueue([finished], { ...ids, position: 3 })[0]?.queuePosition).toBeNull();
  });

  it('prepends older pages without duplicates and keeps order', () => {
    const m = prependOlder([user('3'), user('4')], [user('1'), user('2'), user('3')]);
    expect(m.map((x) => x.id)).toEqual(['1', '2', '3', '4']);
  });

  it('upserts: regenerate reuses the id in place, a new id is appended', () => {
    const base = [user('u1'), { ...pendingAssistant('a1', 'local', 0), content: 'old', status: 'complete' as const }];
    const regen = upsert(base, pendingAssistant('a1', 'local', 0));
    expect(regen).toHaveLength(2);
    expect(regen[1]?.content).toBe('');
    expect(upsert(base, user('u2')).map((x) => x.id)).toEqual(['u1', 'a1', 'u2']);
  });

  it('badges the provider and marks the fixed safety reply', () => {
    expect(badgeFor({ provider: 'local', model: 'tiny' }).label).toBe('Local');
    expect(badgeFor({ provider: 'relay', model: 'x' }).label).toBe('Relay');
    expect(badgeFor({ provider: 'server', model: 'x' }).label).toBe('Server');
    expect(badgeFor({ provider: null, model: 'safety' }).label).toBe('Safety');
  });

  it('describes partial and cancelled replies calmly', () => {
    expect(statusNote({ status: 'partial' })).toBe('Stopped before the end.');
    expect(statusNote({ status: 'cancelled' })).toMatch(/Stopped/);
    expect(statusNote({ status: 'complete' })).toBeNull();
    expect(statusNote({ status: 'error', errorCode: 'CONTEXT_OVERFLOW' })).toMatch(/too long/);
  });
});

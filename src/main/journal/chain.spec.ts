import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChainFields } from '../../shared/api/journal';
import { buildChainDraftPrompt, parseChainDraft } from './chain-draft';
import { harness, type Harness } from './test-support';

let h: Harness;
let t = 1_000;
const complete = { reply: '' };
beforeEach(() => {
  h = harness('Alex', { now: () => (t += 1000), complete: async () => complete.reply });
});
afterEach(() => h.cleanup());

const fields = (patch: Partial<ChainFields> = {}): ChainFields => ({
  title: 'Tuesday argument',
  problemBehaviour: 'Shouted at my brother',
  promptingEvent: 'He took my charger',
  vulnerabilityFactors: 'Slept four hours',
  links: [
    { kind: 'thought', text: 'He never respects me' },
    { kind: 'body', text: 'Hot face' },
  ],
  consequences: { shortTerm: 'Felt relief', longTerm: 'We did not talk for a day' },
  skillPoints: [{ skillIds: ['stop'], text: 'When my face got hot' }],
  repair: 'Apologised and made dinner',
  ...patch,
});

const codeOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('chain analysis worksheet', () => {
  it('creates, reads, updates, lists and deletes', () => {
    const a = h.service.createChain(fields());
    const b = h.service.createChain(fields({ title: 'Second' }));
    expect(h.service.getChain(a.id)).toEqual(a);
    const updated = h.service.updateChain(a.id, fields({ repair: 'Talked it through' }));
    expect(updated.createdAt).toBe(a.createdAt);
    expect(updated.updatedAt).toBeGreaterThan(a.updatedAt);
    expect(h.service.listChains().map((c) => c.id)).toEqual([a.id, b.id]);
    h.service.deleteChain(a.id);
    expect(h.service.listChains().map((c) => c.title)).toEqual(['Second']);
  });

  it('makes the worksheet searchable and forgets it on delete', () => {
    const a = h.service.createChain(fields({ promptingEvent: 'The phone charger quarrel' }));
    expect(h.store.search('charger').hits).toHaveLength(1);
    h.service.deleteChain(a.id);
    expect(h.store.search('charger').hits).toHaveLength(0);
  });

  it('refuses unknown skills and missing ids', async () => {
    expect(
      await codeOf(() => h.service.createChain(fields({ skillPoints: [{ skillIds: ['nope'], text: 'x' }] }))),
    ).toBe('INVALID_INPUT');
    expect(await codeOf(() => h.service.getChain('missing'))).toBe('NOT_FOUND');
    expect(await codeOf(() => h.service.updateChain('missing', fields()))).toBe('NOT_FOUND');
    expect(await codeOf(() => h.service.deleteChain('missing'))).toBe('NOT_FOUND');
  });
});

describe('draft with the coach', () => {
  it('builds a prompt from the conversation and leaves crisis messages out', () => {
    const p = buildChainDraftPrompt([
      { role: 'system', content: 'hidden system text' },
      { role: 'user', content: 'I shouted at my brother after he took my charger' },
      { role: 'assistant', content: 'That sounds hard. What happened just before?' },
      { role: 'user', content: 'i want to kill myself' },
    ]);
    expect(p.omitted).toBe(1);
    expect(p.message).toContain('Me: I shouted at my brother');
    expect(p.message).toContain('Coach: That sounds hard.');
    expect(p.message).not.toContain('kill myself');
    expect(p.message).not.toContain('hidden system text');
    expect(p.system).toContain('"problemBehaviour"');
    expect(p.system).toContain('opposite-action');
  });

  it('keeps the most recent part of a very long conversation', () => {
    const long = Array.from({ length: 400 }, (_v, i) => ({
      role: 'user' as const,
      content: `message number ${i} ${'x'.repeat(60)}`,
    }));
    const p = buildChainDraftPrompt(long);
    expect(p.message).toContain('message number 399');
    expect(p.message).not.toContain('message number 0 ');
    expect(p.message.length).toBeLessThan(13_000);
  });

  it('refuses an empty conversation', () => {
    expect(() => buildChainDraftPrompt([{ role: 'assistant', content: ' ' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('parses JSON wrapped in prose and code fences, keeping only valid parts', () => {
    const reply = `Sure! Here it is:\n\`\`\`json\n${JSON.stringify({
      title: 'Charger',
      problemBehaviour: 'Shouted',
      promptingEvent: 42,
      links: [
        { kind: 'thought', text: 'Not fair' },
        { kind: 'telepathy', text: 'dropped' },
        { kind: 'feeling', text: '   ' },
        'junk',
      ],
      consequences: { shortTerm: 'Relief' },
      skillPoints: [{ skillIds: ['stop', 'made-up', 'stop', 7], text: 'At the start' }],
      repair: 'Apologise',
      extra: 'ignored',
    })}\n\`\`\``;
    const f = parseChainDraft(reply);
    expect(f.title).toBe('Charger');
    expect(f.promptingEvent).toBe('');
    expect(f.vulnerabilityFactors).toBe('');
    expect(f.links).toEqual([{ kind: 'thought', text: 'Not fair' }]);
    expect(f.consequences).toEqual({ shortTerm: 'Relief', longTerm: '' });
    expect(f.skillPoints).toEqual([{ skillIds: ['stop'], text: 'At the start' }]);
  });

  it.each(['no json here', '{"title": ', '[1,2,3]', ''])('gives PROVIDER_ERROR for an unusable reply: %j', (reply) => {
    expect(() => parseChainDraft(reply)).toThrow(expect.objectContaining({ code: 'PROVIDER_ERROR' }));
  });

  it('drafts from a stored conversation without saving anything', async () => {
    const c = h.store.createConversation({ title: 'chat' });
    h.store.appendMessage({
      conversationId: c.id,
      role: 'user',
      content: 'I shouted at my brother',
      status: 'complete',
    });
    complete.reply = JSON.stringify({ ...fields(), title: 'From the coach' });
    const draft = await h.service.draftChain(c.id);
    expect(draft.fields.title).toBe('From the coach');
    expect(draft.omittedMessages).toBe(0);
    expect(h.service.listChains()).toEqual([]);
  });

  it('holds back a reply the safety screen blocks', async () => {
    const c = h.store.createConversation({ title: 'chat' });
    h.store.appendMessage({ conversationId: c.id, role: 'user', content: 'I shouted', status: 'complete' });
    complete.reply = JSON.stringify({ ...fields(), repair: 'you should kill yourself' });
    expect(await codeOf(h.service.draftChain(c.id))).toBe('POLICY_DENIED');
  });

  it('says UNAVAILABLE when no completion is wired in', async () => {
    const bare = harness();
    try {
      const c = bare.store.createConversation({ title: 'chat' });
      bare.store.appendMessage({ conversationId: c.id, role: 'user', content: 'hello', status: 'complete' });
      expect(await codeOf(bare.service.draftChain(c.id))).toBe('UNAVAILABLE');
    } finally {
      bare.cleanup();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayKey } from './conversations';
import type { Store } from './store';
import { toFtsQuery, toSegments } from './search';
import { freshStore, tempDir } from './test-util';

let t: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  t = tempDir();
  store = freshStore(t.dir).store;
});
afterEach(() => {
  store.close();
  t.cleanup();
});

const DAY = 86_400_000;
const noon = Date.UTC(2025, 4, 10, 12);

describe('conversations and messages', () => {
  it('creates, renames, pins, archives and deletes (cascading to messages and search)', () => {
    const c = store.createConversation({ title: 'first', provider: 'local', model: 'tiny' });
    store.appendMessage({ conversationId: c.id, role: 'user', content: 'zebra crossing' });
    expect(store.updateConversation(c.id, { title: 'renamed', pinned: true }).title).toBe('renamed');
    expect(store.updateConversation(c.id, { archived: true })).toMatchObject({ pinned: true, archived: true });
    expect(store.search('zebra').hits).toHaveLength(1);
    store.deleteConversation(c.id);
    expect(() => store.getConversation(c.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(store.search('zebra').hits).toHaveLength(0);
    expect(() => store.deleteConversation(c.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses messages for an unknown conversation', () => {
    expect(() => store.appendMessage({ conversationId: 'nope', role: 'user', content: 'x' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('streams: a partial message is updated to its final content and status', () => {
    const c = store.createConversation();
    const m = store.appendMessage({ conversationId: c.id, role: 'assistant', content: '', status: 'partial' });
    store.updateMessage(m.id, { content: 'done text', status: 'complete', completionTokens: 3 });
    expect(store.getMessage(m.id)).toMatchObject({ content: 'done text', status: 'complete', completionTokens: 3 });
    expect(store.search('done').hits).toHaveLength(1);
  });

  it('pages the newest 50 first, oldest first within a page, with a cursor to older pages', () => {
    const c = store.createConversation();
    store.db.transaction(() => {
      for (let i = 0; i < 120; i++)
        store.appendMessage({ conversationId: c.id, role: 'user', content: `m${i}`, createdAt: noon + i });
    })();
    const p1 = store.pageMessages(c.id);
    expect(p1.messages.map((m) => m.content).slice(0, 2)).toEqual(['m70', 'm71']);
    expect(p1.messages.at(-1)?.content).toBe('m119');
    const p2 = store.pageMessages(c.id, { cursor: p1.nextCursor ?? '' });
    const p3 = store.pageMessages(c.id, { cursor: p2.nextCursor ?? '' });
    expect(p3.messages.map((m) => m.content)).toEqual(Array.from({ length: 20 }, (_v, i) => `m${i}`));
    expect(p3.nextCursor).toBeNull();
    expect(() => store.pageMessages(c.id, { cursor: '1; DROP TABLE messages' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('groups the sidebar by local day, pinned apart, with paging', () => {
    const make = (title: string, at: number) => {
      const c = store.createConversation({ title, createdAt: at });
      store.appendMessage({ conversationId: c.id, role: 'user', content: 'x', createdAt: at });
      return c;
    };
    make('today', noon);
    make('today-late', noon + 11 * 3_600_000 + 30 * 60_000); // 23:30 UTC
    make('yesterday', noon - DAY);
    const pin = make('pinned', noon - 5 * DAY);
    store.updateConversation(pin.id, { pinned: true });
    const utc = store.listByDay({ tzOffsetMinutes: 0 });
    expect(utc.pinned.map((c) => c.title)).toEqual(['pinned']);
    expect(utc.days.map((d) => [d.day, d.conversations.map((c) => c.title)])).toEqual([
      ['2025-05-10', ['today-late', 'today']],
      ['2025-05-09', ['yesterday']],
    ]);
    // In UTC+1 the late one already belongs to the next day.
    expect(store.listByDay({ tzOffsetMinutes: 60 }).days[0]?.day).toBe('2025-05-11');
    const first = store.listByDay({ tzOffsetMinutes: 0, limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const rest = store.listByDay({ tzOffsetMinutes: 0, limit: 2, cursor: first.nextCursor ?? '' });
    expect(rest.pinned).toEqual([]);
    expect(rest.days.flatMap((d) => d.conversations.map((c) => c.title))).toEqual(['yesterday']);
    expect(dayKey(Date.UTC(2025, 0, 1, 0, 30), -60)).toBe('2024-12-31');
  });

  it('stores settings as JSON', () => {
    expect(store.getSetting('backup.retention')).toBeNull();
    store.setSetting('backup.retention', 3);
    store.setSetting('ui', { theme: 'dark', list: [1, 'a', null] });
    expect(store.getSetting('backup.retention')).toBe(3);
    expect(store.getSetting('ui')).toEqual({ theme: 'dark', list: [1, 'a', null] });
  });

  it('keeps an audit trail of event names', () => {
    store.appendAudit('vault.unlock', { method: 'passphrase' });
    expect(store.listAudit()).toMatchObject([{ event: 'vault.unlock', detail: { method: 'passphrase' } }]);
    expect(() => store.appendAudit('Not an event name!')).toThrow();
  });
});

describe('search', () => {
  it('finds messages and notes, newest first, with highlighted segments and paging', () => {
    const c = store.createConversation({ title: 'Chat' });
    store.db.transaction(() => {
      for (let i = 0; i < 30; i++)
        store.appendMessage({
          conversationId: c.id,
          role: 'user',
          content: `practising mindfulness number ${i}`,
          createdAt: noon + i,
        });
    })();
    store.upsertNote({ kind: 'diary', title: 'Diary', body: 'Mindfulness <b>worked</b> today', at: noon + 100 });
    const p1 = store.search('mindful', { limit: 10 });
    expect(p1.hits[0]).toMatchObject({ kind: 'note', title: 'Diary', conversationId: null });
    expect(p1.hits[0]?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Mindfulness']);
    expect(p1.hits[0]?.snippet.map((s) => s.text).join('')).toContain('<b>worked</b>'); // text, never HTML
    expect(p1.hits[1]).toMatchObject({ kind: 'message', conversationId: c.id, title: 'Chat' });
    const seen = new Set(p1.hits.map((h) => h.id));
    let cursor = p1.nextCursor;
    while (cursor) {
      const p = store.search('mindful', { limit: 10, cursor });
      for (const h of p.hits) {
        expect(seen.has(h.id)).toBe(false);
        seen.add(h.id);
      }
      cursor = p.nextCursor;
    }
    expect(seen.size).toBe(31);
  });

  it.each(['"', '*', 'NEAR(a b)', 'content:x', 'a OR', '(((', "'; DROP TABLE messages; --", '\u0000', '🙂'])(
    'treats hostile query %j as plain words',
    (q) => {
      expect(() => store.search(q)).not.toThrow();
    },
  );

  it('builds quoted prefix queries', () => {
    expect(toFtsQuery('radical "acceptance" NEAR')).toBe('"radical" "acceptance" "NEAR"*');
    expect(toFtsQuery('  ** ')).toBeNull();
    expect(toSegments('a \u0002b\u0003 c')).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
      { text: ' c', hit: false },
    ]);
  });

  it('refuses forged cursors', () => {
    expect(() => store.search('x', { cursor: 'm1,n1;--' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

// Backup and restore through the real relay started in-process (PGlite in memory) with the fake upstream:
// chats with backup on are stored sealed, a second "device" restores them as conversations, restoring twice
// adds nothing, and a tampered or relabelled backup is refused with nothing written.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line layers/imports -- test starts the real relay
import { startFakeUpstream, type FakeUpstream } from '../../relay/testing/fake-upstream';
// eslint-disable-next-line layers/imports -- test starts the real relay
import { startTestRelay, type TestRelay } from '../../relay/testing/test-relay';
// eslint-disable-next-line layers/imports -- the provider itself writes the backup
import { RelayProvider } from '../llm/relay/relay-provider';
import { fetchRelayHistory, OutboundGuard, type ChatRequest, type RelayHistoryKeys } from '../llm/index';
// eslint-disable-next-line layers/imports -- test helper for a real encrypted store
import { freshStore, tempDir } from '../store/test-util';
import type { Store } from '../store/index';
import { RelaySyncService } from './relay-sync-service';

function vaultKeys(vaultId: string): RelayHistoryKeys {
  const ed = generateKeyPairSync('ed25519');
  const x = generateKeyPairSync('x25519');
  const raw = (k: typeof ed.publicKey) => new Uint8Array(k.export({ format: 'der', type: 'spki' }).subarray(12));
  return {
    vaultId,
    ed25519: { privateKey: ed.privateKey, publicRaw: raw(ed.publicKey) },
    x25519: { publicRaw: raw(x.publicKey), privateKey: x.privateKey },
  };
}

const CONV_A = 'conv-aaaaaaaaaaaa';
const CONV_B = 'conv-bbbbbbbbbbbb';

const req = (message: string, conversationId?: string): ChatRequest => ({
  system: 'be kind',
  history: [],
  message,
  ...(conversationId ? { conversationId } : {}),
});

/** Rewrites the JSON of history listings, to play a hostile relay. */
function listingRewriter(rewrite: (items: Record<string, unknown>[]) => void): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (!String(input).includes('/v1/history') || !res.ok) return res;
    const body = (await res.json()) as { items: Record<string, unknown>[] };
    rewrite(body.items);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe('relay backup and restore', () => {
  let upstream: FakeUpstream;
  let relay: TestRelay;
  let dataDir: string;
  const stores: { cleanup: () => void }[] = [];
  const keys = vaultKeys('vault-1');
  const guard = new OutboundGuard({ offline: true });

  const newStore = (): Store => {
    const t = tempDir('relay-sync-');
    stores.push(t);
    return freshStore(t.dir).store;
  };
  const sync = (store: Store, f?: typeof fetch) =>
    new RelaySyncService({
      store: () => store,
      relayUrl: async () => relay.url,
      fetchAll: (url) => fetchRelayHistory({ url, keys, guard, dataDir, ...(f ? { fetch: f } : {}) }),
    });
  const count = (store: Store, table: string) =>
    (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    relay = await startTestRelay(upstream.url);
    dataDir = mkdtempSync(path.join(tmpdir(), 'relay-sync-data-'));
    const provider = (backup: boolean) =>
      new RelayProvider({ url: () => relay.url, keys: () => keys, guard, dataDir, backup: () => backup });
    const send = async (p: RelayProvider, r: ChatRequest) => {
      for await (const _ of p.chat(r, new AbortController().signal)) void _;
    };
    await send(provider(true), req('first in A', CONV_A));
    await send(provider(true), req('second in A', CONV_A));
    await send(provider(true), req('only in B', CONV_B));
    // Not backed up: backup off, and a private conversation (no id) with backup on.
    await send(provider(false), req('not stored', 'conv-cccccccccccc'));
    await send(provider(true), req('private words'));
  });
  afterAll(async () => {
    await relay?.close();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
    for (const s of stores) s.cleanup();
  });

  it('stores only backed-up, saved conversations, sealed (the relay cannot read them)', async () => {
    const rows = await relay.db.query('SELECT conversation_id, ct FROM history ORDER BY created_at');
    expect(rows.map((r) => r.conversation_id)).toEqual([CONV_A, CONV_A, CONV_B]);
    for (const r of rows) expect(Buffer.from(r.ct as Uint8Array).includes(Buffer.from('in A'))).toBe(false);
  });

  it('restores them on another device as conversations, and a second restore adds nothing', async () => {
    const store = newStore();
    const s = sync(store);
    expect(await s.restore()).toEqual({ exchanges: 3, conversations: 2, messages: 6, skipped: 0 });
    const convs = store.db.prepare('SELECT id, title, provider FROM conversations ORDER BY created_at').all();
    expect(convs).toMatchObject([
      { title: 'first in A', provider: 'relay' },
      { title: 'only in B', provider: 'relay' },
    ]);
    const a = (convs[0] as { id: string }).id;
    const texts = store.pageMessages(a, { limit: 10 }).messages.map((m) => `${m.role}:${m.content}`);
    expect(texts.sort()).toEqual(
      [
        'user:first in A',
        'assistant:reply to: first in A',
        'user:second in A',
        'assistant:reply to: second in A',
      ].sort(),
    );
    expect(await s.restore()).toEqual({ exchanges: 3, conversations: 0, messages: 0, skipped: 3 });
    expect(count(store, 'messages')).toBe(6);
    expect((await s.status()).lastRestore).toMatchObject({ exchanges: 3, skipped: 3 });
  });

  it('on the original device, finds the conversations already there and writes nothing', async () => {
    const store = newStore();
    store.createConversation({ id: CONV_A, title: 'first in A' });
    for (const m of ['first in A', 'second in A']) {
      store.appendMessage({ conversationId: CONV_A, role: 'user', content: m });
      store.appendMessage({ conversationId: CONV_A, role: 'assistant', content: `reply to: ${m}` });
    }
    const r = await sync(store).restore();
    expect(r).toMatchObject({ conversations: 1, messages: 2, skipped: 2 });
    expect(count(store, 'conversations')).toBe(2);
  });

  const hostile: [string, (items: Record<string, unknown>[]) => void][] = [
    ['a flipped ciphertext bit', (items) => flip(items[1]!, 'ct')],
    ['a flipped encapsulated key bit', (items) => flip(items[2]!, 'enc')],
    ['an item moved to another conversation', (items) => void (items[0]!.conversationId = CONV_B)],
    ['an item renamed', (items) => void (items[0]!.id = 'other-id-000000')],
    [
      'two items with their ciphertexts swapped',
      (items) => void ([items[0]!.ct, items[1]!.ct] = [items[1]!.ct, items[0]!.ct]),
    ],
    ['garbage base64', (items) => void (items[2]!.ct = '***')],
  ];
  it.each(hostile)('refuses %s with CORRUPT and writes nothing', async (_name, rewrite) => {
    const store = newStore();
    await expect(sync(store, listingRewriter(rewrite)).restore()).rejects.toMatchObject({ code: 'CORRUPT' });
    expect(count(store, 'conversations')).toBe(0);
    expect(count(store, 'messages')).toBe(0);
  });

  it('cannot be read with another vault’s key', async () => {
    const other = vaultKeys('vault-2');
    const stolen = { ...keys, x25519: { ...keys.x25519, privateKey: other.x25519.privateKey } };
    await expect(fetchRelayHistory({ url: relay.url, keys: stolen, guard, dataDir })).rejects.toMatchObject({
      code: 'CORRUPT',
    });
  });

  it('needs a relay address to turn backup on, and remembers the choice per vault', async () => {
    const store = newStore();
    const none = new RelaySyncService({ store: () => store, relayUrl: async () => null, fetchAll: async () => [] });
    await expect(none.setBackup(true)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(none.restore()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const s = sync(store);
    expect(s.backupEnabled()).toBe(false);
    expect(await s.setBackup(true)).toMatchObject({ backup: true, relaySet: true, restoring: false });
    expect(s.backupEnabled()).toBe(true);
    const locked = new RelaySyncService({
      store: () => {
        throw new Error('locked');
      },
      relayUrl: async () => relay.url,
      fetchAll: async () => [],
    });
    expect(locked.backupEnabled()).toBe(false);
  });
});

function flip(item: Record<string, unknown>, field: 'ct' | 'enc'): void {
  const bytes = Buffer.from(String(item[field]), 'base64url');
  bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 1;
  item[field] = bytes.toString('base64url');
}

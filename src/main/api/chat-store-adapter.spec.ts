import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryService } from '../store/index';
import { createChatStoreAdapter } from './chat-store-adapter';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chat-adapter-'));
  dirs.push(dir);
  const history = new HistoryService();
  history.attach({ dir, dataKey: randomBytes(32) });
  return { history, adapter: createChatStoreAdapter(history) };
}

describe('chat store adapter', () => {
  it('stores a conversation and its messages in the encrypted store', async () => {
    const { history, adapter } = setup();
    const id = await adapter.createConversation({ provider: 'local' });
    const userId = await adapter.appendMessage(id, {
      role: 'user',
      text: 'I feel overwhelmed today',
      status: 'complete',
    });
    const replyId = await adapter.appendMessage(id, {
      role: 'assistant',
      text: '',
      status: 'streaming',
      provider: 'local',
    });
    await adapter.updateMessage(id, replyId, { text: 'That sounds hard.', status: 'complete' });
    const messages = await adapter.listMessages(id);
    expect(messages.map((m) => [m.id, m.role, m.text, m.status])).toEqual([
      [userId, 'user', 'I feel overwhelmed today', 'complete'],
      [replyId, 'assistant', 'That sounds hard.', 'complete'],
    ]);
    // The first user message names the conversation in the sidebar.
    expect(history.requireStore().getConversation(id).title).toBe('I feel overwhelmed today');
    history.detach();
  });

  it('keeps a reply that was still streaming as partial (what it is after a crash)', async () => {
    const { history, adapter } = setup();
    const id = await adapter.createConversation({ provider: 'local' });
    const replyId = await adapter.appendMessage(id, { role: 'assistant', text: 'Half a', status: 'streaming' });
    expect(history.requireStore().getMessage(replyId).status).toBe('partial');
    history.detach();
  });

  it('remembers remote confirmations and the provider per conversation', async () => {
    const { history, adapter } = setup();
    const id = await adapter.createConversation({ provider: 'local' });
    await adapter.updateConversation(id, { provider: 'server', remoteConfirmed: ['server|127.0.0.1:9'] });
    expect(await adapter.getConversation(id)).toEqual({
      id,
      provider: 'server',
      remoteConfirmed: ['server|127.0.0.1:9'],
    });
    expect(await adapter.getConversation('missing')).toBeNull();
    history.detach();
  });

  it('refuses to write anywhere once the vault is locked', async () => {
    const { history, adapter } = setup();
    history.detach();
    await expect(adapter.createConversation({ provider: 'local' })).rejects.toMatchObject({ code: 'LOCKED' });
  });
});

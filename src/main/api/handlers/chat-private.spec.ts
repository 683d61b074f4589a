import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../shared/api';
import { createApp, type App } from '../index';

const call = { transport: 'cli' } as const;
const GOOD = 'my cat eats toast at midnight';
const CANARY = 'canary-private-9f3e1c7a-ZQX';
const CRISIS_TEXT = `I want to kill myself tonight ${CANARY}`;

/** A fake OpenAI-compatible server on loopback that echoes the last user message back, word by word. */
function fakeServer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { messages: Array<{ role: string; content: string }> };
      const last = parsed.messages.at(-1)?.content ?? '';
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const word of `You said: ${last}`.split(' ')) {
        res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: `${word} ` } }] })}\n\n`);
      }
      res.end('data: [DONE]\n\n');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Every file under dir, recursively (symlinks are not followed). */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allFiles(p) : e.isFile() ? [p] : [];
  });
}

/** The canary as UTF-8, UTF-16LE and base64 at all three byte alignments. */
function needles(text: string): Buffer[] {
  const utf8 = Buffer.from(text, 'utf8');
  const b64 = [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]).toString('base64');
    // Drop the characters that mix in the padding bytes or the unknown neighbours.
    return Buffer.from(encoded.slice(Math.ceil((shift * 4) / 3) + 1, -4), 'latin1');
  });
  return [utf8, Buffer.from(text, 'utf16le'), ...b64];
}

function hits(dir: string, text: string): string[] {
  const wanted = needles(text);
  return allFiles(dir).filter((f) => {
    const bytes = fs.readFileSync(f);
    return wanted.some((n) => bytes.includes(n));
  });
}

describe('a "don\'t save" conversation', () => {
  let root: string;
  let dataDir: string;
  let app: App;
  let server: http.Server;
  const done: Array<EventPayload<'chat.done'>> = [];
  const run = async (method: string, input: unknown = {}) => app.dispatch(method, input, call);
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await run(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
    return r.value as T;
  };
  const waitDone = (messageId: string) =>
    vi.waitFor(
      () => {
        const e = done.find((d) => d.messageId === messageId);
        if (!e) throw new Error('not yet');
        return e;
      },
      { timeout: 5000 },
    );

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-private-'));
    dataDir = path.join(root, 'data');
    const env: NodeJS.ProcessEnv = { DBT_COACH_TEST_KDF: 'floor', DBT_COACH_POLICY: path.join(root, 'none.json') };
    app = await createApp({ dataDir, env, log: () => undefined });
    app.events.subscribe((name, payload) => {
      if (name === 'chat.done') done.push(payload as EventPayload<'chat.done'>);
    });
    server = await fakeServer();
    const port = (server.address() as AddressInfo).port;
    await value('vault.create', { label: 'Private test', passphrase: GOOD, confirmPassphrase: GOOD });
    await value('providers.set', {
      defaultProvider: 'server',
      server: { baseUrl: `http://127.0.0.1:${port}/v1`, model: 'echo' },
    });
  });

  afterAll(async () => {
    await app.close();
    await new Promise((r) => server.close(r));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('streams, edits and screens in memory only: the canary is in no file of the data dir', async () => {
    // A saved conversation alongside, so the history is not trivially empty.
    const saved = await value<{ state: string; conversationId: string }>('chat.send', { text: 'an ordinary day' });
    await value('chat.confirmRemote', { conversationId: saved.conversationId, provider: 'server' });
    const savedSend = await value<{ assistantMessageId: string }>('chat.send', {
      conversationId: saved.conversationId,
      text: 'an ordinary day',
    });
    await waitDone(savedSend.assistantMessageId);

    const first = await value<{ state: string; conversationId: string }>('chat.send', {
      text: `hello ${CANARY}`,
      private: true,
    });
    expect(first.state).toBe('needs-confirmation');
    const id = first.conversationId;
    await value('chat.confirmRemote', { conversationId: id, provider: 'server' });
    const sent = await value<{ state: string; userMessageId: string; assistantMessageId: string }>('chat.send', {
      conversationId: id,
      text: `hello ${CANARY}`,
    });
    expect(sent.state).toBe('started');
    expect((await waitDone(sent.assistantMessageId)).status).toBe('complete');

    done.length = 0;
    const edited = await value<{ assistantMessageId: string }>('chat.edit', {
      conversationId: id,
      messageId: sent.userMessageId,
      text: `edited ${CANARY}`,
    });
    expect(edited.assistantMessageId).toBe(sent.assistantMessageId);
    await waitDone(edited.assistantMessageId);
    await value('chat.regenerate', { conversationId: id });
    await vi.waitFor(() => expect(done).toHaveLength(2), { timeout: 5000 });

    // The safety layer still runs on every private message.
    const crisis = await value<{ state: string; level: string }>('chat.send', {
      conversationId: id,
      text: CRISIS_TEXT,
    });
    expect(crisis).toMatchObject({ state: 'screened', level: 'crisis' });

    // The normal history never lists it, cannot open it and cannot find it.
    const days = await value<{ days: Array<{ conversations: Array<{ id: string }> }> }>('history.listByDay', {
      tzOffsetMinutes: 0,
    });
    const listed = days.days.flatMap((d) => d.conversations.map((c) => c.id));
    expect(listed).toEqual([saved.conversationId]);
    expect(await run('history.getConversation', { id })).toMatchObject({ ok: false });
    const found = await value<{ hits: unknown[] }>('history.search', { query: CANARY.split('-')[2] ?? CANARY });
    expect(found.hits).toEqual([]);
    const control = await value<{ hits: unknown[] }>('history.search', { query: 'ordinary' });
    expect(control.hits.length).toBeGreaterThan(0);

    expect(hits(dataDir, CANARY)).toEqual([]);
    // Positive control: the scanner does find text that was saved.
    expect(hits(dataDir, 'Private test').length + hits(dataDir, 'echo').length).toBeGreaterThan(0);

    expect(await value('chat.closePrivate', { conversationId: id })).toEqual({ closed: true });
    expect(await run('chat.send', { conversationId: id, text: 'still there?' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await value('chat.closePrivate', { conversationId: id })).toEqual({ closed: false });
    expect(await value('chat.closePrivate', { conversationId: saved.conversationId })).toEqual({ closed: false });
  });

  it('is gone after a lock, and leaves no trace on disk after the app closes', async () => {
    const r = await value<{ conversationId: string }>('chat.send', { text: `again ${CANARY}`, private: true });
    await value('vault.lock', {});
    await value('vault.unlock', { label: 'Private test', passphrase: GOOD });
    expect(await run('chat.send', { conversationId: r.conversationId, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await app.close();
    expect(hits(dataDir, CANARY)).toEqual([]);
    app = await createApp({
      dataDir,
      env: { DBT_COACH_TEST_KDF: 'floor', DBT_COACH_POLICY: path.join(root, 'none.json') },
      log: () => undefined,
    });
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryService } from '../../store/index';
import { KDF_MIN, VaultService } from '../../vault/index';
import type { AppContext } from '../app-context';
import { createDispatcher, type Handlers } from '../dispatcher';
import { EventBus } from '../event-bus';
import { createHistoryHandlers } from './history';

const call = { transport: 'cli' } as const;
const GOOD = 'my cat eats toast at midnight';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The vault and history wired as create-app wires them, behind the real dispatcher. */
async function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'history-api-'));
  dirs.push(root);
  const dataDir = path.join(root, 'data');
  const vault = new VaultService({ dataDir, kdf: { params: { alg: 'argon2id', v: 19, ...KDF_MIN }, ms: 20 } });
  const history = new HistoryService();
  vault.onSession((e) => (e.type === 'unlocked' ? history.attach(e.session) : history.detach()));
  const ctx: AppContext = { dataDir, platform: process.platform, events: new EventBus(), vault, disposers: [] };
  let stopped = 0;
  const handlers = createHistoryHandlers(history, ctx, async () => void stopped++);
  const dispatch = createDispatcher(handlers as unknown as Handlers);
  const sheet = await vault.create('Home', GOOD, GOOD);
  const c = history.requireStore().createConversation({ title: 'Evening check-in' });
  history.requireStore().appendMessage({ conversationId: c.id, role: 'user', content: 'the river walk helped' });
  return { root, vault, history, dispatch, sheet, conversationId: c.id, stopped: () => stopped };
}

describe('history.deleteAll through the dispatcher', () => {
  it('needs the literal confirmation and the passphrase; a wrong one keeps the history open and intact', async () => {
    const s = await setup();
    expect(await s.dispatch('history.deleteAll', { confirm: 'yes', passphrase: GOOD }, call)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await s.dispatch('history.deleteAll', { confirm: 'DELETE ALL HISTORY' }, call)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const wrong = await s.dispatch('history.deleteAll', { confirm: 'DELETE ALL HISTORY', passphrase: 'nope' }, call);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(s.stopped()).toBe(0);
    expect(s.history.requireStore().getConversation(s.conversationId).title).toBe('Evening check-in');
    await s.vault.close();
  });

  it('stops replies, deletes, returns a new recovery sheet and leaves an empty, working history', async () => {
    const s = await setup();
    const r = await s.dispatch('history.deleteAll', { confirm: 'DELETE ALL HISTORY', passphrase: GOOD }, call);
    expect(r).toMatchObject({ ok: true, value: { label: 'Home', recoveryCode: expect.any(String) } });
    expect(JSON.stringify(r)).not.toContain(s.sheet.recoveryCode);
    expect(s.stopped()).toBe(1);
    const list = await s.dispatch('history.listByDay', { tzOffsetMinutes: 0 }, call);
    expect(list).toMatchObject({ ok: true, value: { pinned: [], days: [] } });
    expect(await s.dispatch('history.getConversation', { id: s.conversationId }, call)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await s.vault.close();
  });
});

describe('history.exportConversation as PDF', () => {
  it('writes a PDF that pdftotext reads, outside the data folder only', async () => {
    const s = await setup();
    const file = path.join(s.root, 'check-in.pdf');
    const input = { id: s.conversationId, format: 'pdf', path: file };
    expect(await s.dispatch('history.exportConversation', input, call)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(fs.existsSync(file)).toBe(false);
    const r = await s.dispatch('history.exportConversation', { ...input, acknowledgePlaintext: true }, call);
    expect(r).toEqual({ ok: true, value: { path: file, encrypted: false } });
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('the river walk helped');
    expect(text).toContain('not encrypted');
    const inside = path.join(s.root, 'data', 'x.pdf');
    expect(
      await s.dispatch('history.exportConversation', { ...input, path: inside, acknowledgePlaintext: true }, call),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await s.vault.close();
  });
});

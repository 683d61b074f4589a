import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index';
import { conversationPdf } from './conversation';

/** Debian's poppler-utils: the same text a person's PDF reader would show (and proof the file parses). */
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

let root: string;
let dataDir: string;
let outDir: string;
let store: Store;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dbt-conv-pdf-'));
  dataDir = path.join(root, 'data');
  outDir = path.join(root, 'out');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(outDir);
  store = openStore({ file: path.join(dataDir, 'history.db'), dataKey: randomBytes(32) });
});
afterEach(() => {
  store.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  );

describe('conversation PDF export', () => {
  it('prints every message with who said it, and says the file is not encrypted', async () => {
    const c = store.createConversation({ title: 'Sunday evening' });
    store.appendMessage({
      conversationId: c.id,
      role: 'user',
      content: 'I keep replaying the argument with my sister',
    });
    store.appendMessage({
      conversationId: c.id,
      role: 'assistant',
      content: 'Let us try checking the facts together.\nWhat happened first?',
    });
    store.appendMessage({ conversationId: c.id, role: 'assistant', content: 'Half a reply', status: 'partial' });
    const file = path.join(outDir, 'talk.pdf');
    const result = await store.exportConversationPdf(c.id, file, dataDir, conversationPdf);
    expect(result).toEqual({ path: file, encrypted: false });
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const t = text(file);
    for (const s of [
      'Sunday evening',
      'not encrypted',
      'I keep replaying the argument with my sister',
      'Let us try checking the facts together.',
      'What happened first?',
      'Half a reply',
      'reply cut short',
      'You ·',
      'Coach ·',
    ]) {
      expect(t).toContain(s);
    }
    expect(t.indexOf('I keep replaying')).toBeLessThan(t.indexOf('checking the facts'));
  });

  it('flows long conversations over pages and survives text the standard font cannot draw', async () => {
    const c = store.createConversation({ title: '' });
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    for (let i = 0; i < 30; i++) store.appendMessage({ conversationId: c.id, role: 'user', content: long });
    store.appendMessage({
      conversationId: c.id,
      role: 'user',
      content: 'emoji 🙂 and Ελληνικά and \u0000control\u0007 and a ' + 'x'.repeat(500) + ' and (parens) \\ end',
    });
    const file = path.join(outDir, 'long.pdf');
    await store.exportConversationPdf(c.id, file, dataDir, conversationPdf);
    expect(pages(file)).toBeGreaterThan(3);
    const t = text(file);
    expect(t).toContain('Conversation');
    expect(t).toContain('word399');
    expect(t).toContain('(parens) \\ end');
  });

  it('refuses paths inside the app data, without the .pdf extension, or in a missing folder', async () => {
    const c = store.createConversation({ title: 'x' });
    const refuse = (p: string) => codeOf(store.exportConversationPdf(c.id, p, dataDir, conversationPdf));
    expect(await refuse(path.join(dataDir, 'in-data.pdf'))).toBe('INVALID_INPUT');
    expect(await refuse(path.join(outDir, 'talk.md'))).toBe('INVALID_INPUT');
    expect(await refuse(path.join(outDir, 'missing', 'talk.pdf'))).toBe('INVALID_INPUT');
    expect(await refuse('relative.pdf')).toBe('INVALID_INPUT');
    expect(await refuse(path.join(outDir, 'nul\0.pdf'))).toBe('INVALID_INPUT');
    expect(
      await codeOf(store.exportConversationPdf('nope', path.join(outDir, 'a.pdf'), dataDir, conversationPdf)),
    ).toBe('NOT_FOUND');
    expect(fs.readdirSync(outDir)).toEqual([]);
  });
});

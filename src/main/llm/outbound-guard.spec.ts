import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutboundGuard } from './outbound-guard';

describe('OutboundGuard', () => {
  it('in offline mode allows loopback, refuses the internet, and logs both without content', async () => {
    const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'guard-')), 'c.jsonl');
    const guard = new OutboundGuard({ offline: true, logFile });
    await guard.check('http://127.0.0.1:8080/v1/chat/completions?secret=diary', 'chat');
    await guard.check('http://[::1]:11434/v1', 'chat');
    await expect(guard.check('https://api.example.com/v1', 'chat')).rejects.toMatchObject({ code: 'OFFLINE' });
    const log = await guard.connections();
    expect(log.map((r) => [r.host, r.allowed])).toEqual([
      ['127.0.0.1', true],
      ['::1', true],
      ['api.example.com', false],
    ]);
    expect(readFileSync(logFile, 'utf8')).not.toContain('diary');
    // The log survives a restart.
    expect(await new OutboundGuard({ offline: true, logFile }).connections()).toHaveLength(3);
  });

  it('allows only the configured local-network server in offline mode', async () => {
    const guard = new OutboundGuard({ offline: true });
    await expect(guard.check('http://192.168.1.20:8080/v1', 'chat')).rejects.toMatchObject({ code: 'OFFLINE' });
    guard.setLocalServer('http://192.168.1.20:8080/v1');
    await guard.check('http://192.168.1.20:8080/v1', 'chat');
    await expect(guard.check('http://192.168.1.21:8080/v1', 'chat')).rejects.toMatchObject({ code: 'OFFLINE' });
    // A public server configured as "the server" is still refused while offline.
    guard.setLocalServer('https://llm.example.com/v1');
    await expect(guard.check('https://llm.example.com/v1', 'chat')).rejects.toMatchObject({ code: 'OFFLINE' });
  });

  it('allows anything online but still records it', async () => {
    const guard = new OutboundGuard({ offline: false });
    await guard.check('https://huggingface.co/x', 'model download');
    expect(await guard.connections()).toMatchObject([
      { host: 'huggingface.co', purpose: 'model download', allowed: true },
    ]);
  });

  it('treats lookalike hosts as remote', () => {
    const guard = new OutboundGuard({ offline: true });
    for (const host of ['127.0.0.1.example.com', 'localhost.evil.com', '0x7f000001.nip.io']) {
      expect(guard.isAllowed(host)).toBe(false);
    }
  });

  it('records requests refused elsewhere by host only, once per host, never the path or query', async () => {
    const guard = new OutboundGuard({ offline: true });
    await guard.recordRefused('https://tracker.example.com/p?q=secret-words', 'desktop window');
    await guard.recordRefused('https://tracker.example.com/other', 'desktop window');
    await guard.recordRefused('not a url', 'desktop window');
    await guard.recordRefused('data:text/plain,hello', 'desktop window');
    const log = await guard.connections();
    expect(log).toEqual([
      { at: expect.any(String), host: 'tracker.example.com', purpose: 'desktop window', allowed: false },
    ]);
    expect(JSON.stringify(log)).not.toContain('secret');
  });
});

import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryService } from './history-service';
import { historyEntries } from './store';
import { newKey, tempDir } from './test-util';

let t: ReturnType<typeof tempDir>;
let svc: HistoryService;
const lines: string[] = [];
beforeEach(() => {
  t = tempDir();
  svc = new HistoryService((l) => lines.push(l));
});
afterEach(() => {
  svc.detach();
  t.cleanup();
});

describe('HistoryService (vault lifecycle)', () => {
  it('is LOCKED until a session is attached and after it is detached', () => {
    expect(() => svc.requireStore()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    svc.attach({ dir: t.dir, dataKey: newKey() });
    expect(svc.requireStore().listByDay({ tzOffsetMinutes: 0 }).days).toEqual([]);
    expect(svc.listBackups()).toHaveLength(1); // the first daily backup happens on open
    svc.detach();
    expect(() => svc.requireStore()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });

  it('keeps the typed reason when the database does not open, and can restore from there', () => {
    const key = newKey();
    svc.attach({ dir: t.dir, dataKey: key });
    const c = svc.requireStore().createConversation({ title: 'saved' });
    const backup = svc.requireStore().backupNow(Date.now() + 1000);
    svc.detach();
    const file = path.join(t.dir, 'history.db');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('damage'), 0, 6, statSync(file).size - 3000);
    closeSync(fd);
    svc.attach({ dir: t.dir, dataKey: key });
    expect(() => svc.requireStore()).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(svc.listBackups().map((b) => b.name)).toContain(backup.name);
    svc.restore(backup.name);
    expect(svc.requireStore().getConversation(c.id).title).toBe('saved');
    expect(lines.join('\n')).not.toContain('saved');
  });

  it('reports WRONG_KEY for another vault key', () => {
    svc.attach({ dir: t.dir, dataKey: newKey() });
    svc.detach();
    svc.attach({ dir: t.dir, dataKey: newKey() });
    expect(() => svc.requireStore()).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
  });

  it('names every file and folder of the history for "delete all history", and nothing of the vault', () => {
    svc.attach({ dir: t.dir, dataKey: newKey() });
    svc.requireStore().createConversation({ title: 'gone' });
    for (const other of ['vault.key', 'audit.log', 'settings.json', 'remember.json', 'history.dbx', '.lock']) {
      writeFileSync(path.join(t.dir, other), 'x');
    }
    const names = historyEntries(t.dir).sort();
    expect(names).toEqual(expect.arrayContaining(['backups', 'history.db', 'history.db-wal', 'history.db.keycheck']));
    expect(names.every((n) => n === 'backups' || n === 'history.db' || /^history\.db[.-]/.test(n))).toBe(true);
  });
});

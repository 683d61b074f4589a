import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from './session';
import { GOOD, OTHER, hashTree, keyFilePath, makeReadOnly, service, tmpDir } from './test-support';

const LABEL = 'Clinic laptop';
const open: Array<{ close(): Promise<void> }> = [];
function track<T extends { close(): Promise<void> }>(s: T): T {
  open.push(s);
  return s;
}
afterEach(async () => {
  vi.useRealTimers();
  for (const s of open.splice(0)) await s.close();
});

async function created(extra = {}) {
  const dataDir = tmpDir();
  const vault = track(service(dataDir, extra));
  const sheet = await vault.create(LABEL, GOOD, GOOD);
  return { dataDir, vault, sheet };
}

describe('VaultService: create, unlock, lock', () => {
  it('creates a vault folder 0700 with files 0600, unlocked, listed by label', async () => {
    const { dataDir, vault, sheet } = await created();
    expect(vault.status()).toMatchObject({ unlocked: true, label: LABEL, autoLockSeconds: 900 });
    expect(vault.list()).toEqual([expect.objectContaining({ label: LABEL, remembered: false, retryAfterMs: 0 })]);
    expect(sheet.recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const dir = path.dirname(keyFilePath(dataDir));
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).mode & 0o777, f).toBe(0o600);
    expect(vault.requireSession().dataKey).toHaveLength(32);
  });

  it('refuses weak passphrases, mismatches, duplicate labels and bad labels', async () => {
    const { vault } = await created();
    const cases: Array<[string, string, string, string]> = [
      ['Other', 'short', 'short', 'WEAK_PASSPHRASE'],
      ['Other', 'passwordpassword', 'passwordpassword', 'WEAK_PASSPHRASE'],
      ['Garden', 'the garden gate is always open', 'the garden gate is always open', 'WEAK_PASSPHRASE'],
      ['Other', GOOD, OTHER, 'INVALID_INPUT'],
      ['clinic LAPTOP', OTHER, OTHER, 'VAULT_EXISTS'],
      ['bad\u0000label', OTHER, OTHER, 'INVALID_INPUT'],
      ['x'.repeat(65), OTHER, OTHER, 'INVALID_INPUT'],
      ['Other', 'p'.repeat(257), 'p'.repeat(257), 'WEAK_PASSPHRASE'],
    ];
    for (const [label, p, c, code] of cases) {
      await expect(vault.create(label, p, c), label).rejects.toMatchObject({ code });
    }
    expect(vault.list()).toHaveLength(1);
  });

  it('accepts a 256-character passphrase and the NFC and NFD forms of one passphrase', async () => {
    const dataDir = tmpDir();
    const vault = track(service(dataDir));
    const nfc = 'Crème brûlée sous la pluie, à Noël';
    await vault.create('Accents', nfc, nfc.normalize('NFD'));
    await vault.lock();
    await vault.unlock('Accents', nfc.normalize('NFD'));
    await vault.lock();
    await vault.unlock('Accents', nfc.normalize('NFC'));
    const long = Array.from({ length: 256 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[(i * 7) % 26]).join('');
    await vault.create('Long one', long, long);
    expect(vault.status().label).toBe('Long one');
  });

  it('does not truncate: changing the 65th character changes the key', async () => {
    const dataDir = tmpDir();
    const vault = track(service(dataDir));
    const head = 'walking slowly past the harbour we counted boats and gulls at dusk'.slice(0, 64);
    const p = `${head}X and more words`;
    await vault.create('Sixty-five', p, p);
    await vault.lock();
    const changed = p.slice(0, 64) + 'Y' + p.slice(65);
    expect([...p][64]).toBe('X');
    await expect(vault.unlock('Sixty-five', changed)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await vault.unlock('Sixty-five', p);
  });

  it('locks: zeroes the data key, returns LOCKED, emits vault.locked and tells listeners', async () => {
    const emit = vi.fn();
    const { vault } = await created({ emit });
    const events: SessionEvent[] = [];
    vault.onSession((e) => void events.push(e));
    const key = vault.requireSession().dataKey;
    await vault.lock();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(() => vault.requireSession()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(() => vault.exportKey()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(emit).toHaveBeenCalledWith('vault.locked', { reason: 'manual' });
    expect(events).toEqual([{ type: 'locked', label: LABEL, reason: 'manual' }]);
    await vault.unlock(LABEL, GOOD);
    expect(events[1]).toMatchObject({ type: 'unlocked', session: { label: LABEL } });
    expect(emit).toHaveBeenCalledWith('progress', expect.objectContaining({ task: 'kdf' }));
  });

  it('keeps the folder locked until every listener has closed, and locks again if opening fails', async () => {
    const { dataDir, vault } = await created();
    const other = track(service(dataDir));
    let busyDuringClose: unknown;
    vault.onSession(async (e) => {
      if (e.type === 'locked')
        busyDuringClose = await other.unlock(LABEL, GOOD).catch((err: { code?: string }) => err.code);
    });
    await vault.lock();
    expect(busyDuringClose).toBe('VAULT_BUSY');
    const failing = track(service(tmpDir()));
    await failing.create('Fails', GOOD, GOOD);
    await failing.lock();
    failing.onSession((e) => {
      if (e.type === 'unlocked') throw new Error('database would not open');
    });
    await expect(failing.unlock('Fails', GOOD)).rejects.toThrow('database would not open');
    expect(failing.status().unlocked).toBe(false);
  });

  it('auto-locks after the idle timeout; activity restarts the timer', async () => {
    const emit = vi.fn();
    const { vault } = await created({ emit });
    vi.useFakeTimers();
    vault.setAutoLock(5);
    await vi.advanceTimersByTimeAsync(4000);
    vault.touch();
    await vi.advanceTimersByTimeAsync(4000);
    expect(vault.status().unlocked).toBe(true);
    await vi.advanceTimersByTimeAsync(1500);
    expect(vault.status().unlocked).toBe(false);
    expect(emit).toHaveBeenCalledWith('vault.locked', { reason: 'idle' });
  });
});

describe('VaultService: bad input leaves files byte-identical', () => {
  it.each([
    ['wrong', 'this is simply not the passphrase'],
    ['1 MB', 'x'.repeat(1024 * 1024)],
    ['empty', ''],
  ])('%s passphrase', async (name, passphrase) => {
    const { dataDir, vault } = await created();
    await vault.lock();
    const before = hashTree(dataDir);
    const err = await vault.unlock(LABEL, passphrase).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: name === 'wrong' ? 'WRONG_PASSPHRASE' : expect.stringMatching(/WRONG_PASSPHRASE|INVALID_INPUT/),
    });
    const after = hashTree(dataDir);
    // A wrong guess is recorded on purpose: the failure counter and one sealed audit line. Nothing else moves.
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(
      changed.every((k) => /(failures\.json|audit\.log)$/.test(k)),
      changed.join(),
    ).toBe(true);
    for (const k of Object.keys(before))
      if (!/(failures\.json|audit\.log)$/.test(k)) expect(after[k], k).toBe(before[k]);
  });

  it('corrupted, truncated or swapped key files give CORRUPT and change nothing', async () => {
    const { dataDir, vault } = await created();
    const other = track(service(tmpDir()));
    await other.create('Other', OTHER, OTHER);
    await other.lock();
    await vault.lock();
    const file = keyFilePath(dataDir);
    const original = fs.readFileSync(file);
    const variants = [
      Buffer.concat([original.subarray(0, 100), Buffer.from([original[100]! ^ 1]), original.subarray(101)]),
      original.subarray(0, original.length - 10),
      fs.readFileSync(keyFilePath(other.dataDir)),
      Buffer.alloc(0),
    ];
    for (const v of variants) {
      fs.writeFileSync(file, v);
      const before = hashTree(dataDir);
      await expect(vault.unlock(LABEL, GOOD)).rejects.toMatchObject({
        code: expect.stringMatching(/CORRUPT|VAULT_NOT_FOUND/),
      });
      expect(hashTree(dataDir)).toEqual(before);
    }
  });

  it('a missing data dir lists nothing and a read-only one refuses to create, without partial files', async () => {
    const missing = path.join(tmpDir(), 'not-there');
    expect(track(service(missing)).list()).toEqual([]);
    await expect(track(service(missing)).unlock(LABEL, GOOD)).rejects.toMatchObject({ code: 'VAULT_NOT_FOUND' });
    const ro = tmpDir();
    fs.mkdirSync(path.join(ro, 'vaults'));
    const undo = makeReadOnly(path.join(ro, 'vaults'));
    try {
      const before = hashTree(ro);
      await expect(track(service(ro)).create(LABEL, GOOD, GOOD)).rejects.toMatchObject({ code: 'IO_ERROR' });
      expect(hashTree(ro)).toEqual(before);
      expect(fs.readdirSync(path.join(ro, 'vaults'))).toEqual([]);
    } finally {
      undo();
    }
  });

  it('two instances never open the same vault (VAULT_BUSY); a stale lock is taken over', async () => {
    const { dataDir, vault } = await created();
    const second = track(service(dataDir));
    const before = hashTree(dataDir);
    await expect(second.unlock(LABEL, GOOD)).rejects.toMatchObject({ code: 'VAULT_BUSY' });
    expect(hashTree(dataDir)).toEqual(before);
    await vault.lock();
    // A lock left by a process that no longer exists is stale.
    fs.writeFileSync(path.join(path.dirname(keyFilePath(dataDir)), '.lock'), '2147483646\n');
    await second.unlock(LABEL, GOOD);
    await expect(vault.unlock(LABEL, GOOD)).rejects.toMatchObject({ code: 'VAULT_BUSY' });
  });
});

describe('VaultService: failure delay', () => {
  it('grows after repeated failures and survives a restart', async () => {
    let now = 1_000_000;
    const { dataDir, vault } = await created({ now: () => now });
    await vault.lock();
    for (let i = 0; i < 3; i++)
      await expect(vault.unlock(LABEL, OTHER)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const restarted = track(service(dataDir, { now: () => now }));
    expect(restarted.list()[0]?.retryAfterMs).toBe(2000);
    await expect(restarted.unlock(LABEL, GOOD)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000 });
    now += 2000;
    await expect(restarted.unlock(LABEL, OTHER)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      retryAfterMs: 4000,
    });
    now += 4000;
    await restarted.unlock(LABEL, GOOD);
    expect(restarted.list()[0]?.retryAfterMs).toBe(0);
  });
});

describe('VaultService: changes while unlocked', () => {
  it('changes the passphrase (rewrap) and keeps the same data key', async () => {
    const { vault } = await created();
    const key = Buffer.from(vault.requireSession().dataKey);
    await expect(vault.changePassphrase(OTHER, OTHER, OTHER)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await vault.changePassphrase(GOOD, OTHER, OTHER);
    await vault.lock();
    await expect(vault.unlock(LABEL, GOOD)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await vault.unlock(LABEL, OTHER);
    expect(vault.requireSession().dataKey.equals(key)).toBe(true);
  });

  it('recovers a forgotten passphrase with the recovery code; a new sheet retires the old code', async () => {
    const { vault, sheet } = await created();
    const key = Buffer.from(vault.requireSession().dataKey);
    await vault.lock();
    await vault.recover(LABEL, sheet.recoveryCode.toLowerCase().replace(/-/g, ' '), OTHER, OTHER);
    expect(vault.requireSession().dataKey.equals(key)).toBe(true);
    const second = await vault.recoverySheet(OTHER);
    expect(second.recoveryCode).not.toBe(sheet.recoveryCode);
    await vault.lock();
    await expect(vault.recover(LABEL, sheet.recoveryCode, GOOD, GOOD)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await vault.recover(LABEL, second.recoveryCode, GOOD, GOOD);
  });

  it('says "switched" when creating or unlocking another vault closes the open one', async () => {
    const emit = vi.fn();
    const { vault } = await created({ emit });
    await vault.create('second vault', OTHER, OTHER);
    await vault.unlock(LABEL, GOOD);
    const locks = emit.mock.calls.filter(([name]) => name === 'vault.locked');
    expect(locks).toEqual([
      ['vault.locked', { reason: 'switched' }],
      ['vault.locked', { reason: 'switched' }],
    ]);
    expect(vault.status().label).toBe(LABEL);
  });

  it('deletes only when the label is typed exactly, removing every file', async () => {
    const emit = vi.fn();
    const { dataDir, vault } = await created({ emit });
    await expect(vault.delete('clinic laptop')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await vault.delete(LABEL);
    expect(emit).toHaveBeenCalledWith('vault.locked', { reason: 'deleted' });
    expect(vault.list()).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'vaults'))).toEqual([]);
  });

  it('keeps a sealed audit trail: time and event only, unreadable without the key', async () => {
    const { dataDir, vault } = await created();
    await vault.lock();
    await expect(vault.unlock(LABEL, OTHER)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await vault.unlock(LABEL, GOOD);
    vault.audit({ event: 'crisis.shown', detail: 'high' });
    vault.exportKey();
    const events = vault.auditTrail().map((e) => e.event);
    expect(events).toEqual(['export', 'crisis.shown', 'unlock', 'unlock.failed', 'lock', 'vault.created']);
    const raw = fs.readFileSync(path.join(path.dirname(keyFilePath(dataDir)), 'audit.log'), 'utf8');
    expect(raw).not.toMatch(/unlock|crisis|export|high/);
    for (const e of vault.auditTrail())
      expect(Object.keys(e).sort()).toEqual(e.detail ? ['at', 'detail', 'event'] : ['at', 'event']);
  });
});

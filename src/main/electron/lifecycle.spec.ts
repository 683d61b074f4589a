import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock } from './electron-mock';
import { acquireSingleInstance, lockVaultOnSystemLock } from './lifecycle';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

describe('acquireSingleInstance', () => {
  beforeEach(() => electronMock.app.listeners.clear());

  it('focuses the running window when a second copy starts', () => {
    electronMock.app.singleInstanceLock = true;
    const focus = vi.fn();
    expect(acquireSingleInstance(focus)).toBe(true);
    electronMock.app.emit('second-instance', {}, ['dbt-coach'], '/');
    expect(focus).toHaveBeenCalledOnce();
  });

  it('reports false (so the caller quits) when another copy holds the lock', () => {
    electronMock.app.singleInstanceLock = false;
    const focus = vi.fn();
    expect(acquireSingleInstance(focus)).toBe(false);
    expect(electronMock.app.listeners.has('second-instance')).toBe(false);
  });
});

describe('lockVaultOnSystemLock', () => {
  beforeEach(() => electronMock.powerMonitor.listeners.clear());

  it.each(['lock-screen', 'suspend'])('locks the vault with reason os on %s', (name) => {
    const lockVault = vi.fn(async () => undefined);
    lockVaultOnSystemLock({ lockVault });
    electronMock.powerMonitor.emit(name);
    expect(lockVault).toHaveBeenCalledExactlyOnceWith('os');
  });

  it('survives a failing lock (the OS event must not crash the main process)', async () => {
    const lockVault = vi.fn(async () => {
      throw new Error('boom');
    });
    lockVaultOnSystemLock({ lockVault });
    expect(() => electronMock.powerMonitor.emit('suspend')).not.toThrow();
    await Promise.resolve();
  });
});

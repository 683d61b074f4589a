import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isMethodName } from '../../shared/api';
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

  it.each(['lock-screen', 'suspend'])('locks the vault on %s when the contract has vault.lock', (name) => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    lockVaultOnSystemLock({ dispatch });
    electronMock.powerMonitor.emit(name);
    if (isMethodName('vault.lock')) {
      expect(dispatch).toHaveBeenCalledExactlyOnceWith('vault.lock', {}, { transport: 'electron' });
    } else {
      expect(dispatch).not.toHaveBeenCalled();
    }
  });

  it('survives a failing dispatch (the OS event must not crash the main process)', async () => {
    const dispatch = vi.fn(async () => {
      throw new Error('boom');
    });
    lockVaultOnSystemLock({ dispatch });
    expect(() => electronMock.powerMonitor.emit('suspend')).not.toThrow();
    await Promise.resolve();
  });
});

import { app, powerMonitor } from 'electron';
import { isMethodName } from '../../shared/api';
import type { App } from '../api/index';

/**
 * One running copy per user: two processes would open the same encrypted databases. Returns
 * false when another instance holds the lock (the caller quits); that instance gets focus.
 */
export function acquireSingleInstance(focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', focusExisting);
  return true;
}

// Looked up at run time: the vault's lock method joins the contract in a later change.
const LOCK_METHOD = 'vault.lock';

/**
 * When the OS locks the screen or the machine sleeps, the vault locks too: someone walking up to
 * an unlocked laptop should find the journal closed.
 */
export function lockVaultOnSystemLock(services: Pick<App, 'dispatch'>): void {
  const lock = () => {
    if (!isMethodName(LOCK_METHOD)) return;
    void services.dispatch(LOCK_METHOD, {}, { transport: 'electron' }).catch(() => undefined);
  };
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
}

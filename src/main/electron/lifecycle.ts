import { app, powerMonitor } from 'electron';
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

/**
 * When the OS locks the screen or the machine sleeps, the vault locks too: someone walking up to
 * an unlocked laptop should find the journal closed. The reason 'os' reaches the renderer.
 */
export function lockVaultOnSystemLock(services: Pick<App, 'lockVault'>): void {
  const lock = () => {
    void services.lockVault('os').catch(() => undefined);
  };
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
}

import type { RelaySyncService } from '../../relay-sync/index';
import type { Handlers } from '../dispatcher';
import { llmCall } from './models';

type RelaySyncHandlers = Pick<Handlers, 'relaySync.status' | 'relaySync.setBackup' | 'relaySync.restore'>;

/** Backup to and restore from the relay; the store's and the relay's typed errors are mapped by llmCall. */
export function createRelaySyncHandlers(sync: RelaySyncService): RelaySyncHandlers {
  return {
    'relaySync.status': () => llmCall(async () => sync.status()),
    'relaySync.setBackup': ({ enabled }) => llmCall(async () => sync.setBackup(enabled)),
    'relaySync.restore': () => llmCall(() => sync.restore()),
  };
}

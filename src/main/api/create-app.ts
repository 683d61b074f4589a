import { mkdirSync } from 'node:fs';
import { resolveDataDir } from '../platform/index';
import type { AppContext } from './app-context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { EventBus } from './event-bus';
import { createAppHandlers } from './handlers/app';
import { createVaultHandlers, createVaultService, PASSIVE_METHODS, type SafeStorageLike } from './handlers/vault';
import { createChatHandlers } from './handlers/chat';
import { createModelsHandlers } from './handlers/models';
import { createHistoryHandlers } from './handlers/history';
import { HistoryService } from '../store/index';
import { createLlmService } from '../llm/index';
import { createChatScreens, createFileFavourites } from '../coach/index';
import { createCoachHandlers } from './handlers/coach';
import { createChatStoreAdapter } from './chat-store-adapter';
import { completionFrom, createJournalHandlers, createJournalService } from './handlers/journal';
import { ReminderScheduler, storeReminderSource } from '../journal/index';
import { join } from 'node:path';
import { loadPolicy } from '../policy/index';
import { createPolicyHandlers, withPolicyCrisis } from './handlers/policy';
import { createBundleHandlers } from './handlers/bundles';
import { createRelaySyncHandlers } from './handlers/relay-sync';
import { RelaySyncService } from '../relay-sync/index';
import { fetchRelayHistory } from '../llm/index';

export { resolveDataDir };
export type { CallContext, Dispatch } from './dispatcher';
export { EventBus } from './event-bus';

export interface CreateAppOptions {
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives method names of unexpected failures; never user content. */
  log?: (line: string) => void;
  /** Electron's safeStorage, passed in by the desktop shell; the browser shell uses keytar instead. */
  safeStorage?: SafeStorageLike;
}

export interface App {
  readonly dataDir: string;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Locks the vault now; the Electron shell calls it on OS screen lock and suspend (reason 'os'). */
  lockVault(reason: 'os' | 'manual'): Promise<void>;
  /** Offline mode and the connection log, for the Electron shell's session request filter. */
  readonly network: { offline(): boolean; refused(url: string, purpose: string): void };
  close(): Promise<void>;
}

/** Builds the main-process services once; Electron, the browser shell and the CLI all share this. */
export async function createApp(options: CreateAppOptions = {}): Promise<App> {
  const dataDir = resolveDataDir(options.dataDir, options.env);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const events = new EventBus();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // The organisation's admin policy is read once, before any service starts, and limits them all.
  const policy = loadPolicy({ env: options.env });
  if (policy.state.source === 'broken') log('policy: file unusable, strictest settings apply');
  const vault = createVaultService(dataDir, events, { ...options, policy: () => policy.vault });
  const ctx: AppContext = { dataDir, platform: process.platform, events, vault, disposers: [] };
  ctx.disposers.push(() => vault.close());
  // The encrypted history opens with the vault and closes with it (disposers run newest first).
  const history = new HistoryService(options.log);
  ctx.disposers.push(() => history.detach());
  // Relay backup is per vault (a setting in its encrypted history) and off unless the person turns it on.
  const relaySync = new RelaySyncService({
    store: () => history.requireStore(),
    relayUrl: async () => (await llm.providers.get()).relay.url || null,
    fetchAll: (url) => fetchRelayHistory({ url, keys: vault.requireSession(), guard: llm.guard, dataDir }),
  });
  const llm = await createLlmService({
    dataDir,
    emit: (name, payload) => ctx.events.emit(name, payload),
    policy: () => policy.llm,
    // The relay provider signs in with the vault's keys; while the vault is locked it is unavailable.
    relayKeys: () => {
      try {
        return vault.requireSession();
      } catch {
        return null;
      }
    },
    relayBackup: () => relaySync.backupEnabled(),
  });
  ctx.disposers.push(() => llm.dispose());
  // Chats are kept in the encrypted store. On lock, replies still streaming are stopped and saved
  // as partial/cancelled first, then the database closes.
  llm.setPersistence(() => createChatStoreAdapter(history));
  vault.onSession((e) => {
    if (e.type === 'unlocked') history.attach(e.session);
    else void llm.chat.stopAll().finally(() => history.detach());
  });
  // The daily diary-card reminder: content-free, and silent while locked (rules in journal/reminder-scheduler.ts).
  const reminder = new ReminderScheduler(storeReminderSource(history.requireStore.bind(history)), (date) =>
    ctx.events.emit('diary.reminder', { date }),
  );
  reminder.start();
  ctx.disposers.push(() => reminder.stop());
  vault.onSession((e) => void (e.type === 'unlocked' && reminder.check()));
  // The coach's safety layer screens every user message and model reply, whichever provider is active.
  // A crisis is recorded in the vault's encrypted audit trail by level only, never the words.
  llm.setScreens(
    createChatScreens({
      onLevel: (level) => {
        if (level === 'crisis') vault.audit({ event: 'crisis.shown', detail: level });
      },
    }),
  );
  const handlers: Handlers = {
    ...createAppHandlers(ctx),
    ...createVaultHandlers(vault),
    ...createModelsHandlers(llm),
    ...createChatHandlers(llm),
    ...createHistoryHandlers(history, ctx, () => llm.chat.stopAll()),
    ...createCoachHandlers(createFileFavourites(join(dataDir, 'coach'))),
    // "Draft with the coach" uses the on-device model only: the draft never leaves the machine.
    ...createJournalHandlers(createJournalService(ctx, { history, complete: completionFrom(llm.localProvider) })),
    ...createPolicyHandlers(policy),
    ...createBundleHandlers(llm),
    ...createRelaySyncHandlers(relaySync),
  };
  handlers['coach.crisisContacts'] = withPolicyCrisis(handlers['coach.crisisContacts'], policy);
  const inner = createDispatcher(handlers, {
    onInternalError: (method, error) =>
      log(`internal error in ${method}: ${error instanceof Error ? error.name : 'unknown'}`),
  });
  // Every call is user activity for the idle auto-lock, except the UI's own status polling.
  const dispatch: Dispatch = (method, input, call) => {
    if (typeof method !== 'string' || !PASSIVE_METHODS.has(method)) vault.touch();
    return inner(method, input, call);
  };
  return {
    dataDir,
    dispatch,
    events: ctx.events,
    lockVault: (reason) => vault.lock(reason),
    network: {
      offline: () => llm.guard.offline,
      refused: (url, purpose) => void llm.guard.recordRefused(url, purpose).catch(() => undefined),
    },
    close: async () => {
      for (const dispose of ctx.disposers.reverse()) await dispose();
    },
  };
}

import type { JsonValue } from '../../store/index';
import { conversationPdf } from '../../journal/index';
import { historyEntries, isStoreError, type HistoryService } from '../../store/index';
import { AppError } from '../app-error';
import type { AppContext } from '../app-context';
import type { Handlers } from '../dispatcher';
import { vaultCall } from './vault';

type HistoryMethod = Extract<keyof Handlers, `history.${string}`>;
type HistoryHandlers = Pick<Handlers, HistoryMethod>;

/** The store throws StoreError (services may not import the API layer): map it to AppError here. */
export async function historyCall<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isStoreError(e)) throw new AppError(e.code, e.message);
    throw e;
  }
}

const MAX_SETTING_JSON = 20_000;

/**
 * "Delete all history": the vault proves the passphrase, then (streaming replies stopped, database closed)
 * swaps in a new data key and removes the history's files in one crash-safe step. The history reopens
 * empty under the new key, or, if the step failed and was undone, as it was.
 */
async function deleteAll(history: HistoryService, ctx: AppContext, passphrase: string, stopChats: () => Promise<void>) {
  let closed = false;
  try {
    return await vaultCall(() =>
      ctx.vault.resetDataKey(passphrase, {
        close: async () => {
          await stopChats();
          history.detach();
          closed = true;
        },
        entries: (dir) => historyEntries(dir),
      }),
    );
  } finally {
    if (closed) {
      try {
        history.attach(ctx.vault.requireSession());
      } catch {
        // Locked after a failure that could not be undone: the next unlock settles the folder first.
      }
    }
  }
}

export function createHistoryHandlers(
  history: HistoryService,
  ctx: AppContext,
  stopChats: () => Promise<void> = async () => {},
): HistoryHandlers {
  const store = () => history.requireStore();
  /** Slow tasks report progress so the UI can show an indicator (indeterminate, then done). */
  const withProgress = async <T>(task: string, label: string, fn: () => T | Promise<T>): Promise<T> => {
    ctx.events.emit('progress', { task, fraction: null, label });
    try {
      return await historyCall(fn);
    } finally {
      ctx.events.emit('progress', { task, fraction: 1, label });
    }
  };
  return {
    'history.listByDay': (input) => historyCall(() => store().listByDay(input)),
    'history.getConversation': ({ id, cursor, limit }) =>
      historyCall(() => {
        const s = store();
        return { conversation: s.getConversation(id), ...s.pageMessages(id, { cursor, limit }) };
      }),
    'history.renameConversation': ({ id, title }) => historyCall(() => store().updateConversation(id, { title })),
    'history.setPinned': ({ id, pinned }) => historyCall(() => store().updateConversation(id, { pinned })),
    'history.setArchived': ({ id, archived }) => historyCall(() => store().updateConversation(id, { archived })),
    'history.deleteConversation': ({ id }) => historyCall(() => (store().deleteConversation(id), {})),
    'history.search': ({ query, cursor, limit }) => historyCall(() => store().search(query, { cursor, limit })),
    'history.backupNow': () => withProgress('history.backup', 'Backing up your history', () => store().backupNow()),
    'history.listBackups': () => historyCall(() => ({ backups: history.listBackups() })),
    'history.restoreBackup': ({ name }) =>
      withProgress('history.restore', 'Restoring your history', () => (history.restore(name), {})),
    'history.exportConversation': ({ id, format, path, acknowledgePlaintext }) =>
      historyCall(() => {
        if (format !== 'encrypted' && acknowledgePlaintext !== true)
          throw new AppError('INVALID_INPUT', 'Confirm that you understand the exported file is not encrypted.');
        return format === 'pdf'
          ? store().exportConversationPdf(id, path, ctx.dataDir, conversationPdf)
          : store().exportConversation(id, format, path, ctx.dataDir);
      }),
    'history.importConversation': ({ path }) => historyCall(() => store().importConversation(path)),
    'history.deleteAll': ({ passphrase }) =>
      withProgress('history.deleteAll', 'Deleting your history', () => deleteAll(history, ctx, passphrase, stopChats)),
    'history.getSetting': ({ key }) => historyCall(() => ({ value: store().getSetting(key) })),
    'history.setSetting': ({ key, value }) =>
      historyCall(() => {
        if (JSON.stringify(value).length > MAX_SETTING_JSON)
          throw new AppError('TOO_LARGE', 'That setting is too large.');
        store().setSetting(key, value as JsonValue);
        return {};
      }),
  };
}

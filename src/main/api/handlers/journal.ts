import { ERROR_CODES, type ErrorCode } from '../../../shared/api';
import { JournalService, type Complete } from '../../journal/index';
import type { ChatProvider } from '../../llm/index';
import type { HistoryService } from '../../store/index';
import { AppError } from '../app-error';
import type { AppContext } from '../app-context';
import type { Handlers } from '../dispatcher';

type JournalMethod = Extract<
  keyof Handlers,
  | `diary.${string}`
  | `safetyPlan.${string}`
  | `chain.${string}`
  | `trends.${string}`
  | `handoff.${string}`
  | `clients.${string}`
>;
type JournalHandlers = Pick<Handlers, JournalMethod>;

const CODES = new Set<string>(ERROR_CODES);
/** The typed errors of the services the journal calls; their messages are already calm and content-free. */
const SERVICE_ERRORS = new Set(['JournalError', 'StoreError', 'VaultError', 'CoachError']);

async function journalCall<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error && SERVICE_ERRORS.has(e.name)) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && CODES.has(code)) throw new AppError(code as ErrorCode, e.message);
    }
    throw e;
  }
}

export interface JournalWiring {
  history: HistoryService;
  /** One-shot completion for "draft with the coach"; without it chain.draft answers UNAVAILABLE. */
  complete?: Complete;
}

/**
 * Adapts any chat provider into the one-shot completion "draft with the coach" needs: the whole
 * reply as text. Wiring point: pass `completionFrom(provider)` as `complete` once the LLM service
 * exposes its active provider. The prompt's user messages were already screened (crisis ones are
 * left out by the journal), and the reply is screened again before it is parsed.
 */
export function completionFrom(provider: ChatProvider, signal?: AbortSignal): Complete {
  return async ({ system, message, maxTokens }) => {
    let text = '';
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    for await (const delta of provider.chat(
      { system, history: [], message, maxTokens, temperature: 0.2 },
      controller.signal,
    )) {
      if (delta.type === 'text') text += delta.text;
    }
    return text;
  };
}

export function createJournalService(ctx: AppContext, wiring: JournalWiring): JournalService {
  return new JournalService({
    requireStore: () => {
      ctx.vault.requireSession();
      return wiring.history.requireStore();
    },
    requireSession: () => ctx.vault.requireSession(),
    // Level only: the audit trail never sees diary text.
    auditSafety: (level) => ctx.vault.audit({ event: 'crisis.shown', detail: level }),
    protectedDirs: () => [ctx.dataDir],
    complete: wiring.complete,
  });
}

export function createJournalHandlers(journal: JournalService): JournalHandlers {
  const call = journalCall;
  return {
    'diary.config.get': () => call(() => journal.diaryConfig()),
    'diary.config.set': ({ config }) => call(() => journal.setDiaryConfig(config)),
    'diary.get': ({ date }) => call(() => journal.getDay(date)),
    'diary.save': ({ entry }) => call(() => journal.saveDay(entry)),
    'diary.delete': ({ date }) => call(() => (journal.deleteDay(date), { ok: true as const })),
    'diary.week': ({ start }) => call(() => journal.week(start)),
    'diary.reminder.get': () => call(() => journal.reminder()),
    'diary.reminder.set': ({ time }) => call(() => journal.setReminder(time)),

    'safetyPlan.get': ({ version }) => call(() => journal.safetyPlan(version)),
    'safetyPlan.save': ({ plan, baseVersion }) => call(() => journal.saveSafetyPlan(plan, baseVersion)),
    'safetyPlan.versions': () => call(() => ({ versions: journal.safetyPlanVersions() })),

    'chain.list': () => call(() => ({ chains: journal.listChains() })),
    'chain.get': ({ id }) => call(() => journal.getChain(id)),
    'chain.create': ({ fields }) => call(() => journal.createChain(fields)),
    'chain.update': ({ id, fields }) => call(() => journal.updateChain(id, fields)),
    'chain.delete': ({ id }) => call(() => (journal.deleteChain(id), { ok: true as const })),
    'chain.draft': ({ conversationId }) => call(() => journal.draftChain(conversationId)),

    'trends.get': ({ from, to, bucket }) => call(() => journal.trends(from, to, bucket)),

    'handoff.pdf': ({ item, path }) => call(() => journal.exportPdf(item, path)),
    'handoff.keys.mine': () => call(() => journal.myPublicKey()),
    'handoff.keys.import': (input) => call(() => journal.importPublicKey(input)),
    'handoff.keys.list': () => call(() => ({ keys: journal.listKeys() })),
    'handoff.keys.remove': ({ id }) => call(() => (journal.removeKey(id), { ok: true as const })),
    'handoff.packet.create': ({ recipientId, items, path }) =>
      call(() => journal.createPacket(recipientId, items, path)),
    'handoff.packet.import': ({ path }) => call(() => journal.importPacket(path)),

    'clients.list': () => call(() => ({ clients: journal.listClients() })),
    'clients.packets': ({ clientId }) => call(() => ({ packets: journal.listPackets(clientId) })),
    'clients.packet': ({ packetId }) => call(() => journal.readPacket(packetId)),
    'clients.remove': ({ clientId }) => call(() => (journal.removeClient(clientId), { ok: true as const })),
  };
}

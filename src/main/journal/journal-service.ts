import type {
  ChainFields,
  DateString,
  DiaryConfig,
  DiaryEntry,
  HandoffItem,
  PacketItem,
  SafetyPlan,
} from '../../shared/api/journal';
import * as chains from './chain';
import { draftChain, type DraftMessage } from './chain-draft';
import type { JournalDeps } from './deps';
import * as diary from './diary';
import { JournalError } from './errors';
import * as clients from './handoff/clients';
import { readFileCapped, validateOutputPath, writeFileAtomic } from './handoff/files';
import { formatKeyBlock, fingerprint, parseKeyBlock } from './handoff/keys';
import { openPacket, PACKET_MAX_BYTES, sealPacket } from './handoff/packet';
import { chainPdf, diaryWeekPdf, safetyPlanPdf } from './pdf/documents';
import * as plans from './safety-plan';
import { aggregateTrends, bucketRange } from './trends';

const KEY_FILE_MAX_BYTES = 16 * 1024;
const CONVERSATION_MAX_MESSAGES = 400;

/**
 * Diary card, safety plan, chain analysis, trends and therapist hand-off over the encrypted store.
 * Every call goes through `deps.requireStore()` / `requireSession()`, which throw LOCKED while the
 * vault is locked, so nothing here caches keys or data between calls.
 */
export class JournalService {
  constructor(private readonly deps: JournalDeps) {}

  private get store() {
    return this.deps.requireStore();
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  // --- diary card ------------------------------------------------------------------------------------

  diaryConfig = () => diary.getConfig(this.store);
  setDiaryConfig = (config: DiaryConfig) => diary.setConfig(this.store, config);
  getDay = (date: DateString) => diary.getDay(this.store, date);
  deleteDay = (date: DateString) => diary.deleteDay(this.store, date);
  week = (start: DateString) => ({ config: diary.getConfig(this.store), days: diary.week(this.store, start) });
  reminder = () => diary.getReminder(this.store);
  setReminder = (time: string | null) => diary.setReminder(this.store, time);

  /** Saves a day and runs the same safety check as chat; the audit trail gets the level only. */
  saveDay(entry: DiaryEntry) {
    const store = this.store;
    const saved = diary.saveDay(store, entry, this.now());
    const safety = diary.diarySafety(entry, diary.getConfig(store));
    if (safety !== 'none') this.deps.auditSafety(safety);
    return { ...saved, safety };
  }

  // --- safety plan, chain analysis, trends -------------------------------------------------------------

  safetyPlan = (version?: number) => plans.getPlan(this.store, version);
  saveSafetyPlan = (plan: SafetyPlan, baseVersion: number) => plans.savePlan(this.store, plan, baseVersion, this.now());
  safetyPlanVersions = () => plans.listVersions(this.store);

  listChains = () => chains.listChains(this.store);
  getChain = (id: string) => chains.getChain(this.store, id);
  createChain = (fields: ChainFields) => chains.createChain(this.store, fields, this.now());
  updateChain = (id: string, fields: ChainFields) => chains.updateChain(this.store, id, fields, this.now());
  deleteChain = (id: string) => chains.deleteChain(this.store, id);

  /** Drafts chain fields from a saved conversation (the newest messages, oldest first). */
  async draftChain(conversationId: string) {
    const store = this.store;
    const messages: DraftMessage[] = [];
    let cursor: string | undefined;
    do {
      const page = store.pageMessages(conversationId, { cursor, limit: 200 });
      messages.unshift(...page.messages.map((m) => ({ role: m.role, content: m.content })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && messages.length < CONVERSATION_MAX_MESSAGES);
    return draftChain(messages, this.deps.complete);
  }

  trends(from: DateString, to: DateString, bucket: 'week' | 'month') {
    const buckets = bucketRange(from, to, bucket);
    const store = this.store;
    const first = buckets[0]?.start ?? from;
    const last = buckets[buckets.length - 1]?.end ?? to;
    const entries = diary.entriesBetween(store, first, last);
    return aggregateTrends(entries, diary.getConfig(store), buckets);
  }

  // --- hand-off -----------------------------------------------------------------------------------------

  /** Writes an unencrypted PDF; the contract already required `acknowledgePlaintext: true`. */
  async exportPdf(item: HandoffItem, target: string) {
    const file = validateOutputPath(target, '.pdf', this.deps.protectedDirs());
    const resolved = this.resolveItem(item);
    const bytes =
      resolved.kind === 'diaryWeek'
        ? await diaryWeekPdf(resolved.config, resolved.days)
        : resolved.kind === 'chain'
          ? await chainPdf(resolved.chain)
          : await safetyPlanPdf(resolved.plan, this.safetyPlan().savedAt);
    writeFileAtomic(file, bytes);
    return { path: file, bytes: bytes.length, encrypted: false as const };
  }

  private resolveItem(item: HandoffItem): PacketItem {
    if (item.kind === 'diaryWeek') {
      const { config, days } = this.week(item.start);
      return { kind: 'diaryWeek', start: item.start, config, days };
    }
    if (item.kind === 'chain') return { kind: 'chain', chain: this.getChain(item.id) };
    const { plan, version } = this.safetyPlan();
    return { kind: 'safetyPlan', version, plan };
  }

  myPublicKey() {
    const s = this.deps.requireSession();
    const keys = { label: s.label, x25519: s.x25519.publicRaw, ed25519: s.ed25519.publicRaw };
    return { text: formatKeyBlock(keys), label: s.label, fingerprint: fingerprint(keys.x25519, keys.ed25519) };
  }

  importPublicKey(source: { text: string } | { path: string }) {
    const store = this.store;
    const text = 'text' in source ? source.text : readFileCapped(source.path, KEY_FILE_MAX_BYTES).toString('utf8');
    const key = parseKeyBlock(text);
    const s = this.deps.requireSession();
    if (key.ed25519.equals(s.ed25519.publicRaw)) {
      throw new JournalError('INVALID_INPUT', 'That is this vault’s own key. Import the other person’s key.');
    }
    return clients.importKey(store, key, this.now());
  }

  listKeys = () => clients.listKeys(this.store);
  removeKey = (id: string) => clients.removeKey(this.store, id);

  createPacket(recipientId: string, items: HandoffItem[], target: string) {
    const file = validateOutputPath(target, '.dbtpacket', this.deps.protectedDirs());
    const recipient = clients.getKey(this.store, recipientId);
    const payload = { items: items.map((i) => this.resolveItem(i)) };
    const packet = sealPacket(payload, this.deps.requireSession(), recipient.x25519, this.now());
    writeFileAtomic(file, packet);
    return { path: file, bytes: packet.length };
  }

  importPacket(source: string) {
    const store = this.store;
    const session = this.deps.requireSession();
    const opened = openPacket(readFileCapped(source, PACKET_MAX_BYTES), session.x25519);
    if (opened.senderEd25519.equals(session.ed25519.publicRaw)) {
      throw new JournalError('INVALID_INPUT', 'This packet came from this vault. Open it on the therapist’s device.');
    }
    return clients.importPacket(store, opened, this.now());
  }

  listClients = () => clients.listClients(this.store);
  listPackets = (clientId: string) => clients.listPackets(this.store, clientId);
  readPacket = (packetId: string) => clients.readPacket(this.store, packetId);
  removeClient = (clientId: string) => clients.removeClient(this.store, clientId);
}

// The journal service's public surface: diary card, safety plan, chain analysis, trends, hand-off.
export { JournalService } from './journal-service';
export { JournalError } from './errors';
export type { Complete, JournalDeps, JournalSession } from './deps';
export { DEFAULT_DIARY_CONFIG, diarySafety } from './diary';
export { buildChainDraftPrompt, parseChainDraft, CHAIN_DRAFT_PROMPT_VERSION } from './chain-draft';
export { PACKET_VERSION, PACKET_MAX_BYTES } from './handoff/packet';
export { conversationPdf } from './pdf/conversation';
export { ReminderScheduler, CHECK_INTERVAL_MS, CATCH_UP_MINUTES } from './reminder-scheduler';
export { storeReminderSource } from './reminder-source';

// The store's public surface: other services and the API layer import only this file.
// Private ("don't save") conversations are the chat service's concern: it simply never calls the store.
export { historyEntries, openStore, Store, type RenderConversationPdf, type StoreOptions } from './store';
export { StoreError, isStoreError } from './errors';
export type { NewConversation, ConversationPatch, DayListing } from './conversations';
export type { NewMessage, MessagePatch, MessagePage } from './messages';
export type { Note } from './notes';
export type { AuditEntry } from './audit';
export type { JsonValue } from './settings';
export { DEFAULT_RETENTION } from './backup';
export { MIGRATIONS, type Migration } from './migrations/index';
export { HistoryService, type HistorySession } from './history-service';

// The llm service's public surface (the API layer, the CLI through the API, and other services).
export { createLlmService, type LlmService, type LlmServiceOptions } from './llm-service';
export { AppError as LlmError } from './errors';
export type { ChatProvider, ChatRequest, ChatTurn, Delta } from './provider';
export { DEFAULT_TEMPERATURE } from './provider';
export type { ChatPersistence, ConversationMeta, StoredChatMessage } from './chat-persistence';
export { createMemoryPersistence } from './chat-persistence';
export type { ReplyScreen, SafetyLevel, UserScreen } from './chat-service';
export type { SecretSlot } from './settings';
export { OutboundGuard, isLoopback, isLocalNetwork, type ConnectionRecord } from './outbound-guard';
export { readGgufHeader } from './gguf-header';
export { COACH_SYSTEM_PROMPT_V1 } from './prompts/coach-system.v1';
export { type LlmPolicy, OPEN_POLICY } from './policy-hook';
export { keyFingerprint, rawPublicKey } from './bundle-format';
export { generateClinicKeys, writeBundle, type ClinicKeys, type WriteBundleOptions } from './bundle-write';
export type { BundleImportResult, BundleTrust } from './bundle-import';
export {
  fetchRelayHistory,
  type FetchHistoryOptions,
  type RelayHistoryKeys,
  type RestoredExchange,
} from './relay/relay-history';

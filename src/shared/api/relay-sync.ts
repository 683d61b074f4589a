import { z } from 'zod';
import { emptyInput } from './limits';
import { defineMethod } from './method';

const count = z.number().int().nonnegative();

export const relaySyncResultSchema = z.strictObject({
  /** Exchanges found on the relay. */
  exchanges: count,
  /** Conversations created by this restore. */
  conversations: count,
  /** Messages written by this restore. */
  messages: count,
  /** Exchanges already in this history (restored before, or written on this device). */
  skipped: count,
});
export type RelaySyncResult = z.infer<typeof relaySyncResultSchema>;

export const relaySyncStatusSchema = z.strictObject({
  /** Relay chats are also stored on the relay, sealed to this vault's key. */
  backup: z.boolean(),
  /** A relay address is set in Settings. */
  relaySet: z.boolean(),
  restoring: z.boolean(),
  lastRestore: relaySyncResultSchema.extend({ at: count }).nullable(),
});
export type RelaySyncStatus = z.infer<typeof relaySyncStatusSchema>;

/** Encrypted backup of chat history to the relay and restore from it. Keys stay in the main process. */
export const relaySyncMethods = {
  'relaySync.status': defineMethod(emptyInput, relaySyncStatusSchema),
  'relaySync.setBackup': defineMethod(z.strictObject({ enabled: z.boolean() }), relaySyncStatusSchema),
  'relaySync.restore': defineMethod(emptyInput, relaySyncResultSchema),
} as const;

import { z } from 'zod';
import { emptyInput, idSchema, LIMITS } from './limits';
import { defineMethod } from './method';

export const PROVIDER_KINDS = ['local', 'server', 'relay'] as const;
export const providerKindSchema = z.enum(PROVIDER_KINDS);
export type ProviderKind = z.infer<typeof providerKindSchema>;

export const MESSAGE_STATUSES = ['streaming', 'complete', 'partial', 'cancelled', 'error'] as const;
export const messageStatusSchema = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** What the user is shown before a conversation's first message leaves the machine. */
export const remotePreviewSchema = z.strictObject({
  provider: providerKindSchema,
  host: z.string().max(255),
  model: z.string().max(200),
  messageCount: z.number().int().nonnegative(),
  characterCount: z.number().int().nonnegative(),
  includesSystemPrompt: z.boolean(),
});

export const sendResultSchema = z.discriminatedUnion('state', [
  z.strictObject({
    state: z.literal('started'),
    conversationId: idSchema,
    userMessageId: idSchema,
    assistantMessageId: idSchema,
    queuePosition: z.number().int().nonnegative(),
  }),
  /** Nothing was stored or sent: confirm with chat.confirmRemote, then send again. */
  z.strictObject({ state: z.literal('needs-confirmation'), conversationId: idSchema, preview: remotePreviewSchema }),
  /** The safety layer stopped the message before any provider saw it. */
  z.strictObject({
    state: z.literal('screened'),
    conversationId: idSchema,
    userMessageId: idSchema,
    level: z.enum(['concern', 'crisis']),
    assistantMessageId: idSchema.nullable(),
  }),
]);
export type SendResult = z.infer<typeof sendResultSchema>;

const serverSettings = z.strictObject({
  baseUrl: z.string().max(500),
  model: z.string().max(200),
  /** Never the key itself: the renderer only learns whether one is set. */
  apiKeySet: z.boolean(),
});

export const providerSettingsSchema = z.strictObject({
  defaultProvider: providerKindSchema,
  offline: z.boolean(),
  server: serverSettings,
  /** The relay's address (docs/relay-protocol.md); empty when none is set. */
  relay: z.strictObject({ url: z.string().max(500) }),
  available: z.strictObject({ local: z.boolean(), server: z.boolean(), relay: z.boolean() }),
  localModelId: idSchema.nullable(),
});
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

export const connectionRecordSchema = z.strictObject({
  at: z.string().max(40),
  host: z.string().max(255),
  purpose: z.string().max(64),
  allowed: z.boolean(),
});
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>;

const conversationRef = z.strictObject({ conversationId: idSchema });

export const chatMethods = {
  'chat.send': defineMethod(
    z.strictObject({
      conversationId: idSchema.optional(),
      text: z.string().min(1).max(LIMITS.message),
      /** Defaults to the conversation's provider, else the default provider. */
      provider: providerKindSchema.optional(),
      /** Starts a "don't save" conversation (ignored for an existing one): memory only, gone on close or lock. */
      private: z.boolean().optional(),
    }),
    sendResultSchema,
  ),
  /** Edit-and-resend: replaces the person's last message and writes its reply again (same message ids). */
  'chat.edit': defineMethod(
    z.strictObject({
      conversationId: idSchema,
      messageId: idSchema,
      text: z.string().min(1).max(LIMITS.message),
    }),
    sendResultSchema,
  ),
  /** Forgets a "don't save" conversation now; false when there was no such private conversation. */
  'chat.closePrivate': defineMethod(conversationRef, z.strictObject({ closed: z.boolean() })),
  'chat.stop': defineMethod(conversationRef, z.strictObject({ stopped: z.boolean() })),
  /** Regenerates the conversation's last assistant reply in place (same message id). */
  'chat.regenerate': defineMethod(conversationRef, sendResultSchema),
  'chat.confirmRemote': defineMethod(
    z.strictObject({ conversationId: idSchema, provider: providerKindSchema }),
    z.strictObject({ confirmed: z.boolean() }),
  ),
  'providers.get': defineMethod(emptyInput, providerSettingsSchema),
  'providers.set': defineMethod(
    z.strictObject({
      defaultProvider: providerKindSchema.optional(),
      server: z
        .strictObject({
          baseUrl: z.string().max(500).optional(),
          model: z.string().max(200).optional(),
          /** A new key; an empty string clears it. */
          apiKey: z.string().max(500).optional(),
        })
        .optional(),
      /** https only (http for 127.0.0.1 / localhost); an empty string removes the relay. */
      relay: z.strictObject({ url: z.string().max(500) }).optional(),
    }),
    providerSettingsSchema,
  ),
  'privacy.connections': defineMethod(
    emptyInput,
    z.strictObject({ offline: z.boolean(), connections: z.array(connectionRecordSchema) }),
  ),
  'privacy.setOffline': defineMethod(
    z.strictObject({ offline: z.boolean() }),
    z.strictObject({ offline: z.boolean() }),
  ),
};

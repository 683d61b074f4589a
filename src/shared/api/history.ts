import { z } from 'zod';
import { emptyInput, idSchema, LIMITS } from './limits';
import { defineMethod } from './method';
import { PASSPHRASE_WIRE_MAX, recoverySheetSchema } from './vault';

/** Encrypted history: conversations, messages, search, backups, export. Times are Unix milliseconds. */

export const MESSAGE_ROLES = ['user', 'assistant', 'system'] as const;
export const STORED_MESSAGE_STATUSES = ['complete', 'partial', 'cancelled', 'error'] as const;

const nullableShort = z.string().max(LIMITS.shortText).nullable();
const timeSchema = z.number().int().nonnegative();
/** Opaque paging cursors produced by the store; the renderer passes them back unchanged. */
const cursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9:,_-]*$/);

export const conversationSchema = z.strictObject({
  id: idSchema,
  title: z.string().max(LIMITS.shortText),
  createdAt: timeSchema,
  updatedAt: timeSchema,
  provider: nullableShort,
  model: nullableShort,
  pinned: z.boolean(),
  archived: z.boolean(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const messageSchema = z.strictObject({
  id: idSchema,
  conversationId: idSchema,
  role: z.enum(MESSAGE_ROLES),
  content: z.string().max(LIMITS.message),
  createdAt: timeSchema,
  promptTokens: z.number().int().nonnegative().nullable(),
  completionTokens: z.number().int().nonnegative().nullable(),
  provider: nullableShort,
  model: nullableShort,
  status: z.enum(STORED_MESSAGE_STATUSES),
});
export type Message = z.infer<typeof messageSchema>;

/** Conversations of one local day; `day` is YYYY-MM-DD and the renderer labels Today/Yesterday. */
export const dayGroupSchema = z.strictObject({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  conversations: z.array(conversationSchema),
});

/** A snippet as segments: the renderer wraps `hit` segments in <mark> and never parses HTML. */
export const snippetSegmentSchema = z.strictObject({ text: z.string(), hit: z.boolean() });
export type SnippetSegment = z.infer<typeof snippetSegmentSchema>;

export const searchHitSchema = z.strictObject({
  kind: z.enum(['message', 'note']),
  id: idSchema,
  conversationId: idSchema.nullable(),
  title: z.string(),
  createdAt: timeSchema,
  snippet: z.array(snippetSegmentSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const backupInfoSchema = z.strictObject({
  name: z.string().regex(/^history-\d{8}-\d{6}(-\d+)?\.db$/),
  createdAt: timeSchema,
  size: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const settingKeySchema = z
  .string()
  .min(1)
  .max(LIMITS.label)
  .regex(/^[a-z][A-Za-z0-9_.-]*$/);
const settingValueSchema = z.json();

const pathSchema = z.string().min(1).max(LIMITS.path);
const done = z.strictObject({});

export const historyMethods = {
  'history.listByDay': defineMethod(
    z.strictObject({
      archived: z.boolean().optional(),
      /** Minutes east of UTC (Date#getTimezoneOffset negated), so days match the user's clock. */
      tzOffsetMinutes: z.number().int().min(-840).max(840),
      limit: z.number().int().min(1).max(500).optional(),
      cursor: cursorSchema.optional(),
    }),
    z.strictObject({
      pinned: z.array(conversationSchema),
      days: z.array(dayGroupSchema),
      nextCursor: cursorSchema.nullable(),
    }),
  ),
  'history.getConversation': defineMethod(
    z.strictObject({
      id: idSchema,
      cursor: cursorSchema.optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    z.strictObject({
      conversation: conversationSchema,
      /** Oldest first within the page; the page is the newest `limit` messages before the cursor. */
      messages: z.array(messageSchema),
      nextCursor: cursorSchema.nullable(),
    }),
  ),
  'history.renameConversation': defineMethod(
    z.strictObject({ id: idSchema, title: z.string().max(LIMITS.shortText) }),
    conversationSchema,
  ),
  'history.setPinned': defineMethod(z.strictObject({ id: idSchema, pinned: z.boolean() }), conversationSchema),
  'history.setArchived': defineMethod(z.strictObject({ id: idSchema, archived: z.boolean() }), conversationSchema),
  'history.deleteConversation': defineMethod(z.strictObject({ id: idSchema }), done),
  'history.search': defineMethod(
    z.strictObject({
      query: z.string().min(1).max(LIMITS.shortText),
      cursor: cursorSchema.optional(),
      limit: z.number().int().min(1).max(50).optional(),
    }),
    z.strictObject({ hits: z.array(searchHitSchema), nextCursor: cursorSchema.nullable() }),
  ),
  'history.backupNow': defineMethod(emptyInput, backupInfoSchema),
  'history.listBackups': defineMethod(emptyInput, z.strictObject({ backups: z.array(backupInfoSchema) })),
  'history.restoreBackup': defineMethod(z.strictObject({ name: backupInfoSchema.shape.name }), done),
  'history.exportConversation': defineMethod(
    /** 'markdown' and 'pdf' are NOT encrypted: the renderer warns before asking for the path. */
    z.strictObject({
      id: idSchema,
      format: z.enum(['markdown', 'pdf', 'encrypted']),
      path: pathSchema,
      /** Required (true) for 'markdown' and 'pdf': the person ticked that the file is not encrypted. */
      acknowledgePlaintext: z.boolean().optional(),
    }),
    z.strictObject({ path: z.string(), encrypted: z.boolean() }),
  ),
  'history.importConversation': defineMethod(
    z.strictObject({ path: pathSchema }),
    z.strictObject({ conversationId: idSchema }),
  ),
  /**
   * Irreversible: removes the database and every backup and replaces the vault's data key, so copies of the
   * old files open with nothing. The renderer asks first, sends the literal confirmation and the passphrase,
   * and shows the returned recovery sheet (the old recovery code stops working).
   */
  'history.deleteAll': defineMethod(
    z.strictObject({
      confirm: z.literal('DELETE ALL HISTORY'),
      passphrase: z.string().min(1).max(PASSPHRASE_WIRE_MAX),
    }),
    recoverySheetSchema,
  ),
  'history.getSetting': defineMethod(
    z.strictObject({ key: settingKeySchema }),
    z.strictObject({ value: settingValueSchema.nullable() }),
  ),
  'history.setSetting': defineMethod(z.strictObject({ key: settingKeySchema, value: settingValueSchema }), done),
};

import { z } from 'zod';
import {
  chainAnalysisSchema,
  chainFieldsSchema,
  dateSchema,
  diaryConfigSchema,
  diaryEntrySchema,
  handoffItemSchema,
  packetItemSchema,
  safetyLevelValues,
  safetyPlanSchema,
} from './journal-schemas';
import { emptyInput, idSchema, LIMITS } from './limits';
import { defineMethod } from './method';

export * from './journal-schemas';

/**
 * Diary card, safety plan, chain analysis, trends and therapist hand-off. Every method needs an
 * unlocked vault (LOCKED otherwise). Times are Unix milliseconds; days are local YYYY-MM-DD.
 */

const timeSchema = z.number().int().nonnegative();
const done = z.strictObject({ ok: z.literal(true) });
const pathSchema = z.string().min(1).max(LIMITS.path);
const fingerprintSchema = z.string().max(64);

// --- trends ---------------------------------------------------------------------------------------

export const trendBucketSchema = z.strictObject({
  /** 'week:2025-03-03' (Monday) or 'month:2025-03'. */
  key: z.string(),
  label: z.string(),
  start: dateSchema,
  end: dateSchema,
  /** Days in the bucket with a diary entry. */
  days: z.number().int().nonnegative(),
});
export const trendChartSchema = z.strictObject({
  id: z.enum(['emotions', 'urges', 'actedOn', 'skills']),
  title: z.string(),
  /** What a value means, for the axis and the table caption. */
  unit: z.string(),
  /** One series per item; `values[i]` belongs to `buckets[i]`; null = no entries that bucket. */
  series: z.array(z.strictObject({ id: z.string(), label: z.string(), values: z.array(z.number().nullable()) })),
  /** The same numbers as an accessible table: one row per bucket, one column per series. */
  table: z.strictObject({
    caption: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.strictObject({ label: z.string(), cells: z.array(z.number().nullable()) })),
  }),
});
export type TrendChart = z.infer<typeof trendChartSchema>;
export const trendsSchema = z.strictObject({ buckets: z.array(trendBucketSchema), charts: z.array(trendChartSchema) });
export type Trends = z.infer<typeof trendsSchema>;

// --- hand-off ---------------------------------------------------------------------------------------

export const publicKeyInfoSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(LIMITS.label),
  fingerprint: fingerprintSchema,
  importedAt: timeSchema,
});
export const clientSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(LIMITS.label),
  fingerprint: fingerprintSchema,
  firstSeenAt: timeSchema,
  lastPacketAt: timeSchema,
  packets: z.number().int().nonnegative(),
});
export const packetSummarySchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  createdAt: timeSchema,
  importedAt: timeSchema,
  kinds: z.array(z.enum(['diaryWeek', 'chain', 'safetyPlan'])),
});
const keyImportInput = z.union([
  z.strictObject({ text: z.string().min(1).max(4096) }),
  z.strictObject({ path: pathSchema }),
]);

const chainSummarySchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  createdAt: timeSchema,
  updatedAt: timeSchema,
});
const reminderSchema = z.strictObject({
  /** Local 24-hour time, or null for no reminder. The notification itself carries no content. */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable(),
});

export const journalMethods = {
  'diary.config.get': defineMethod(emptyInput, diaryConfigSchema),
  'diary.config.set': defineMethod(z.strictObject({ config: diaryConfigSchema }), diaryConfigSchema),
  'diary.get': defineMethod(
    z.strictObject({ date: dateSchema }),
    z.strictObject({ entry: diaryEntrySchema.nullable(), updatedAt: timeSchema.nullable() }),
  ),
  /** `safety` is 'none' unless a self-harm/suicide urge is ≥ 4 or acted on, or the notes need a check. */
  'diary.save': defineMethod(
    z.strictObject({ entry: diaryEntrySchema }),
    z.strictObject({ entry: diaryEntrySchema, updatedAt: timeSchema, safety: z.enum(safetyLevelValues) }),
  ),
  'diary.delete': defineMethod(z.strictObject({ date: dateSchema }), done),
  'diary.week': defineMethod(
    z.strictObject({ start: dateSchema }),
    z.strictObject({
      config: diaryConfigSchema,
      days: z.array(z.strictObject({ date: dateSchema, entry: diaryEntrySchema.nullable() })),
    }),
  ),
  'diary.reminder.get': defineMethod(emptyInput, reminderSchema),
  'diary.reminder.set': defineMethod(reminderSchema, reminderSchema),

  'safetyPlan.get': defineMethod(
    z.strictObject({ version: z.number().int().positive().optional() }),
    z.strictObject({ plan: safetyPlanSchema, version: z.number().int().nonnegative(), savedAt: timeSchema.nullable() }),
  ),
  /** `baseVersion` is the version the edit started from; a newer saved version gives CONFLICT. */
  'safetyPlan.save': defineMethod(
    z.strictObject({ plan: safetyPlanSchema, baseVersion: z.number().int().nonnegative() }),
    z.strictObject({ version: z.number().int().positive(), savedAt: timeSchema }),
  ),
  'safetyPlan.versions': defineMethod(
    emptyInput,
    z.strictObject({
      versions: z.array(z.strictObject({ version: z.number().int().positive(), savedAt: timeSchema })),
    }),
  ),

  'chain.list': defineMethod(emptyInput, z.strictObject({ chains: z.array(chainSummarySchema) })),
  'chain.get': defineMethod(z.strictObject({ id: idSchema }), chainAnalysisSchema),
  'chain.create': defineMethod(z.strictObject({ fields: chainFieldsSchema }), chainAnalysisSchema),
  'chain.update': defineMethod(z.strictObject({ id: idSchema, fields: chainFieldsSchema }), chainAnalysisSchema),
  'chain.delete': defineMethod(z.strictObject({ id: idSchema }), done),
  /** Fills the fields from a saved conversation for the user to edit; nothing is saved. */
  'chain.draft': defineMethod(
    z.strictObject({ conversationId: idSchema }),
    z.strictObject({ fields: chainFieldsSchema, omittedMessages: z.number().int().nonnegative() }),
  ),

  'trends.get': defineMethod(
    z.strictObject({ from: dateSchema, to: dateSchema, bucket: z.enum(['week', 'month']) }),
    trendsSchema,
  ),

  /** Writes an UNENCRYPTED PDF; the UI must warn first and pass acknowledgePlaintext: true. */
  'handoff.pdf': defineMethod(
    z.strictObject({ item: handoffItemSchema, path: pathSchema, acknowledgePlaintext: z.literal(true) }),
    z.strictObject({ path: z.string(), bytes: z.number().int().positive(), encrypted: z.literal(false) }),
  ),
  'handoff.keys.mine': defineMethod(
    emptyInput,
    z.strictObject({ text: z.string(), label: z.string(), fingerprint: fingerprintSchema }),
  ),
  'handoff.keys.import': defineMethod(keyImportInput, publicKeyInfoSchema),
  'handoff.keys.list': defineMethod(emptyInput, z.strictObject({ keys: z.array(publicKeyInfoSchema) })),
  'handoff.keys.remove': defineMethod(z.strictObject({ id: idSchema }), done),
  /** Seals the chosen items to an imported therapist key and writes the packet file. */
  'handoff.packet.create': defineMethod(
    z.strictObject({ recipientId: idSchema, items: z.array(handoffItemSchema).min(1).max(20), path: pathSchema }),
    z.strictObject({ path: z.string(), bytes: z.number().int().positive() }),
  ),
  /** Verifies a packet (signature, recipient, version, size) and imports it into the Clients view. */
  'handoff.packet.import': defineMethod(
    z.strictObject({ path: pathSchema }),
    z.strictObject({ clientId: idSchema, packetId: idSchema, duplicate: z.boolean() }),
  ),

  'clients.list': defineMethod(emptyInput, z.strictObject({ clients: z.array(clientSchema) })),
  'clients.packets': defineMethod(
    z.strictObject({ clientId: idSchema }),
    z.strictObject({ packets: z.array(packetSummarySchema) }),
  ),
  'clients.packet': defineMethod(
    z.strictObject({ packetId: idSchema }),
    z.strictObject({ packet: packetSummarySchema, items: z.array(packetItemSchema) }),
  ),
  'clients.remove': defineMethod(z.strictObject({ clientId: idSchema }), done),
} as const;

import { z } from 'zod';
import { idSchema, LIMITS } from './limits';

/**
 * Data shapes of the journal: diary card, safety plan, chain analysis. They are used at the
 * contract boundary AND inside encrypted therapist packets, so every list and string is capped.
 */

const text = (max: number = LIMITS.shortText) => z.string().max(max);
const longText = text(4000);

/** A local calendar day, YYYY-MM-DD, that really exists (no 2025-02-30). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a calendar date');
export type DateString = z.infer<typeof dateSchema>;

// --- diary card configuration ---------------------------------------------------------------------

export const diaryItemSchema = z.strictObject({ id: idSchema, label: text(80) });
export const urgeItemSchema = diaryItemSchema.extend({
  /** Ratings ≥ 4 or acted-on open the safety check. Always true for 'self-harm' and 'suicide'. */
  safetyCheck: z.boolean(),
});
export const targetItemSchema = diaryItemSchema.extend({ kind: z.enum(['count', 'yesno']) });

export const diaryConfigSchema = z.strictObject({
  emotions: z.array(diaryItemSchema).max(20),
  urges: z.array(urgeItemSchema).max(20),
  /** Target behaviours as the therapist defines them. */
  targets: z.array(targetItemSchema).max(20),
});
export type DiaryConfig = z.infer<typeof diaryConfigSchema>;

/** The standard 0–7 DBT skill-use scale, so the UI and the PDF say the same thing. */
export const SKILL_USE_SCALE = [
  'Not thought about or used',
  'Thought about, not used, didn’t want to',
  'Thought about, not used, wanted to',
  'Tried but couldn’t use them',
  'Tried, could do them, but they didn’t help',
  'Tried, could use them, helped',
  'Didn’t try, used them, didn’t help',
  'Didn’t try, used them, helped',
] as const;

const rating05 = z.number().int().min(0).max(5);

export const diaryEntrySchema = z.strictObject({
  date: dateSchema,
  emotions: z.array(z.strictObject({ id: idSchema, rating: rating05 })).max(20),
  urges: z.array(z.strictObject({ id: idSchema, rating: rating05, actedOn: z.boolean() })).max(20),
  /** `value` is a count for 'count' targets and 0/1 for 'yesno' targets. */
  targets: z.array(z.strictObject({ id: idSchema, value: z.number().int().min(0).max(999) })).max(20),
  skills: z.array(z.strictObject({ skillId: idSchema, rating: z.number().int().min(0).max(7) })).max(60),
  medication: z.strictObject({ taken: z.enum(['yes', 'no', 'partly']).nullable(), note: text() }),
  notes: text(LIMITS.note),
});
export type DiaryEntry = z.infer<typeof diaryEntrySchema>;

// --- safety plan (Stanley–Brown six steps plus reasons for living) -------------------------------

const items = z.array(longText).max(30);
export const contactSchema = z.strictObject({ name: text(), phone: text(40) });
export const safetyPlanSchema = z.strictObject({
  warningSigns: items,
  copingStrategies: items,
  distractions: z.array(z.strictObject({ name: text(), detail: text() })).max(30),
  helpers: z.array(contactSchema).max(30),
  professionals: z.array(contactSchema).max(30),
  saferEnvironment: items,
  reasonsForLiving: items,
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;

// --- chain analysis -----------------------------------------------------------------------------

export const CHAIN_LINK_KINDS = ['thought', 'feeling', 'body', 'action', 'event'] as const;
export const chainFieldsSchema = z.strictObject({
  title: text(),
  problemBehaviour: longText,
  promptingEvent: longText,
  vulnerabilityFactors: longText,
  links: z.array(z.strictObject({ kind: z.enum(CHAIN_LINK_KINDS), text: longText })).max(60),
  consequences: z.strictObject({ shortTerm: longText, longTerm: longText }),
  skillPoints: z.array(z.strictObject({ skillIds: z.array(idSchema).max(10), text: longText })).max(30),
  repair: longText,
});
export type ChainFields = z.infer<typeof chainFieldsSchema>;

const timeSchema = z.number().int().nonnegative();
export const chainAnalysisSchema = chainFieldsSchema.extend({
  id: idSchema,
  createdAt: timeSchema,
  updatedAt: timeSchema,
});
export type ChainAnalysis = z.infer<typeof chainAnalysisSchema>;

// --- hand-off items (PDF and packet) ------------------------------------------------------------

export const handoffItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('diaryWeek'), start: dateSchema }),
  z.strictObject({ kind: z.literal('chain'), id: idSchema }),
  z.strictObject({ kind: z.literal('safetyPlan') }),
]);
export type HandoffItem = z.infer<typeof handoffItemSchema>;

/** What a packet carries, after the client's app resolved the chosen items. */
export const packetItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('diaryWeek'),
    start: dateSchema,
    config: diaryConfigSchema,
    days: z.array(z.strictObject({ date: dateSchema, entry: diaryEntrySchema.nullable() })).length(7),
  }),
  z.strictObject({ kind: z.literal('chain'), chain: chainAnalysisSchema }),
  z.strictObject({ kind: z.literal('safetyPlan'), version: z.number().int().nonnegative(), plan: safetyPlanSchema }),
]);
export type PacketItem = z.infer<typeof packetItemSchema>;
export const packetPayloadSchema = z.strictObject({ items: z.array(packetItemSchema).min(1).max(20) });
export type PacketPayload = z.infer<typeof packetPayloadSchema>;

export const safetyLevelValues = ['none', 'concern', 'crisis'] as const;

import { z } from 'zod';
import { emptyInput, idSchema, LIMITS } from './limits';
import { defineMethod } from './method';

export const safetyLevelSchema = z.enum(['none', 'concern', 'crisis']);
export const moduleIdSchema = z.enum([
  'mindfulness',
  'distress-tolerance',
  'emotion-regulation',
  'interpersonal-effectiveness',
]);

export const skillSchema = z.strictObject({
  id: z.string(),
  module: moduleIdSchema,
  name: z.string(),
  short: z.string(),
  purpose: z.string(),
  whenToUse: z.string(),
  steps: z.array(z.string()),
  practice: z.string(),
  examples: z.array(z.strictObject({ situation: z.string(), usingTheSkill: z.string() })),
  tags: z.array(z.string()),
});

const stepBase = { title: z.string(), body: z.string() };
export const flowStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), ...stepBase }),
  z.strictObject({ kind: z.literal('timer'), ...stepBase, seconds: z.number().int().positive() }),
  z.strictObject({
    kind: z.literal('breathing'),
    ...stepBase,
    inhaleSeconds: z.number().positive(),
    holdSeconds: z.number().nonnegative(),
    exhaleSeconds: z.number().positive(),
    cycles: z.number().int().positive(),
  }),
  z.strictObject({
    kind: z.literal('field'),
    ...stepBase,
    key: z.string(),
    placeholder: z.string(),
    multiline: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('choice'), ...stepBase, key: z.string(), options: z.array(z.string()) }),
  z.strictObject({
    kind: z.literal('rating'),
    ...stepBase,
    key: z.string(),
    min: z.number().int(),
    max: z.number().int(),
  }),
  z.strictObject({ kind: z.literal('script'), ...stepBase, template: z.string() }),
]);

export const practiceFlowSchema = z.strictObject({
  skillId: z.string(),
  title: z.string(),
  intro: z.string(),
  steps: z.array(flowStepSchema),
});

export const crisisContactSchema = z.strictObject({
  name: z.string(),
  number: z.string(),
  kind: z.enum(['emergency', 'crisis-line']),
  ways: z.array(z.enum(['call', 'text'])),
  note: z.string().optional(),
});

export const countryContactsSchema = z.strictObject({
  country: z.string(),
  name: z.string(),
  contacts: z.array(crisisContactSchema),
});

const textInput = z.strictObject({ text: z.string().max(LIMITS.message) });

export const coachMethods = {
  /** The whole library: modules, skills and guided practice flows (static, offline). */
  'coach.skills.list': defineMethod(
    emptyInput,
    z.strictObject({
      modules: z.array(z.strictObject({ id: moduleIdSchema, name: z.string(), about: z.string() })),
      skills: z.array(skillSchema),
      flows: z.array(practiceFlowSchema),
    }),
  ),
  /** Skill ids matching every word of the query, best first. */
  'coach.skills.search': defineMethod(
    z.strictObject({ query: z.string().max(LIMITS.shortText) }),
    z.strictObject({ ids: z.array(z.string()) }),
  ),
  'coach.favourites.list': defineMethod(emptyInput, z.strictObject({ ids: z.array(z.string()) })),
  'coach.favourites.set': defineMethod(
    z.strictObject({ skillId: idSchema, favourite: z.boolean() }),
    z.strictObject({ ids: z.array(z.string()) }),
  ),
  /** Ranked skill ids for a message (no model needed), for the "Try:" chips under a reply. */
  'coach.suggest': defineMethod(
    z.strictObject({ text: z.string().max(LIMITS.message), limit: z.number().int().min(1).max(10).optional() }),
    z.strictObject({ skills: z.array(z.strictObject({ id: z.string(), score: z.number() })) }),
  ),
  /** The local safety classifier; reasons are rule ids, never the text. */
  'coach.safety.check': defineMethod(
    textInput,
    z.strictObject({ level: safetyLevelSchema, reasons: z.array(z.string()) }),
  ),
  /** Offline crisis contacts for an ISO country code (unknown codes fall back to 112), plus the known codes. */
  'coach.crisisContacts': defineMethod(
    z.strictObject({
      country: z
        .string()
        .min(2)
        .max(8)
        .regex(/^[A-Za-z-]+$/),
    }),
    z.strictObject({ contacts: countryContactsSchema, countries: z.array(z.string()) }),
  ),
};

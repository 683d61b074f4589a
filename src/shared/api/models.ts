import { z } from 'zod';
import { emptyInput, idSchema, LIMITS } from './limits';
import { defineMethod } from './method';

/** Hardware fit shown before loading: computed from RAM (and VRAM when a GPU is found). */
export const hardwareFitSchema = z.strictObject({
  verdict: z.enum(['fits', 'may-be-slow', 'wont-fit']),
  /** Estimated bytes needed to run (weights + context cache + overhead). */
  neededBytes: z.number().nonnegative(),
  totalRamBytes: z.number().nonnegative(),
  freeVramBytes: z.number().nonnegative(),
  gpu: z.string().nullable(),
  reason: z.string().max(200),
});

export const modelInfoSchema = z.strictObject({
  id: idSchema,
  fileName: z.string().max(255),
  sizeBytes: z.number().nonnegative(),
  sha256: z.string().max(64).nullable(),
  /** True when a manifest hash was given and matched at import or last verify. */
  verified: z.boolean(),
  architecture: z.string().max(64),
  name: z.string().max(200).nullable(),
  parameterCount: z.number().nonnegative().nullable(),
  quantization: z.string().max(32),
  contextLength: z.number().int().nonnegative().nullable(),
  license: z.string().max(200).nullable(),
  recommendedContext: z.number().int().positive().nullable(),
  importedAt: z.string().max(40),
  fit: hardwareFitSchema,
  loaded: z.boolean(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

export const recommendedModelSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(200),
  fileName: z.string().max(255),
  sizeBytes: z.number().nonnegative(),
  license: z.string().max(200),
  sourceUrl: z.string().max(LIMITS.path),
  /** Pinned SHA-256, or null when the hash is taken from the source's published LFS hash. */
  sha256: z.string().max(64).nullable(),
  installed: z.boolean(),
});
export type RecommendedModel = z.infer<typeof recommendedModelSchema>;

const modelRef = z.strictObject({ id: idSchema });

export const modelsMethods = {
  'models.list': defineMethod(emptyInput, z.array(modelInfoSchema)),
  'models.info': defineMethod(modelRef, modelInfoSchema),
  /** Copies a GGUF from disk into the data dir (USB-stick path), with an optional `<name>.json` manifest next to it. */
  'models.import': defineMethod(z.strictObject({ path: z.string().min(1).max(LIMITS.path) }), modelInfoSchema),
  'models.verify': defineMethod(modelRef, z.strictObject({ id: idSchema, ok: z.boolean(), sha256: z.string() })),
  'models.remove': defineMethod(modelRef, z.strictObject({ removed: z.boolean() })),
  'models.recommended': defineMethod(emptyInput, z.array(recommendedModelSchema)),
  /** Resumable, verified download of a recommended model; refused with OFFLINE in offline mode. */
  'models.download': defineMethod(modelRef, modelInfoSchema),
  /** Which imported model the local provider uses. */
  'models.select': defineMethod(modelRef, z.strictObject({ id: idSchema })),
};

import { z } from 'zod';

/** Size limits shared by every boundary, so the UI can say the same thing the dispatcher enforces. */
export const LIMITS = {
  label: 64,
  passphraseMax: 256,
  shortText: 200,
  message: 32_000,
  note: 20_000,
  id: 64,
  path: 4096,
} as const;

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[A-Za-z0-9_-]+$/);
export const shortTextSchema = z.string().max(LIMITS.shortText);
export const emptyInput = z.strictObject({});

import { z } from 'zod';

/**
 * Events pushed from the main process to the renderer. Each has a schema so the renderer
 * can trust the shape. Domain issues add their events here.
 */
export const eventSchemas = {
  /** The vault was locked (manually, idle timeout, OS lock): the renderer must wipe its state. */
  'vault.locked': z.strictObject({ reason: z.enum(['manual', 'idle', 'os', 'deleted']) }),
  /** Progress of a slow task (key derivation, model load, import, backup). */
  progress: z.strictObject({
    task: z.string().max(64),
    /** 0..1, or null while indeterminate. */
    fraction: z.number().min(0).max(1).nullable(),
    label: z.string().max(200),
  }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];

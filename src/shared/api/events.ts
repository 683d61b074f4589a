import { z } from 'zod';
import { lockReasonSchema } from './vault';

/**
 * Events pushed from the main process to the renderer. Each has a schema so the renderer
 * can trust the shape. Domain issues add their events here.
 */
export const eventSchemas = {
  /** The vault was locked (manually, idle timeout, OS lock, deletion, switch): the renderer must wipe its state. */
  'vault.locked': z.strictObject({ reason: lockReasonSchema }),
  /** Progress of a slow task (key derivation, model load, import, backup). */
  progress: z.strictObject({
    task: z.string().max(64),
    /** 0..1, or null while indeterminate. */
    fraction: z.number().min(0).max(1).nullable(),
    label: z.string().max(200),
  }),
  /** A streamed piece of an assistant reply (text only ever goes to the renderer, never to logs). */
  'chat.delta': z.strictObject({
    conversationId: z.string().max(64),
    messageId: z.string().max(64),
    text: z.string(),
    /** True when `text` replaces everything shown so far (the safety layer rewrote the reply). */
    replace: z.boolean().optional(),
    /** With `replace`: the safety level that caused the rewrite, so the renderer can open the crisis view. */
    level: z.enum(['concern', 'crisis']).optional(),
  }),
  /** A reply finished; `partial`/`cancelled` after stop or lock, `error` with a code. */
  'chat.done': z.strictObject({
    conversationId: z.string().max(64),
    messageId: z.string().max(64),
    status: z.enum(['complete', 'partial', 'cancelled', 'error']),
    errorCode: z.string().max(40).optional(),
    provider: z.enum(['local', 'server', 'relay']),
    model: z.string().max(200),
    tokens: z.number().int().nonnegative(),
  }),
  /** Place in the one-at-a-time generation queue: 0 = generating now. */
  'chat.queue': z.strictObject({
    conversationId: z.string().max(64),
    messageId: z.string().max(64),
    position: z.number().int().nonnegative(),
  }),
  /**
   * The daily diary-card reminder is due (vault unlocked, today's card empty). Only the local date:
   * the renderer shows a generic "Time for your diary card", never any content.
   */
  'diary.reminder': z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  /** An outbound connection was allowed or refused (host and purpose only, never content). */
  'privacy.connection': z.strictObject({
    at: z.string().max(40),
    host: z.string().max(255),
    purpose: z.string().max(64),
    allowed: z.boolean(),
  }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];

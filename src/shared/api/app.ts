import { z } from 'zod';
import { emptyInput } from './limits';
import { defineMethod } from './method';

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'browser-shell', 'cli']),
  platform: z.string(),
});

export const appMethods = {
  'app.info': defineMethod(emptyInput, appInfoSchema),
  'app.ping': defineMethod(z.strictObject({ echo: z.string().max(100) }), z.strictObject({ echo: z.string() })),
};

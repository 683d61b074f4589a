import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from './errors';

/** `<name>.json` next to a GGUF (models/manifest.schema.json describes the same shape). */
export const manifestSchema = z.strictObject({
  file: z.string().min(1).max(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/i),
  size: z.number().int().positive().optional(),
  license: z.string().max(200).optional(),
  recommendedContext: z.number().int().positive().max(1_048_576).optional(),
  name: z.string().max(200).optional(),
  sourceUrl: z.string().max(2000).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Returns null when there is no manifest; a present but broken one is an error, never ignored. */
export async function readManifest(ggufPath: string): Promise<Manifest | null> {
  const candidates = [ggufPath.replace(/\.gguf$/i, '.json'), `${ggufPath}.json`];
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    if (text.length > 64 * 1024) throw new AppError('MODEL_INVALID', 'The model manifest is too large.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError('MODEL_INVALID', 'The model manifest is not valid JSON.');
    }
    const result = manifestSchema.safeParse(parsed);
    if (!result.success) throw new AppError('MODEL_INVALID', 'The model manifest does not match the expected fields.');
    return { ...result.data, sha256: result.data.sha256.toLowerCase() };
  }
  return null;
}

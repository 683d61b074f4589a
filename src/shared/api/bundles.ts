import { z } from 'zod';
import { LIMITS } from './limits';
import { defineMethod } from './method';
import { modelInfoSchema } from './models';

const fileName = z.string().max(200);

/** Result of importing a signed model bundle folder (docs/clinic-guide.md, "Model bundles"). */
export const bundleImportResultSchema = z.discriminatedUnion('state', [
  /**
   * No policy names a clinic key: show the signer's fingerprint and the files, and call again with
   * `confirmFingerprint` once the person has compared it with the one IT gave them. Nothing was copied.
   */
  z.strictObject({
    state: z.literal('needs-confirmation'),
    fingerprint: z.string().max(64),
    files: z.array(
      z.strictObject({ name: fileName, size: z.number().int().nonnegative(), license: z.string().max(200).nullable() }),
    ),
  }),
  z.strictObject({
    state: z.literal('imported'),
    fingerprint: z.string().max(64),
    imported: z.array(z.string().max(LIMITS.id)),
    /** Already installed with the same SHA-256: left as they are. */
    alreadyInstalled: z.array(z.string().max(LIMITS.id)),
    /** Files in the folder the manifest does not list: never read, never imported. */
    ignored: z.array(fileName),
    models: z.array(modelInfoSchema),
  }),
]);
export type BundleImportResult = z.infer<typeof bundleImportResultSchema>;

export const bundlesMethods = {
  /**
   * Verifies a bundle folder (signature, then each file's size, SHA-256 and GGUF header, with `progress`
   * events under task 'model-import') and imports all of its models or none. A bad file is named in the error.
   */
  'models.importBundle': defineMethod(
    z.strictObject({
      path: z.string().min(1).max(LIMITS.path),
      confirmFingerprint: z.string().max(64).optional(),
    }),
    bundleImportResultSchema,
  ),
};

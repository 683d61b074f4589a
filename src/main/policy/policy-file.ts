import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { rawPublicKey } from '../llm/index';

/**
 * The admin policy file (docs/it-install.md). Strict: an unknown or misspelt field makes the whole file
 * "broken", which applies the strictest settings and shows a warning — so a typo is noticed, never ignored.
 */
const contactSchema = z.strictObject({
  name: z.string().min(1).max(100),
  number: z
    .string()
    .min(2)
    .max(40)
    .regex(/^[0-9A-Za-z+ ()#*.-]+$/),
  kind: z.enum(['emergency', 'crisis-line']),
  ways: z
    .array(z.enum(['call', 'text']))
    .min(1)
    .max(2),
  note: z.string().max(200).optional(),
});

const clinicKeySchema = z.union([
  z.string().refine((s) => rawPublicKey(s) !== null, 'not a 32-byte Ed25519 public key (base64)'),
  z.strictObject({
    label: z.string().min(1).max(100),
    publicKey: z.string().refine((s) => rawPublicKey(s) !== null, 'not a 32-byte Ed25519 public key (base64)'),
  }),
]);

export const fieldSchemas = {
  forceOffline: z.boolean(),
  disableRelay: z.boolean(),
  disableServerProvider: z.boolean(),
  /** A ceiling: people may choose a shorter auto-lock, never a longer one. */
  autoLockMaxMinutes: z.number().int().min(1).max(1440),
  disableRememberOnDevice: z.boolean(),
  /** ISO 3166-1 alpha-2 (or EU), as the built-in crisis list uses. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase()),
  crisisContacts: z.array(contactSchema).min(1).max(20),
  requireSignedModelBundles: z.boolean(),
  clinicPublicKeys: z.array(clinicKeySchema).min(1).max(20),
  defaultTheme: z.enum(['light', 'dark', 'system']),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
};

export const policyFileSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    version: z.literal(1).optional(),
    ...Object.fromEntries(Object.entries(fieldSchemas).map(([k, s]) => [k, s.optional()])),
  } as { [K in keyof typeof fieldSchemas]: z.ZodOptional<(typeof fieldSchemas)[K]> } & {
    $schema: z.ZodOptional<z.ZodString>;
    version: z.ZodOptional<z.ZodLiteral<1>>;
  })
  .refine((p) => !p.requireSignedModelBundles || (p.clinicPublicKeys?.length ?? 0) > 0, {
    message: 'requireSignedModelBundles needs at least one clinicPublicKeys entry',
    path: ['clinicPublicKeys'],
  });
export type PolicyFile = z.infer<typeof policyFileSchema>;

/** Fields that can only make the app stricter or more helpful, kept from a broken file when they parse alone. */
const SALVAGEABLE = ['clinicPublicKeys', 'country', 'crisisContacts', 'defaultTheme', 'language'] as const;

export type LoadedPolicy =
  | { readonly source: 'none'; readonly path: string }
  | { readonly source: 'file'; readonly path: string; readonly policy: PolicyFile }
  | { readonly source: 'broken'; readonly path: string; readonly salvaged: Partial<PolicyFile>; readonly why: string };

export const MAX_POLICY_BYTES = 256 * 1024;

/** Where IT puts the file on each OS; DBT_COACH_POLICY overrides it (tests, unusual deployments). */
export function policyPath(platform: NodeJS.Platform | string, env: NodeJS.ProcessEnv): string {
  if (env.DBT_COACH_POLICY) return env.DBT_COACH_POLICY;
  if (platform === 'win32') return path.win32.join(env.ProgramData || 'C:\\ProgramData', 'DBT Coach', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/DBT Coach/policy.json';
  return '/etc/dbt-coach/policy.json';
}

/** Reads and validates the policy. Never throws: anything but "no file" that goes wrong is 'broken'. */
export function loadPolicyFile(file: string): LoadedPolicy {
  let bytes: Buffer;
  try {
    const read = readCapped(file);
    if (read === 'not-a-file') return broken(file, {}, 'it is not a regular file');
    if (read === 'too-large') return broken(file, {}, 'it is larger than 256 KB');
    bytes = read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { source: 'none', path: file };
    const why = code === 'EACCES' || code === 'EPERM' ? 'it cannot be read (permissions)' : 'it cannot be read';
    return broken(file, {}, why);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')); // Notepad may add a BOM
  } catch {
    return broken(file, {}, 'it is not valid JSON');
  }
  const result = policyFileSchema.safeParse(parsed);
  if (result.success) return { source: 'file', path: file, policy: result.data };
  const fields = [
    ...new Set(
      result.error.issues.map((i) =>
        String(i.path[0] ?? (i.code === 'unrecognized_keys' ? 'unknown field' : '(file)')),
      ),
    ),
  ];
  const unknown = result.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []));
  const names = [
    ...fields.filter((f) => f !== 'unknown field'),
    ...unknown.map((k) => `unknown field "${k.slice(0, 40)}"`),
  ];
  return broken(file, salvage(parsed), `these fields are wrong: ${names.slice(0, 6).join(', ') || 'the file'}`);
}

/** Regular files only (a FIFO or /dev/zero would block or never end), and never more than the cap. */
function readCapped(file: string): Buffer | 'not-a-file' | 'too-large' {
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'not-a-file';
    if (st.size > MAX_POLICY_BYTES) return 'too-large';
    const buf = Buffer.alloc(MAX_POLICY_BYTES + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) return 'too-large'; // grew while being read
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function salvage(parsed: unknown): Partial<PolicyFile> {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const out: Record<string, unknown> = {};
  for (const key of SALVAGEABLE) {
    const r = fieldSchemas[key].safeParse((parsed as Record<string, unknown>)[key]);
    if (r.success) out[key] = r.data;
  }
  return out as Partial<PolicyFile>;
}

const broken = (file: string, salvaged: Partial<PolicyFile>, why: string): LoadedPolicy => ({
  source: 'broken',
  path: file,
  salvaged,
  why,
});

import { z } from 'zod';
import { emptyInput, LIMITS } from './limits';
import { defineMethod } from './method';

/**
 * Vault contract: key labels, unlock/lock, passphrase changes, export/import, recovery, keychain, audit.
 * Nothing here ever carries a key, passphrase-derived material or the data key. The two deliberate
 * exceptions are user-facing by design: the recovery code (shown once, to be printed) and the exported
 * backup file (already encrypted).
 */

/** Longest passphrase the boundary accepts in UTF-16 units: 256 characters after NFC may be longer in NFD. */
export const PASSPHRASE_WIRE_MAX = 1024;
export const PASSPHRASE_MIN_CHARS = 15;
export const PASSPHRASE_MAX_CHARS = LIMITS.passphraseMax;
/** Largest backup file import accepts (a real one is about 2 KiB). */
export const BACKUP_MAX_BYTES = 64 * 1024;
export const AUTO_LOCK_MIN_SECONDS = 5;
export const AUTO_LOCK_MAX_SECONDS = 24 * 60 * 60;
export const AUTO_LOCK_DEFAULT_SECONDS = 15 * 60;

export const vaultLabelSchema = z.string().min(1).max(LIMITS.label);
const passphraseSchema = z.string().min(1).max(PASSPHRASE_WIRE_MAX);
/** Recovery codes are 32 Crockford base32 characters, usually written in groups with dashes or spaces. */
const recoveryCodeSchema = z.string().min(1).max(100);
const base64Schema = z
  .string()
  .max(Math.ceil((BACKUP_MAX_BYTES * 4) / 3) + 8)
  .regex(/^[A-Za-z0-9+/=\s]*$/);

export const AUDIT_EVENTS = [
  'vault.created',
  'unlock',
  'unlock.failed',
  'unlock.keychain',
  'lock',
  'export',
  'import',
  'passphrase.changed',
  'recovery.generated',
  'recovery.used',
  'keychain.enabled',
  'keychain.disabled',
  'autolock.changed',
  'crisis.shown',
  'history.deleted',
] as const;
export const auditEventNameSchema = z.enum(AUDIT_EVENTS);
export type AuditEventName = z.infer<typeof auditEventNameSchema>;
/** A level or reason code only (e.g. a crisis level, a lock reason); never user content. */
export const auditDetailSchema = z
  .string()
  .max(32)
  .regex(/^[a-z0-9_.-]+$/);
export const auditEntrySchema = z.strictObject({
  at: z.string().max(40),
  event: auditEventNameSchema,
  detail: auditDetailSchema.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** 'switched': another vault was created or unlocked, so the open one closed; the renderer that asked keeps its page. */
export const lockReasonSchema = z.enum(['manual', 'idle', 'os', 'deleted', 'switched']);
export type LockReason = z.infer<typeof lockReasonSchema>;

export const keychainStatusSchema = z.strictObject({
  available: z.boolean(),
  /** e.g. 'keytar:libsecret', 'safeStorage:gnome_libsecret'; null when unavailable. */
  backend: z.string().max(64).nullable(),
  /** Why it is unavailable, for people (null when available). */
  reason: z.string().max(200).nullable(),
});

export const vaultSummarySchema = z.strictObject({
  label: z.string(),
  createdAt: z.string(),
  remembered: z.boolean(),
  /** Milliseconds until another unlock attempt is allowed (0 = now). */
  retryAfterMs: z.number().int().nonnegative(),
});

export const vaultStatusSchema = z.strictObject({
  unlocked: z.boolean(),
  label: z.string().nullable(),
  autoLockSeconds: z.number().int().nullable(),
  remembered: z.boolean(),
});

export const strengthSchema = z.strictObject({
  /** zxcvbn score 0..4. */
  score: z.number().int().min(0).max(4),
  acceptable: z.boolean(),
  /** Policy problems, stable codes the UI turns into words. */
  problems: z.array(z.enum(['too-short', 'too-long', 'common', 'contains-label', 'too-guessable'])),
  warning: z.string().nullable(),
  suggestions: z.array(z.string()),
  length: z.number().int().nonnegative(),
});
export type PassphraseStrength = z.infer<typeof strengthSchema>;

export const recoverySheetSchema = z.strictObject({
  label: z.string(),
  recoveryCode: z.string(),
  createdAt: z.string(),
  /** Short fingerprint of the vault's signing key, printed so a sheet can be matched to its vault. */
  fingerprint: z.string(),
});

const done = z.strictObject({ ok: z.literal(true) });

export const vaultMethods = {
  'vault.list': defineMethod(emptyInput, z.strictObject({ vaults: z.array(vaultSummarySchema) })),
  'vault.status': defineMethod(emptyInput, vaultStatusSchema),
  'vault.passphraseStrength': defineMethod(
    z.strictObject({ passphrase: z.string().max(PASSPHRASE_WIRE_MAX), label: z.string().max(LIMITS.label).optional() }),
    strengthSchema,
  ),
  /** Creates the vault, unlocks it and returns the first recovery sheet (shown once, for printing). */
  'vault.create': defineMethod(
    z.strictObject({ label: vaultLabelSchema, passphrase: passphraseSchema, confirmPassphrase: passphraseSchema }),
    recoverySheetSchema,
  ),
  'vault.unlock': defineMethod(
    z.strictObject({ label: vaultLabelSchema, passphrase: passphraseSchema }),
    z.strictObject({ label: z.string() }),
  ),
  /** Unlock through the OS keychain ("remember on this device"). */
  'vault.unlockRemembered': defineMethod(
    z.strictObject({ label: vaultLabelSchema }),
    z.strictObject({ label: z.string() }),
  ),
  'vault.lock': defineMethod(emptyInput, done),
  'vault.changePassphrase': defineMethod(
    z.strictObject({ current: passphraseSchema, next: passphraseSchema, confirmNext: passphraseSchema }),
    done,
  ),
  /** Forgotten passphrase: the recovery code unwraps the keys and a new passphrase is set. */
  'vault.recover': defineMethod(
    z.strictObject({
      label: vaultLabelSchema,
      recoveryCode: recoveryCodeSchema,
      next: passphraseSchema,
      confirmNext: passphraseSchema,
    }),
    z.strictObject({ label: z.string() }),
  ),
  /** Deletes the unlocked vault; `confirmLabel` must be typed exactly. */
  'vault.delete': defineMethod(z.strictObject({ confirmLabel: vaultLabelSchema }), done),
  'vault.exportKey': defineMethod(
    emptyInput,
    z.strictObject({ fileName: z.string(), contentBase64: z.string(), bytes: z.number().int() }),
  ),
  /** Give exactly one of passphrase or recoveryCode; a recovery code also needs `next`. */
  'vault.importKey': defineMethod(
    z.strictObject({
      contentBase64: base64Schema,
      passphrase: passphraseSchema.optional(),
      recoveryCode: recoveryCodeSchema.optional(),
      next: passphraseSchema.optional(),
      /** A new label when the backup's label is already taken on this machine. */
      label: vaultLabelSchema.optional(),
    }),
    z.strictObject({ label: z.string() }),
  ),
  /** Replaces the recovery code (the old one stops working) and returns the new sheet. */
  'vault.recoverySheet': defineMethod(z.strictObject({ passphrase: passphraseSchema }), recoverySheetSchema),
  'vault.keychainStatus': defineMethod(emptyInput, keychainStatusSchema),
  'vault.setRemember': defineMethod(z.strictObject({ enabled: z.boolean() }), z.strictObject({ enabled: z.boolean() })),
  'vault.setAutoLock': defineMethod(
    z.strictObject({ seconds: z.number().int().min(AUTO_LOCK_MIN_SECONDS).max(AUTO_LOCK_MAX_SECONDS) }),
    z.strictObject({ seconds: z.number().int() }),
  ),
  'vault.audit': defineMethod(
    z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    z.strictObject({ entries: z.array(auditEntrySchema) }),
  ),
};

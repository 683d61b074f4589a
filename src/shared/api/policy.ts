import { z } from 'zod';
import { crisisContactSchema } from './coach';
import { emptyInput, LIMITS } from './limits';
import { defineMethod } from './method';

/** Settings an organisation's policy file can manage (docs/it-install.md lists the file's fields). */
export const MANAGED_SETTINGS = [
  'offline',
  'relayProvider',
  'serverProvider',
  'autoLock',
  'rememberOnDevice',
  'crisisContacts',
  'country',
  'modelImports',
  'theme',
  'language',
] as const;
export const managedSettingIdSchema = z.enum(MANAGED_SETTINGS);
export type ManagedSettingId = z.infer<typeof managedSettingIdSchema>;

export const managedSettingSchema = z.strictObject({
  setting: managedSettingIdSchema,
  /** True: the person cannot change it. False: a starting value they may change (theme, language). */
  locked: z.boolean(),
  /** The effective value in words, e.g. "On" or "5 minutes at most". */
  value: z.string().max(200),
  reason: z.string().max(300),
});
export type ManagedSetting = z.infer<typeof managedSettingSchema>;

export const effectivePolicySchema = z.strictObject({
  forceOffline: z.boolean(),
  disableRelay: z.boolean(),
  disableServerProvider: z.boolean(),
  /** Longest auto-lock allowed, or null for no ceiling. */
  autoLockMaxSeconds: z.number().int().positive().nullable(),
  disableRememberOnDevice: z.boolean(),
  requireSignedModelBundles: z.boolean(),
  /** Fingerprints of the trusted clinic keys (the keys themselves stay in the main process). */
  clinicKeys: z.array(z.strictObject({ label: z.string().max(100), fingerprint: z.string().max(64) })),
  country: z.string().max(8).nullable(),
  crisisContacts: z.array(crisisContactSchema).nullable(),
  defaultTheme: z.enum(['light', 'dark', 'system']).nullable(),
  language: z.string().max(16).nullable(),
});
export type EffectivePolicy = z.infer<typeof effectivePolicySchema>;

export const policyStateSchema = z.strictObject({
  /** 'none': no policy file; 'file': a valid one; 'broken': present but unusable, so the strictest settings apply. */
  source: z.enum(['none', 'file', 'broken']),
  path: z.string().max(LIMITS.path),
  /** Shown as a banner in Settings when the file is broken; never contains the file's contents. */
  warning: z.string().max(500).nullable(),
  effective: effectivePolicySchema,
  managed: z.array(managedSettingSchema),
});
export type PolicyState = z.infer<typeof policyStateSchema>;

export const policyMethods = {
  /** The organisation's policy as this app applies it: read once at start-up (a change needs a restart). */
  'policy.get': defineMethod(emptyInput, policyStateSchema),
};

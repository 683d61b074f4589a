import type { EffectivePolicy, ManagedSetting, PolicyState } from '../../shared/api/policy';
import { keyFingerprint } from '../llm/index';
import type { LoadedPolicy, PolicyFile } from './policy-file';

/**
 * A broken policy file must not open the app up, nor lock people out of it. So: offline, relay and server
 * off, auto-lock at most 5 minutes, no "remember on this device", new models only from signed bundles (keys
 * kept from the file if that part is valid). Chat on models already installed, diary, skills, safety plan
 * and the crisis view keep working. Documented in docs/it-install.md ("If the policy file is broken").
 */
export const STRICTEST_AUTO_LOCK_SECONDS = 5 * 60;

const NOTHING: EffectivePolicy = {
  forceOffline: false,
  disableRelay: false,
  disableServerProvider: false,
  autoLockMaxSeconds: null,
  disableRememberOnDevice: false,
  requireSignedModelBundles: false,
  clinicKeys: [],
  country: null,
  crisisContacts: null,
  defaultTheme: null,
  language: null,
};

export interface ResolvedPolicy {
  readonly state: PolicyState;
  /** Raw public keys (base64) for bundle checks; only fingerprints leave the main process. */
  readonly clinicPublicKeys: readonly string[];
}

export function resolvePolicy(loaded: LoadedPolicy): ResolvedPolicy {
  if (loaded.source === 'none') {
    return {
      state: { source: 'none', path: loaded.path, warning: null, effective: NOTHING, managed: [] },
      clinicPublicKeys: [],
    };
  }
  const isBroken = loaded.source === 'broken';
  const p: Partial<PolicyFile> = isBroken ? loaded.salvaged : loaded.policy;
  const keys = (p.clinicPublicKeys ?? []).map((k, i) =>
    typeof k === 'string' ? { label: `Key ${i + 1}`, publicKey: k } : k,
  );
  const effective: EffectivePolicy = {
    forceOffline: isBroken || !!p.forceOffline,
    disableRelay: isBroken || !!p.disableRelay,
    disableServerProvider: isBroken || !!p.disableServerProvider,
    autoLockMaxSeconds: isBroken
      ? STRICTEST_AUTO_LOCK_SECONDS
      : p.autoLockMaxMinutes
        ? p.autoLockMaxMinutes * 60
        : null,
    disableRememberOnDevice: isBroken || !!p.disableRememberOnDevice,
    requireSignedModelBundles: isBroken || !!p.requireSignedModelBundles,
    clinicKeys: keys.map((k) => ({ label: k.label, fingerprint: keyFingerprint(k.publicKey) })),
    country: p.country ?? null,
    crisisContacts: p.crisisContacts ? p.crisisContacts.map((c) => ({ ...c, ways: [...c.ways] })) : null,
    defaultTheme: p.defaultTheme ?? null,
    language: p.language ?? null,
  };
  const warning = isBroken
    ? `Your organisation's policy file could not be used (${loaded.why}). The safest settings apply until IT fixes it: offline only, relay and server off, lock after 5 minutes at most, no "remember on this device", new models only from signed bundles.`.slice(
        0,
        500,
      )
    : null;
  return {
    state: { source: loaded.source, path: loaded.path, warning, effective, managed: managedList(effective, isBroken) },
    clinicPublicKeys: keys.map((k) => k.publicKey),
  };
}

function managedList(e: EffectivePolicy, isBroken: boolean): ManagedSetting[] {
  const why = (text: string) =>
    isBroken ? `${text} (The policy file could not be used, so the safest setting applies.)` : text;
  const out: ManagedSetting[] = [];
  const lock = (setting: ManagedSetting['setting'], value: string, reason: string) =>
    out.push({ setting, locked: true, value, reason: why(reason) });
  if (e.forceOffline) lock('offline', 'Always on', 'Your organisation keeps this app offline.');
  if (e.disableRelay) lock('relayProvider', 'Off', 'Your organisation has turned off the relay.');
  if (e.disableServerProvider) lock('serverProvider', 'Off', 'Your organisation has turned off the server provider.');
  if (e.autoLockMaxSeconds !== null) {
    const m = Math.round(e.autoLockMaxSeconds / 60);
    lock(
      'autoLock',
      `${m} minute${m === 1 ? '' : 's'} at most`,
      'Your organisation sets how long the app may stay unlocked when idle.',
    );
  }
  if (e.disableRememberOnDevice)
    lock('rememberOnDevice', 'Off', 'Your organisation does not allow keys to be remembered on shared computers.');
  if (e.requireSignedModelBundles) {
    const fps = e.clinicKeys.map((k) => `${k.label}: ${k.fingerprint}`).join('; ');
    lock(
      'modelImports',
      'Signed bundles only',
      `Models can only be added from bundles signed by your organisation${fps ? ` (${fps})` : ''}.`.slice(0, 300),
    );
  }
  if (e.crisisContacts)
    lock(
      'crisisContacts',
      `${e.crisisContacts.length} from your organisation`,
      'Your organisation chose the crisis contacts shown first.',
    );
  if (e.country) lock('country', e.country, 'Your organisation set the country for crisis contacts.');
  if (e.defaultTheme)
    out.push({
      setting: 'theme',
      locked: false,
      value: e.defaultTheme,
      reason: 'Starting theme chosen by your organisation; you can change it.',
    });
  if (e.language)
    out.push({
      setting: 'language',
      locked: false,
      value: e.language,
      reason: 'Language chosen by your organisation.',
    });
  return out;
}

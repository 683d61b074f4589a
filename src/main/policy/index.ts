// The admin policy service: reads the organisation's policy file once at start-up and tells the other
// services what it allows. Public surface for the API layer (create-app wires it into llm and vault).
import type { EffectivePolicy, PolicyState } from '../../shared/api';

type CrisisContact = NonNullable<EffectivePolicy['crisisContacts']>[number];
import type { LlmPolicy } from '../llm/index';
import { resolvePolicy } from './effective';
import { loadPolicyFile, policyPath } from './policy-file';

export { policyPath, loadPolicyFile, policyFileSchema, MAX_POLICY_BYTES, type PolicyFile } from './policy-file';
export { resolvePolicy, STRICTEST_AUTO_LOCK_SECONDS } from './effective';

export interface PolicyService {
  /** What `policy.get` returns: effective values, the managed list and the broken-file warning. */
  readonly state: PolicyState;
  readonly llm: LlmPolicy;
  readonly vault: { readonly autoLockMaxSeconds: number | null; readonly rememberDisabled: boolean };
  /** Crisis contacts the organisation lists first, and the country it pins; null when not set. */
  readonly crisis: { readonly country: string | null; readonly contacts: readonly CrisisContact[] | null };
}

export function loadPolicy(options: { platform?: string; env?: NodeJS.ProcessEnv } = {}): PolicyService {
  const file = policyPath(options.platform ?? process.platform, options.env ?? process.env);
  return policyFrom(loadPolicyFile(file));
}

export function policyFrom(loaded: ReturnType<typeof loadPolicyFile>): PolicyService {
  const { state, clinicPublicKeys } = resolvePolicy(loaded);
  const e = state.effective;
  const disabled = [
    ...(e.disableRelay ? ['relay' as const] : []),
    ...(e.disableServerProvider ? ['server' as const] : []),
  ];
  return {
    state,
    llm: {
      forceOffline: e.forceOffline,
      disabledProviders: disabled,
      requireSignedModelBundles: e.requireSignedModelBundles,
      clinicPublicKeys,
    },
    vault: { autoLockMaxSeconds: e.autoLockMaxSeconds, rememberDisabled: e.disableRememberOnDevice },
    crisis: { country: e.country, contacts: e.crisisContacts },
  };
}

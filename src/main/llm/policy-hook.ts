import type { ProviderKind } from '../../shared/api/chat';
import { AppError } from './errors';

/**
 * What the organisation's admin policy (src/main/policy) asks of the llm service. The service reads it on
 * every use rather than copying it, so there is exactly one source of truth; create-app passes it in.
 */
export interface LlmPolicy {
  readonly forceOffline: boolean;
  readonly disabledProviders: readonly ProviderKind[];
  /** Plain GGUF imports and downloads are refused; only signed bundles can add models. */
  readonly requireSignedModelBundles: boolean;
  /** Raw Ed25519 public keys (base64) trusted for bundles; empty = the person confirms the signer. */
  readonly clinicPublicKeys: readonly string[];
}

export const OPEN_POLICY: LlmPolicy = {
  forceOffline: false,
  disabledProviders: [],
  requireSignedModelBundles: false,
  clinicPublicKeys: [],
};

const PROVIDER_NAMES: Record<ProviderKind, string> = { local: 'on-device', server: 'server', relay: 'relay' };

export function denyProvider(policy: LlmPolicy, kind: ProviderKind): void {
  if (policy.disabledProviders.includes(kind)) {
    throw new AppError('POLICY_DENIED', `Your organisation has turned off the ${PROVIDER_NAMES[kind]} provider.`);
  }
}

export function denyOnline(policy: LlmPolicy): void {
  if (policy.forceOffline) throw new AppError('POLICY_DENIED', 'Your organisation keeps this app in offline mode.');
}

export function denyUnsignedModel(policy: LlmPolicy): void {
  if (policy.requireSignedModelBundles) {
    throw new AppError(
      'POLICY_DENIED',
      'Your organisation only allows models from bundles signed with its key. Use "Import bundle from folder".',
    );
  }
}

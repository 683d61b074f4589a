import type { PolicyService } from '../../policy/index';
import type { Handler, Handlers } from '../dispatcher';

type PolicyHandlers = Pick<Handlers, 'policy.get'>;

export function createPolicyHandlers(policy: PolicyService): PolicyHandlers {
  return { 'policy.get': async () => policy.state };
}

/**
 * Crisis contacts under a policy: the country the organisation pins replaces the one asked for, and its own
 * contacts come first, followed by the built-in ones for that country whose numbers it did not already list,
 * so the emergency number can never be lost by an incomplete policy.
 */
export function withPolicyCrisis(
  inner: Handler<'coach.crisisContacts'>,
  policy: PolicyService,
): Handler<'coach.crisisContacts'> {
  return async (input, ctx) => {
    const { country, contacts } = policy.crisis;
    const base = await inner(country ? { country } : input, ctx);
    if (!contacts) return base;
    const listed = new Set(contacts.map((c) => c.number.replace(/\s+/g, '')));
    const builtIn = base.contacts.contacts.filter((c) => !listed.has(c.number.replace(/\s+/g, '')));
    return {
      ...base,
      contacts: { ...base.contacts, contacts: [...contacts.map((c) => ({ ...c, ways: [...c.ways] })), ...builtIn] },
    };
  };
}

import {
  CoachError,
  PRACTICE_FLOWS,
  SKILLS,
  SKILL_MODULES,
  CRISIS_COUNTRIES,
  classify,
  getCrisisContacts,
  searchSkills,
  suggestSkills,
  type FavouritesStore,
} from '../../coach/index';
import { practiceFlowSchema, skillSchema } from '../../../shared/api';
import { AppError } from '../app-error';
import type { Handlers } from '../dispatcher';

type CoachHandlers = Pick<
  Handlers,
  | 'coach.skills.list'
  | 'coach.skills.search'
  | 'coach.favourites.list'
  | 'coach.favourites.set'
  | 'coach.suggest'
  | 'coach.safety.check'
  | 'coach.crisisContacts'
>;

/** Rethrows the coach's typed error as the API layer's, so the dispatcher keeps its code. */
async function coachCall<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CoachError) throw new AppError(e.code, e.message);
    throw e;
  }
}

export function createCoachHandlers(favourites: FavouritesStore): CoachHandlers {
  // Parsing through the contract schemas gives plain mutable copies and proves at startup that the
  // shipped data matches the contract.
  const library = {
    modules: SKILL_MODULES.map((m) => ({ ...m })),
    skills: SKILLS.map((s) => skillSchema.parse(s)),
    flows: PRACTICE_FLOWS.map((f) => practiceFlowSchema.parse(f)),
  };
  return {
    'coach.skills.list': async () => library,
    'coach.skills.search': async ({ query }) => ({ ids: searchSkills(query).map((s) => s.id) }),
    'coach.favourites.list': () => coachCall(async () => ({ ids: await favourites.list() })),
    'coach.favourites.set': ({ skillId, favourite }) =>
      coachCall(async () => ({ ids: await favourites.set(skillId, favourite) })),
    'coach.suggest': async ({ text, limit }) => ({ skills: suggestSkills(text, limit ?? 3) }),
    'coach.safety.check': async ({ text }) => classify(text),
    'coach.crisisContacts': async ({ country }) => {
      const c = getCrisisContacts(country);
      return {
        contacts: { ...c, contacts: c.contacts.map((x) => ({ ...x, ways: [...x.ways] })) },
        countries: [...CRISIS_COUNTRIES],
      };
    },
  };
}

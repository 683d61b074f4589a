// The coach service's public surface: skills library, suggester, safety layer, crisis contacts, prompts.
export type { ModuleId, PracticeFlow, FlowStep, Skill, SkillExample, SkillModule } from './skills/types';
export {
  SKILLS,
  SKILL_IDS,
  SKILL_MODULES,
  getSkill,
  getPracticeFlow,
  searchSkills,
  skillsInModule,
} from './skills/library';
export { PRACTICE_FLOWS, fillTemplate } from './skills/flows';
export { suggest, suggestSkills, type SkillSuggestion } from './suggest/suggest';
export { classify } from './safety/classify';
export { screenReply } from './safety/screen-reply';
export type { ReplyScreenResult, SafetyLevel, SafetyResult } from './safety/types';
export {
  CRISIS_CONTACTS,
  CRISIS_COUNTRIES,
  getCrisisContacts,
  type CountryContacts,
  type CrisisContact,
} from './crisis-contacts';
export {
  buildCoachContext,
  turnNotes,
  type CoachContext,
  type CoachContextInput,
  type CoachTurn,
} from './context/build-context';
export { COACH_SYSTEM_PROMPT, CONCERN_INSTRUCTION, CRISIS_REPLY, PROMPT_VERSION, REPLY_BLOCKED } from './prompts/index';
export { createFileFavourites, type FavouritesStore } from './favourites';
export { CoachError } from './errors';
export { createChatScreens } from './chat-screens';

import { DISTRESS_TOLERANCE_SKILLS } from './distress-tolerance';
import { EMOTION_REGULATION_SKILLS } from './emotion-regulation';
import { PRACTICE_FLOWS } from './flows';
import { INTERPERSONAL_SKILLS } from './interpersonal-effectiveness';
import { MINDFULNESS_SKILLS } from './mindfulness';
import type { ModuleId, PracticeFlow, Skill, SkillModule } from './types';

export const SKILL_MODULES: readonly SkillModule[] = [
  { id: 'mindfulness', name: 'Mindfulness', about: 'Noticing what is here, right now, with less judgment.' },
  {
    id: 'distress-tolerance',
    name: 'Distress Tolerance',
    about: 'Getting through hard moments without making them worse.',
  },
  {
    id: 'emotion-regulation',
    name: 'Emotion Regulation',
    about: 'Understanding feelings and changing the ones that do not help.',
  },
  {
    id: 'interpersonal-effectiveness',
    name: 'Interpersonal Effectiveness',
    about: 'Asking, saying no, and keeping relationships and self-respect.',
  },
];

export const SKILLS: readonly Skill[] = [
  ...MINDFULNESS_SKILLS,
  ...DISTRESS_TOLERANCE_SKILLS,
  ...EMOTION_REGULATION_SKILLS,
  ...INTERPERSONAL_SKILLS,
];

const BY_ID = new Map(SKILLS.map((s) => [s.id, s]));
const FLOWS = new Map(PRACTICE_FLOWS.map((f) => [f.skillId, f]));

export const SKILL_IDS: readonly string[] = SKILLS.map((s) => s.id);

export const getSkill = (id: string): Skill | undefined => BY_ID.get(id);
export const getPracticeFlow = (skillId: string): PracticeFlow | undefined => FLOWS.get(skillId);
export const skillsInModule = (module: ModuleId): Skill[] => SKILLS.filter((s) => s.module === module);

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

// Weighted fields: a name hit beats a tag hit beats a body hit, so "tipp" finds TIPP before a step mentioning it.
const INDEX = SKILLS.map((s) => ({
  skill: s,
  name: fold(`${s.name} ${s.id}`),
  tags: fold(s.tags.join(' ')),
  body: fold([s.short, s.purpose, s.whenToUse, ...s.steps, s.practice].join(' ')),
}));

/**
 * Plain search: every word of the query must appear somewhere; ranked by where it matched.
 * An empty query returns every skill in library order.
 */
export function searchSkills(query: string, limit = SKILLS.length): Skill[] {
  const words = fold(query)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return SKILLS.slice(0, limit);
  const scored: Array<{ skill: Skill; score: number; order: number }> = [];
  INDEX.forEach((entry, order) => {
    let score = 0;
    for (const w of words) {
      const s = entry.name.includes(w) ? 10 : entry.tags.includes(w) ? 5 : entry.body.includes(w) ? 1 : 0;
      if (s === 0) return;
      score += s;
    }
    scored.push({ skill: entry.skill, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((x) => x.skill);
}

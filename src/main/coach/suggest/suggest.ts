import { SKILLS } from '../skills/library';
import { SIGNALS } from './patterns';

export interface SkillSuggestion {
  readonly id: string;
  readonly score: number;
}

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, ' ')
    .replace(/[^a-z0-9\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// Skill names the person may type. Names that are also everyday words (stop, please, give, fast,
// improve, accepts) only count when written in capitals or followed by "skill".
const AMBIGUOUS = new Set([
  'stop',
  'please',
  'give',
  'fast',
  'improve',
  'accepts',
  'describe',
  'observe',
  'participate',
]);
const NAME_PATTERNS = SKILLS.map((skill) => {
  const name = fold(
    skill.name
      .replace(/^Wise Mind ACCEPTS$/, 'ACCEPTS')
      .replace(/^Understanding and Naming Emotions$/, 'naming emotions'),
  );
  const plain = name.replace(/-/g, ' ');
  const ambiguous = AMBIGUOUS.has(plain);
  return {
    id: skill.id,
    plain: ambiguous ? null : new RegExp(`\\b${plain.replace(/ /g, '[ -]')}\\b`),
    caps: new RegExp(`\\b${skill.name.replace(/^Wise Mind /, '').split(' ')[0]}\\b`),
    skillWord: new RegExp(`\\b${plain}( the moment)? (skill|exercise|thing)`),
    ambiguous,
  };
});

const NEGATION = /\b(not|never|no|isn t|wasn t|don t|didn t|dont|didnt)( really| very| that| so)? $/;
const DEFAULT = ['wise-mind', 'stop', 'self-soothe'] as const;

/**
 * Ranks skill ids for a message, best first. Deterministic and cheap: a fixed list of phrase signals,
 * summed weights, a large boost when a skill is named, and library order to break ties.
 * Returns the default trio when nothing matched, so the chat always has something gentle to offer.
 */
export function suggestSkills(text: string, limit = 3): SkillSuggestion[] {
  const raw = text.slice(0, 8000);
  const t = fold(raw);
  const scores = new Map<string, number>();
  const add = (id: string, w: number) => scores.set(id, (scores.get(id) ?? 0) + w);
  for (const sig of SIGNALS) {
    const m = sig.re.exec(t);
    if (!m) continue;
    if (sig.negatable && NEGATION.test(t.slice(Math.max(0, m.index - 24), m.index))) continue;
    for (const [id, w] of Object.entries(sig.skills)) add(id, w);
  }
  for (const n of NAME_PATTERNS) {
    const named = n.ambiguous ? n.caps.test(raw) || n.skillWord.test(t) : (n.plain?.test(t) ?? false);
    if (named) add(n.id, 10);
  }
  const ranked = SKILLS.map((s, order) => ({ id: s.id, score: scores.get(s.id) ?? 0, order }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ id, score }) => ({ id, score: Math.round(score * 100) / 100 }));
  if (ranked.length > 0) return ranked;
  return DEFAULT.slice(0, limit).map((id) => ({ id, score: 0 }));
}

/** Just the ids, best first. */
export const suggest = (text: string, limit = 3): string[] => suggestSkills(text, limit).map((s) => s.id);

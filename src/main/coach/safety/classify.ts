import { foldForSafety, normalizeForSafety, squash } from './normalize';
import { CONCERN_RULES } from './rules-concern';
import { MEANS_RULES } from './rules-means';
import { RULES, type RuleDef } from './rules';
import type { SafetyLevel, SafetyResult } from './types';

interface CompiledRule {
  readonly def: RuleDef;
  readonly patterns: readonly RegExp[];
  readonly unless: readonly RegExp[];
}

const FILLER = '(?:[a-z0-9]+ ){0,3}';
const FILLER6 = '(?:[a-z0-9]+ ){0,6}';

/** Squash literal letters like the text, then expand `……` / `…` fillers. Patterns are trusted code. */
function compile(source: string): RegExp {
  return new RegExp(squash(source).replace(/……/g, FILLER6).replace(/…/g, FILLER));
}

const COMPILED: readonly CompiledRule[] = [...RULES, ...MEANS_RULES, ...CONCERN_RULES].map((def) => ({
  def,
  patterns: def.patterns.map(compile),
  unless: (def.unless ?? []).map(compile),
}));

// Negation directly before the match: "not", "never", "don't (really) (want to)", "would never (actually)".
const NEGATION = compile(
  ' (not|never|no intention to|no plan to|do not|wil not|would not|would never|am not|not going to|i am not)( realy| actualy| ever| even| seriously| gona| going to)?( want to| going to| plan to| try to| be)? ?$',
);
const PAST = compile(
  ' (used to|years ago|year ago|months ago|when i was|as a (kid|teen|teenager|child)|in (high schol|colege|my teens|my twenties|the past)|last year|back then|since i last|days since|clean (for|since)|have not|had (suicidal|urges|thoughts)|in my teens|two years|a year) ',
);
const PRESENT = compile(
  ' (again|right now|tonight|today|last night|yesterday|this morning|still|currently|lately|these days|anymore|this wek|al wek|keep|just) ',
);
const URGE = compile(' (urge|urges|urge to|craving) ');
const INTENSE = compile(
  ' (strong|so strong|unbearable|overwhelming|can not fight|can not resist|can not stop|about to|so bad|10 out of 10|10 10|5 5|ten out of ten|going to act) ',
);
const THIRD_PARTY = compile(
  ' (she|he|they|her|his|him|friend|friends|brother|sister|mom|mum|dad|father|mother|son|daughter|partner|ex|someone|people|cousin|wife|husband|girlfriend|boyfriend|student|client|kid|child|character) ',
);
const FIRST_PERSON = compile(' (i|me|my|myself|im) ');
const SAFETY_STATEMENT = compile(
  ' (but )?(no plan|no intent|no intention|would never act|not going to act|wil not act|not acting on) ',
);

const RANK: Record<SafetyLevel, number> = { none: 0, concern: 1, crisis: 2 };

/** Splits into clauses so "I used to cut, but tonight…" and "not X, but Y" are judged separately. */
function clauses(text: string): string[] {
  return foldForSafety(text)
    .split(/[.!?;\n]+(?=\s|$)|\n|\bbut\b/)
    .map(normalizeForSafety)
    .filter((c) => c.trim().length > 0);
}

function judge(rule: CompiledRule, clause: string, whole: string): { level: SafetyLevel; tag: string } | null {
  if (rule.unless.some((u) => u.test(clause))) return null;
  for (const re of rule.patterns) {
    const m = re.exec(clause);
    if (!m) continue;
    const { def } = rule;
    if (def.level === 'concern') return { level: 'concern', tag: def.id };
    const before = clause.slice(0, m.index + 1);
    if (def.negatable && NEGATION.test(before)) return { level: 'concern', tag: `${def.id}.negated` };
    if (def.past && PAST.test(clause) && !PRESENT.test(clause)) return { level: 'concern', tag: `${def.id}.past` };
    if (def.urge && URGE.test(clause) && !INTENSE.test(clause)) return { level: 'concern', tag: `${def.id}.urge` };
    const selfNear = / (i|i am|me|myself) /.test(before.slice(-28));
    if (def.thirdParty && THIRD_PARTY.test(clause) && !selfNear)
      return { level: 'concern', tag: `${def.id}.third-party` };
    if (def.id === 'suicide.mention-self' && SAFETY_STATEMENT.test(whole))
      return { level: 'concern', tag: `${def.id}.no-plan` };
    return { level: 'crisis', tag: def.id };
  }
  return null;
}

/**
 * Classifies one user message. Deterministic, local, no model; the reasons are rule ids only, so they
 * can be logged and shown without repeating anything the person wrote.
 */
export function classify(text: string): SafetyResult {
  const parts = clauses(text.slice(0, 40_000));
  const whole = normalizeForSafety(foldForSafety(text.slice(0, 40_000)));
  let level: SafetyLevel = 'none';
  const reasons = new Set<string>();
  for (const clause of parts) {
    for (const rule of COMPILED) {
      const hit = judge(rule, clause, whole);
      if (!hit) continue;
      reasons.add(hit.tag);
      if (RANK[hit.level] > RANK[level]) level = hit.level;
    }
  }
  // Means named in one sentence and timing or intent in another still add up to a plan.
  if (level !== 'crisis' && MEANS_ANYWHERE.test(whole) && TIMING_ANYWHERE.test(whole) && FIRST_PERSON.test(whole)) {
    level = 'crisis';
    reasons.add('plan.means-and-timing');
  }
  const ordered = [...reasons].sort();
  return { level, reasons: level === 'none' ? [] : ordered };
}

const MEANS_ANYWHERE = compile(' (gun|pils|rope|noose|razor|blades|bridge) ');
const TIMING_ANYWHERE = compile(
  ' (tonight is it|tonight is the night|do it tonight|it is time|going to do it|this is it) ',
);

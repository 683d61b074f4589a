import { foldForSafety, normalizeForSafety } from './normalize';
import type { ReplyScreenResult, SafetyLevel } from './types';

// Rules for model replies. A blocked reply is replaced by the caller; flags are stable ids.
const REPLY_RULES: ReadonlyArray<{ flag: string; level: SafetyLevel; re: RegExp }> = [
  {
    flag: 'means-information',
    level: 'crisis',
    re: / (lethal|fatal|deadly) (dose|amount)|how many (pils|tablets) (would|wil|to)|(painles|quickest|easiest|best|surest) (way|method) to (die|kil yourself|end your life)|how to (tie a nose|hang yourself|overdose|slit)|(cut|slit) (vertical|along|down) (the )?(vein|wrist)|carbon monoxide|(highest|tallest) bridge|mg (to|would) (kil|be fatal|overdose) /,
  },
  {
    flag: 'encourages-harm',
    level: 'crisis',
    re: / (you should|go ahead and|just) (kil yourself|end it|end your life|do it|hurt yourself|cut)|you deserve to (die|sufer|be hurt)|(nobody|no one) would mis you|(they|everyone) (would be|are) better of without you| kys |better of dead /,
  },
  {
    flag: 'claims-therapist',
    level: 'concern',
    re: / (i am|as) (a |your )?(licensed |qualified |certified )?(therapist|psychologist|psychiatrist|counselor|counselor|counselor|doctor|clinician)|as your (therapist|doctor|psychiatrist) /,
  },
  {
    flag: 'diagnosis',
    level: 'concern',
    re: / (you have|you sufer from|you are suffering from|you meet the criteria for|i diagnose you with|it sounds like you have|you clearly have|you are) (bpd|borderline|bipolar|depresion|clinical depresion|ptsd|adhd|ocd|an? (anxiety|personality|eating|mod|mood) disorder|schizophrenia|autism|narcisistic personality) /,
  },
  {
    flag: 'medication-advice',
    level: 'concern',
    re: / (take|try|increase|decrease|lower|double|skip|stop taking|start taking|come of|wean of) (your |the |some |a )?([0-9]+ ?mg |dose |dosage |medication|meds|pils|antidepresants|lithium|sertraline|prozac|xanax|ssri|benzos)|(increase|decrease|change|double|halve) your (dose|dosage|medication|meds) /,
  },
];

/**
 * Screens a model reply before it is shown. It never rewrites; it says whether to block and why,
 * so the chat service can show the fixed safe reply instead (and never the blocked text).
 */
export function screenReply(text: string): ReplyScreenResult {
  const t = normalizeForSafety(foldForSafety(text.slice(0, 40_000)).replace(/[\u2019']/g, ''));
  const flags: string[] = [];
  let level: SafetyLevel = 'none';
  for (const rule of REPLY_RULES) {
    if (!rule.re.test(t)) continue;
    flags.push(rule.flag);
    if (rule.level === 'crisis' || level === 'none') level = rule.level;
  }
  return { action: flags.length > 0 ? 'block' : 'allow', level, flags };
}

import { CoachError } from '../errors';
import { COACH_SYSTEM_PROMPT, CONCERN_INSTRUCTION, PROMPT_VERSION } from '../prompts/index';
import type { SafetyLevel } from '../safety/types';
import { getSkill } from '../skills/library';

export interface CoachTurn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

export interface CoachContextInput {
  readonly history: readonly CoachTurn[];
  readonly userText: string;
  /** Skill ids from the suggester, best first; unknown ids are ignored. */
  readonly suggestions: readonly string[];
  /** A short summary of today's diary card, only when the person allows it. */
  readonly diaryToday?: string;
  readonly level: SafetyLevel;
  /** Token budget for the prompt (system + history + current message), the reply's room already removed. */
  readonly maxTokens: number;
  readonly countTokens: (text: string) => number;
  /** Template tokens per message (role markers); an over-estimate is safe. */
  readonly perTurnOverhead?: number;
}

export interface CoachContext {
  readonly promptVersion: string;
  readonly system: string;
  /** Oldest first; the last entry is always the current user message, uncut. */
  readonly messages: CoachTurn[];
  /** How many older turns were replaced by the summary line. */
  readonly droppedTurns: number;
}

const MAX_SKILLS_IN_PROMPT = 3;

/** The per-turn grounding: skills that may fit, today's diary card, and the safety check-in on concern. */
export function turnNotes(input: Pick<CoachContextInput, 'suggestions' | 'diaryToday' | 'level'>): string {
  const parts: string[] = [];
  const skills = input.suggestions
    .map((id) => getSkill(id))
    .filter((s) => s !== undefined)
    .slice(0, MAX_SKILLS_IN_PROMPT);
  if (skills.length > 0) {
    parts.push(
      [
        'Skills that may fit this message (offer one, by name, if it helps):',
        ...skills.map((s) => `- ${s.name}: ${s.short}`),
      ].join('\n'),
    );
  }
  const diary = input.diaryToday?.trim();
  if (diary) parts.push(`Today's diary card, shared by the person:\n${diary.slice(0, 1500)}`);
  if (input.level === 'concern') parts.push(CONCERN_INSTRUCTION);
  return parts.join('\n\n');
}

/**
 * Assembles what the model sees for one turn and fits it into the budget: the system prompt (with this
 * turn's notes) and the current message always stay whole, then the newest turns, and one summary line
 * stands in for the older ones. The current message is never cut: if it cannot fit, CONTEXT_OVERFLOW.
 */
export function buildCoachContext(input: CoachContextInput): CoachContext {
  const notes = turnNotes(input);
  const system = notes ? `${COACH_SYSTEM_PROMPT}\n\n${notes}` : COACH_SYSTEM_PROMPT;
  const overhead = input.perTurnOverhead ?? 4;
  const cost = (text: string): number => input.countTokens(text) + overhead;
  const current: CoachTurn = { role: 'user', text: input.userText };
  let room = input.maxTokens - cost(system) - cost(current.text);
  if (room < 0) {
    throw new CoachError(
      'CONTEXT_OVERFLOW',
      'This message is too long for the model. Try splitting it into shorter parts.',
    );
  }
  const kept: CoachTurn[] = [];
  let i = input.history.length - 1;
  for (; i >= 0; i--) {
    const turn = input.history[i] as CoachTurn;
    const c = cost(turn.text);
    if (c > room) break;
    kept.unshift(turn);
    room -= c;
  }
  const dropped = i + 1;
  if (dropped > 0) {
    // The summary must fit too; give up the oldest kept turns until it does.
    let summary = summaryLine(input.history.slice(0, dropped + (input.history.length - dropped - kept.length)));
    while (cost(summary.text) > room && kept.length > 0) {
      room += cost((kept.shift() as CoachTurn).text);
      summary = summaryLine(input.history.slice(0, input.history.length - kept.length));
    }
    const messages = cost(summary.text) <= room ? [summary, ...kept, current] : [...kept, current];
    return { promptVersion: PROMPT_VERSION, system, messages, droppedTurns: input.history.length - kept.length };
  }
  return { promptVersion: PROMPT_VERSION, system, messages: [...kept, current], droppedTurns: 0 };
}

/** A content-free marker: which skills were named earlier, never the person's own words. */
function summaryLine(older: readonly CoachTurn[]): CoachTurn {
  const userTurns = older.filter((t) => t.role === 'user').length;
  return {
    role: 'user',
    text: `(Earlier in this conversation: ${older.length} messages, ${userTurns} from the person, left out to save space.)`,
  };
}

import type { MethodOutput } from '../../../../shared/api';

type Library = MethodOutput<'coach.skills.list'>;
export type Skill = Library['skills'][number];
export type SkillModule = Library['modules'][number];
export type PracticeFlow = Library['flows'][number];
export type FlowStep = PracticeFlow['steps'][number];
export type BreathingStep = Extract<FlowStep, { kind: 'breathing' }>;

/** Answers collected in a practice flow, keyed by the step's `key` (fields, choices and ratings). */
export type FlowValues = Readonly<Record<string, string>>;

/**
 * Fills `{{key}}` placeholders the way the main process does: trailing sentence punctuation is dropped
 * so templates can add their own, and a missing answer reads as "…" so the script still makes sense.
 */
export function fillTemplate(template: string, values: FlowValues): string {
  return template.replace(/\{\{([a-z0-9_-]+)\}\}/gi, (_m, key: string) => {
    const raw = Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined;
    const v = (raw ?? '').trim().replace(/[.!?]+$/, '');
    return v || '…';
  });
}

/** Splits a script into sentences for rehearsing one line at a time. */
export function scriptLines(script: string): string[] {
  return (script.match(/[^.!?]+[.!?]*/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Where a person is in a flow. Answers are optional: in a hard moment nobody should be blocked by a form. */
export interface FlowPosition {
  readonly index: number;
  readonly total: number;
}

export const clampStep = (index: number, total: number): number =>
  total <= 0 ? 0 : Math.min(Math.max(0, Math.trunc(index)), total - 1);

export const isLastStep = (p: FlowPosition): boolean => p.index >= p.total - 1;

export const stepLabel = (p: FlowPosition): string => `Step ${Math.min(p.index + 1, p.total)} of ${p.total}`;

/** Before/after ratings (TIPP, ACCEPTS, Check the Facts…) summarised in words, or null when not both given. */
export function ratingChange(values: FlowValues, before = 'before', after = 'after'): string | null {
  const b = Number.parseInt(values[before] ?? '', 10);
  const a = Number.parseInt(values[after] ?? '', 10);
  if (!Number.isFinite(b) || !Number.isFinite(a)) return null;
  if (a < b) return `It went from ${b} to ${a}. Even a small drop counts.`;
  if (a === b) return `It stayed at ${a}. Getting through without making it worse is a win too.`;
  return `It went from ${b} to ${a}. That happens; you can try another skill or take a break.`;
}

export type BreathPhase = 'in' | 'hold' | 'out';

export interface BreathMoment {
  readonly phase: BreathPhase;
  /** Whole seconds left in this phase (at least 1 while running). */
  readonly secondsLeft: number;
  /** 1-based cycle number. */
  readonly cycle: number;
  readonly done: boolean;
}

/** The breathing pacer's state after `elapsed` seconds: pure, so the timer component only counts seconds. */
export function breathAt(step: BreathingStep, elapsed: number): BreathMoment {
  const cycleLength = step.inhaleSeconds + step.holdSeconds + step.exhaleSeconds;
  const t = Math.max(0, elapsed);
  if (cycleLength <= 0 || t >= cycleLength * step.cycles) {
    return { phase: 'out', secondsLeft: 0, cycle: step.cycles, done: true };
  }
  const cycle = Math.floor(t / cycleLength) + 1;
  const within = t - (cycle - 1) * cycleLength;
  const left = (end: number) => Math.max(1, Math.ceil(end - within));
  if (within < step.inhaleSeconds) return { phase: 'in', secondsLeft: left(step.inhaleSeconds), cycle, done: false };
  const holdEnd = step.inhaleSeconds + step.holdSeconds;
  if (within < holdEnd) return { phase: 'hold', secondsLeft: left(holdEnd), cycle, done: false };
  return { phase: 'out', secondsLeft: left(cycleLength), cycle, done: false };
}

export const breathWord = (phase: BreathPhase): string =>
  phase === 'in' ? 'Breathe in' : phase === 'hold' ? 'Hold' : 'Breathe out';

/** "1:05" for timers. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Shapes of the skills library. The text is ours (plain, warm, non-clinical); only the skill ids and
 * names follow the standard DBT naming, because the ids are a contract with ../shared/dbt/skills.json.
 */
export const MODULE_IDS = [
  'mindfulness',
  'distress-tolerance',
  'emotion-regulation',
  'interpersonal-effectiveness',
] as const;
export type ModuleId = (typeof MODULE_IDS)[number];

export interface SkillModule {
  readonly id: ModuleId;
  readonly name: string;
  /** One sentence on what this group of skills helps with. */
  readonly about: string;
}

export interface SkillExample {
  /** The situation in a sentence. */
  readonly situation: string;
  /** How the skill was used in it. */
  readonly usingTheSkill: string;
}

export interface Skill {
  readonly id: string;
  readonly module: ModuleId;
  readonly name: string;
  /** One line for chips and prompt context. */
  readonly short: string;
  /** What it is for. */
  readonly purpose: string;
  /** When to reach for it. */
  readonly whenToUse: string;
  readonly steps: readonly string[];
  /** A short practice someone can do right now or today. */
  readonly practice: string;
  readonly examples: readonly [SkillExample, SkillExample];
  /** Extra search words (not shown). */
  readonly tags: readonly string[];
}

/** A guided "practice now" flow, rendered step by step by the renderer. */
export type FlowStep =
  | { readonly kind: 'text'; readonly title: string; readonly body: string }
  | { readonly kind: 'timer'; readonly title: string; readonly body: string; readonly seconds: number }
  | {
      readonly kind: 'breathing';
      readonly title: string;
      readonly body: string;
      readonly inhaleSeconds: number;
      readonly holdSeconds: number;
      readonly exhaleSeconds: number;
      readonly cycles: number;
    }
  | {
      readonly kind: 'field';
      readonly title: string;
      readonly body: string;
      /** Key used by script templates ({{key}}). */
      readonly key: string;
      readonly placeholder: string;
      readonly multiline: boolean;
    }
  | {
      readonly kind: 'choice';
      readonly title: string;
      readonly body: string;
      readonly key: string;
      readonly options: readonly string[];
    }
  | {
      readonly kind: 'rating';
      readonly title: string;
      readonly body: string;
      readonly key: string;
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'script'; readonly title: string; readonly body: string; readonly template: string };

export interface PracticeFlow {
  readonly skillId: string;
  readonly title: string;
  readonly intro: string;
  readonly steps: readonly FlowStep[];
}

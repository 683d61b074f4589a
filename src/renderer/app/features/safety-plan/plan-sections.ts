import type { SafetyPlan } from '../../../../shared/api';

export type TextKey = 'warningSigns' | 'copingStrategies' | 'saferEnvironment' | 'reasonsForLiving';
export type ContactKey = 'helpers' | 'professionals';

export type PlanSection =
  | {
      readonly kind: 'text';
      readonly key: TextKey;
      readonly title: string;
      readonly help: string;
      readonly item: string;
    }
  | {
      readonly kind: 'contact';
      readonly key: ContactKey;
      readonly title: string;
      readonly help: string;
      readonly item: string;
    }
  | {
      readonly kind: 'distraction';
      readonly key: 'distractions';
      readonly title: string;
      readonly help: string;
      readonly item: string;
    };

/** The six Stanley–Brown steps in order, then reasons for living. The wording is ours. */
export const PLAN_SECTIONS: readonly PlanSection[] = [
  {
    kind: 'text',
    key: 'warningSigns',
    title: '1. My warning signs',
    help: 'Thoughts, feelings, situations or behaviour that tell me a hard time may be coming.',
    item: 'Warning sign',
  },
  {
    kind: 'text',
    key: 'copingStrategies',
    title: '2. Things I can do on my own',
    help: 'Ways to take my mind off things without contacting anyone: skills, activities, places in my head.',
    item: 'Coping strategy',
  },
  {
    kind: 'distraction',
    key: 'distractions',
    title: '3. People and places that help me feel better',
    help: 'Company or settings that take my mind off things. I do not need to talk about how I feel.',
    item: 'Person or place',
  },
  {
    kind: 'contact',
    key: 'helpers',
    title: '4. People I can ask for help',
    help: 'People I can tell that I am struggling.',
    item: 'Person',
  },
  {
    kind: 'contact',
    key: 'professionals',
    title: '5. Professionals and services I can contact',
    help: 'My therapist, doctor, a crisis line, the nearest emergency department.',
    item: 'Professional or service',
  },
  {
    kind: 'text',
    key: 'saferEnvironment',
    title: '6. Making my surroundings safer',
    help: 'Steps to put distance between me and anything I could use to hurt myself.',
    item: 'Step',
  },
  {
    kind: 'text',
    key: 'reasonsForLiving',
    title: 'My reasons for living',
    help: 'What matters to me and is worth staying for, big or small.',
    item: 'Reason',
  },
];

export const EMPTY_PLAN: SafetyPlan = {
  warningSigns: [],
  copingStrategies: [],
  distractions: [],
  helpers: [],
  professionals: [],
  saferEnvironment: [],
  reasonsForLiving: [],
};

/** What gets saved: trimmed text and no blank rows (an empty "Add" click should not become data). */
export function cleanPlan(plan: SafetyPlan): SafetyPlan {
  const text = (items: readonly string[]) => items.map((s) => s.trim()).filter((s) => s.length > 0);
  const contacts = (items: SafetyPlan['helpers']) =>
    items.map((c) => ({ name: c.name.trim(), phone: c.phone.trim() })).filter((c) => c.name || c.phone);
  return {
    warningSigns: text(plan.warningSigns),
    copingStrategies: text(plan.copingStrategies),
    distractions: plan.distractions
      .map((d) => ({ name: d.name.trim(), detail: d.detail.trim() }))
      .filter((d) => d.name || d.detail),
    helpers: contacts(plan.helpers),
    professionals: contacts(plan.professionals),
    saferEnvironment: text(plan.saferEnvironment),
    reasonsForLiving: text(plan.reasonsForLiving),
  };
}

export const samePlan = (a: SafetyPlan, b: SafetyPlan): boolean =>
  JSON.stringify(cleanPlan(a)) === JSON.stringify(cleanPlan(b));

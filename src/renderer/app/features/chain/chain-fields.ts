import type { ChainFields } from '../../../../shared/api';

export type LinkKind = ChainFields['links'][number]['kind'];

export const LINK_KINDS: readonly { kind: LinkKind; label: string }[] = [
  { kind: 'event', label: 'Something that happened' },
  { kind: 'thought', label: 'Thought' },
  { kind: 'feeling', label: 'Feeling' },
  { kind: 'body', label: 'Body sensation' },
  { kind: 'action', label: 'Something I did' },
];

export const emptyFields = (): ChainFields => ({
  title: '',
  problemBehaviour: '',
  promptingEvent: '',
  vulnerabilityFactors: '',
  links: [],
  consequences: { shortTerm: '', longTerm: '' },
  skillPoints: [],
  repair: '',
});

/** Trimmed text, no empty links or skill points, and a title so the list has something to show. */
export function cleanFields(f: ChainFields, today: string): ChainFields {
  const t = (s: string) => s.trim();
  const title = t(f.title) || t(f.problemBehaviour).split('\n')[0]?.slice(0, 80) || `Chain analysis ${today}`;
  return {
    title: title.slice(0, 200),
    problemBehaviour: t(f.problemBehaviour),
    promptingEvent: t(f.promptingEvent),
    vulnerabilityFactors: t(f.vulnerabilityFactors),
    links: f.links.map((l) => ({ kind: l.kind, text: t(l.text) })).filter((l) => l.text),
    consequences: { shortTerm: t(f.consequences.shortTerm), longTerm: t(f.consequences.longTerm) },
    skillPoints: f.skillPoints
      .map((p) => ({ skillIds: [...new Set(p.skillIds)].slice(0, 10), text: t(p.text) }))
      .filter((p) => p.text || p.skillIds.length),
    repair: t(f.repair),
  };
}

/** Moves item `i` by `delta` places (links are an ordered chain), leaving the list alone at the ends. */
export function move<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}

import { describe, expect, it } from 'vitest';
import type { Skill, SkillModule } from './flow-logic';
import { groupSkills } from './skill-groups';

const mod = (id: SkillModule['id'], name: string): SkillModule => ({ id, name, about: '' });
const skill = (id: string, module: SkillModule['id']): Skill => ({
  id,
  module,
  name: id,
  short: '',
  purpose: '',
  whenToUse: '',
  steps: [],
  practice: '',
  examples: [],
  tags: [],
});

describe('groupSkills', () => {
  const modules = [mod('mindfulness', 'Mindfulness'), mod('distress-tolerance', 'Distress tolerance')];
  const skills = [
    skill('wise-mind', 'mindfulness'),
    skill('stop', 'distress-tolerance'),
    skill('tipp', 'distress-tolerance'),
  ];

  it('keeps module order and drops empty modules', () => {
    expect(groupSkills(modules, skills, null).map((g) => [g.module.id, g.skills.map((s) => s.id)])).toEqual([
      ['mindfulness', ['wise-mind']],
      ['distress-tolerance', ['stop', 'tipp']],
    ]);
    expect(groupSkills(modules, skills, new Set(['tipp'])).map((g) => g.module.id)).toEqual(['distress-tolerance']);
    expect(groupSkills(modules, skills, new Set())).toEqual([]);
  });
});

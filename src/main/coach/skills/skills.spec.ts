import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRACTICE_FLOWS, fillTemplate } from './flows';
import { SKILLS, SKILL_MODULES, getPracticeFlow, searchSkills } from './library';

// The canonical ids live outside the repo; the product never reads them at runtime, only this test does.
const canonical = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../../shared/dbt/skills.json', import.meta.url)), 'utf8'),
) as { modules: { id: string; name: string }[]; skills: { id: string; module: string; name: string }[] };

describe('skills library', () => {
  it('has exactly the canonical skill ids, modules and names, and no extra ids', () => {
    expect(SKILLS.map((s) => s.id).sort()).toEqual(canonical.skills.map((s) => s.id).sort());
    expect(SKILL_MODULES.map((m) => m.id)).toEqual(canonical.modules.map((m) => m.id));
    for (const c of canonical.skills) {
      const s = SKILLS.find((x) => x.id === c.id);
      expect(s?.module, c.id).toBe(c.module);
      expect(s?.name, c.id).toBe(c.name);
    }
  });

  it('gives every skill complete content', () => {
    for (const s of SKILLS) {
      for (const text of [s.short, s.purpose, s.whenToUse, s.practice])
        expect(text.trim().length, s.id).toBeGreaterThan(20);
      expect(s.steps.length, s.id).toBeGreaterThanOrEqual(3);
      expect(s.examples).toHaveLength(2);
      for (const e of s.examples) expect(e.situation.length > 10 && e.usingTheSkill.length > 10, s.id).toBe(true);
      expect(s.tags.length, s.id).toBeGreaterThan(2);
    }
  });

  it('has guided flows for the required skills, each pointing at a real skill', () => {
    for (const id of [
      'stop',
      'tipp',
      'accepts',
      'check-the-facts',
      'opposite-action',
      'dear-man',
      'radical-acceptance',
    ]) {
      expect(getPracticeFlow(id)?.steps.length, id).toBeGreaterThan(2);
    }
    for (const f of PRACTICE_FLOWS) expect(SKILLS.some((s) => s.id === f.skillId)).toBe(true);
    const tipp = getPracticeFlow('tipp')?.steps.find((s) => s.kind === 'breathing');
    expect(tipp).toMatchObject({ inhaleSeconds: 4, exhaleSeconds: 6 });
  });

  it('DEAR MAN builder fills its script from every field it asks for', () => {
    const flow = getPracticeFlow('dear-man');
    const script = flow?.steps.find((s) => s.kind === 'script');
    const keys = (flow?.steps ?? []).flatMap((s) => (s.kind === 'field' ? [s.key] : []));
    if (script?.kind !== 'script') throw new Error('no script step');
    for (const k of [...script.template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])) expect(keys).toContain(k);
    const text = fillTemplate(script.template, {
      describe: 'The dishes are left.',
      express: 'I feel tired',
      assert: 'Please wash up.',
    });
    expect(text).toContain('The dishes are left. I feel tired. Please wash up');
    expect(text).toContain('…');
    expect(fillTemplate('{{__proto__}} {{constructor}}', {})).toBe('… …');
  });

  it('searches by name, tag and body, ranking name hits first', () => {
    expect(searchSkills('tipp')[0]?.id).toBe('tipp');
    expect(searchSkills('DEAR man')[0]?.id).toBe('dear-man');
    expect(searchSkills('panic').map((s) => s.id)).toContain('tipp');
    expect(searchSkills('')).toHaveLength(SKILLS.length);
    expect(searchSkills('zzzz-no-such-thing')).toEqual([]);
    expect(searchSkills('(((.*')).toHaveLength(SKILLS.length); // punctuation only: no words, so everything
  });
});

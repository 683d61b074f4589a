import type { Skill, SkillModule } from './flow-logic';

export interface SkillGroup {
  readonly module: SkillModule;
  readonly skills: readonly Skill[];
}

/** Group skills by module in the library's order, keeping only those in `visible` (all when null). */
export function groupSkills(
  modules: readonly SkillModule[],
  skills: readonly Skill[],
  visible: ReadonlySet<string> | null,
): SkillGroup[] {
  return modules
    .map((module) => ({
      module,
      skills: skills.filter((s) => s.module === module.id && (visible === null || visible.has(s.id))),
    }))
    .filter((g) => g.skills.length > 0);
}

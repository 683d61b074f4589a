import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api-client';

export interface SkillChip {
  readonly id: string;
  readonly name: string;
}

/** The suggester's top skills for a message, with their names, for the "Try:" chips under a reply. */
@Injectable({ providedIn: 'root' })
export class SkillChips {
  private readonly api = inject(ApiClient);
  private names: Promise<Map<string, string>> | null = null;

  async forText(text: string, limit = 2): Promise<SkillChip[]> {
    const r = await this.api.call('coach.suggest', { text, limit });
    if (!r.ok) return [];
    const names = await this.skillNames();
    return r.value.skills.filter((s) => s.score > 0).map((s) => ({ id: s.id, name: names.get(s.id) ?? s.id }));
  }

  private skillNames(): Promise<Map<string, string>> {
    this.names ??= this.api.call('coach.skills.list', {}).then((r) => {
      if (!r.ok) {
        this.names = null; // try again next time
        return new Map<string, string>();
      }
      return new Map(r.value.skills.map((s) => [s.id, s.name]));
    });
    return this.names;
  }
}

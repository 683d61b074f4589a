import { Injectable, computed, inject, signal } from '@angular/core';
import { ApiClient } from '../../core/api-client';
import type { PracticeFlow, Skill, SkillModule } from './flow-logic';
import { groupSkills } from './skill-groups';

/** The skills library, search and favourites for the Skills screen. */
@Injectable()
export class SkillsStore {
  private readonly api = inject(ApiClient);
  private searchSeq = 0;

  readonly modules = signal<readonly SkillModule[]>([]);
  readonly skills = signal<readonly Skill[]>([]);
  readonly flows = signal<readonly PracticeFlow[]>([]);
  readonly favourites = signal<ReadonlySet<string>>(new Set());
  readonly query = signal('');
  /** Ids matching the query (server ranking), or null when there is no query. */
  readonly matches = signal<readonly string[] | null>(null);
  readonly favouritesOnly = signal(false);
  readonly loading = signal(true);
  readonly error = signal<string | null>(null);

  readonly groups = computed(() => {
    let visible: Set<string> | null = this.matches() ? new Set(this.matches()) : null;
    if (this.favouritesOnly()) {
      const favs = this.favourites();
      visible = new Set([...(visible ?? this.skills().map((s) => s.id))].filter((id) => favs.has(id)));
    }
    return groupSkills(this.modules(), this.skills(), visible);
  });
  readonly visibleCount = computed(() => this.groups().reduce((n, g) => n + g.skills.length, 0));

  skill(id: string | undefined): Skill | undefined {
    return id ? this.skills().find((s) => s.id === id) : undefined;
  }

  flow(id: string | undefined): PracticeFlow | undefined {
    return id ? this.flows().find((f) => f.skillId === id) : undefined;
  }

  async load(): Promise<void> {
    this.loading.set(true);
    const [lib, favs] = await Promise.all([
      this.api.call('coach.skills.list', {}),
      this.api.call('coach.favourites.list', {}),
    ]);
    this.loading.set(false);
    if (!lib.ok) {
      this.error.set(lib.error.message);
      return;
    }
    this.error.set(null);
    this.modules.set(lib.value.modules);
    this.skills.set(lib.value.skills);
    this.flows.set(lib.value.flows);
    // Favourites are a nicety: the library still works if they cannot be read.
    if (favs.ok) this.favourites.set(new Set(favs.value.ids));
  }

  async search(query: string): Promise<void> {
    this.query.set(query);
    const seq = ++this.searchSeq;
    const q = query.trim();
    if (!q) {
      this.matches.set(null);
      return;
    }
    const result = await this.api.call('coach.skills.search', { query: q.slice(0, 200) });
    // A slower earlier search must not overwrite the results of a later one.
    if (seq !== this.searchSeq) return;
    this.matches.set(result.ok ? result.value.ids : []);
  }

  async toggleFavourite(id: string): Promise<void> {
    const favourite = !this.favourites().has(id);
    const result = await this.api.call('coach.favourites.set', { skillId: id, favourite });
    if (result.ok) this.favourites.set(new Set(result.value.ids));
    else this.error.set(result.error.message);
  }
}

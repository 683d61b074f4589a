import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { PracticeFlowView } from './practice-flow';
import { SkillDetail } from './skill-detail';
import { SkillsList } from './skills-list';
import { SkillsStore } from './skills-store';

/**
 * The Skills screen. The open skill and the practice flow live in the URL (?skill=tipp&practice=1),
 * so the chat's "Try: TIPP" chips and the browser's back button both work.
 */
@Component({
  selector: 'app-skills-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, PracticeFlowView, RouterLink, SkillDetail, SkillsList],
  providers: [SkillsStore],
  template: `
    <div class="page">
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading skills" />
      }
      @if (store.error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
      @if (!skill()) {
        <h1>Skills</h1>
        @if (skillParam() && !store.loading()) {
          <p role="status">That skill is not in the library. Here are all the skills.</p>
        }
        <app-skills-list />
      } @else if (practicing() && flow()) {
        <a mat-button routerLink="/skills" [queryParams]="{ skill: skill()!.id }">Back to {{ skill()!.name }}</a>
        <h1>{{ flow()!.title }}</h1>
        <app-practice-flow [flow]="flow()!" (finished)="open(skill()!.id)" />
      } @else {
        <a mat-button routerLink="/skills">All skills</a>
        <h1>{{ skill()!.name }}</h1>
        <app-skill-detail
          [skill]="skill()!"
          [hasFlow]="!!flow()"
          [favourite]="store.favourites().has(skill()!.id)"
          (practice)="startPractice(skill()!.id)"
          (toggleFavourite)="store.toggleFavourite(skill()!.id)"
        />
      }
    </div>
  `,
  styles: `
    .page {
      max-width: 48rem;
      margin: 0 auto;
      padding: 1rem;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0.5rem 0 1rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export default class SkillsPage {
  /** Query parameters, bound by the router (withComponentInputBinding). */
  readonly skillParam = input<string | undefined>(undefined, { alias: 'skill' });
  readonly practice = input<string | undefined>(undefined);

  protected readonly store = inject(SkillsStore);
  private readonly router = inject(Router);
  protected readonly skill = computed(() => this.store.skill(this.skillParam()));
  protected readonly flow = computed(() => this.store.flow(this.skillParam()));
  protected readonly practicing = computed(() => this.practice() === '1');

  constructor() {
    void this.store.load();
  }

  protected open(id: string): void {
    void this.router.navigate(['/skills'], { queryParams: { skill: id } });
  }

  protected startPractice(id: string): void {
    void this.router.navigate(['/skills'], { queryParams: { skill: id, practice: 1 } });
  }
}

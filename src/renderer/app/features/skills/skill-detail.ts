import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { Skill } from './flow-logic';

/** One skill: what it is for, when to use it, steps, a practice and examples. */
@Component({
  selector: 'app-skill-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule],
  template: `
    <article class="detail">
      <p class="short">{{ skill().short }}</p>
      <div class="actions">
        @if (hasFlow()) {
          <button mat-flat-button type="button" (click)="practice.emit()">Practice now</button>
        }
        <button mat-stroked-button type="button" [attr.aria-pressed]="favourite()" (click)="toggleFavourite.emit()">
          {{ favourite() ? 'Saved to favourites' : 'Add to favourites' }}
        </button>
      </div>
      <h2>What it is for</h2>
      <p>{{ skill().purpose }}</p>
      <h2>When to use it</h2>
      <p>{{ skill().whenToUse }}</p>
      <h2>Steps</h2>
      <ol>
        @for (step of skill().steps; track $index) {
          <li>{{ step }}</li>
        }
      </ol>
      <h2>Try it</h2>
      <p>{{ skill().practice }}</p>
      <h2>Examples</h2>
      @for (ex of skill().examples; track $index) {
        <div class="example">
          <p><strong>Situation:</strong> {{ ex.situation }}</p>
          <p><strong>Using the skill:</strong> {{ ex.usingTheSkill }}</p>
        </div>
      }
    </article>
  `,
  styles: `
    .short {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 1.5rem 0 0.5rem;
    }
    .example {
      padding: 0.5rem 1rem;
      margin-bottom: 0.5rem;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class SkillDetail {
  readonly skill = input.required<Skill>();
  readonly favourite = input(false);
  readonly hasFlow = input(false);
  readonly practice = output<void>();
  readonly toggleFavourite = output<void>();
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { SkillsStore } from './skills-store';

/** Search box, favourites filter and the skills grouped by module. */
@Component({
  selector: 'app-skills-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, RouterLink],
  templateUrl: './skills-list.html',
  styleUrl: './skills-list.scss',
})
export class SkillsList {
  protected readonly store = inject(SkillsStore);

  protected onSearch(event: Event): void {
    void this.store.search((event.target as HTMLInputElement).value);
  }
}

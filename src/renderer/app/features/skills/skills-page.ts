import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PlaceholderPage } from '../../shared/placeholder-page';

@Component({
  selector: 'app-skills-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PlaceholderPage],
  template: `<app-placeholder-page
    heading="Skills"
    icon="skills"
    summary="This is where you will find the DBT skills, each explained simply with steps you can practise."
  />`,
})
export default class SkillsPage {}

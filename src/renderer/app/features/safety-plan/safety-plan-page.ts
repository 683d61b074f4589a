import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PlaceholderPage } from '../../shared/placeholder-page';

@Component({
  selector: 'app-safety-plan-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PlaceholderPage],
  template: `<app-placeholder-page
    heading="Safety plan"
    icon="safety-plan"
    summary="This is where you will write your own plan for hard moments: warning signs, things that help, and people to reach."
  />`,
})
export default class SafetyPlanPage {}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PlaceholderPage } from '../../shared/placeholder-page';

@Component({
  selector: 'app-onboarding-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PlaceholderPage],
  template: `<app-placeholder-page
    heading="Set up DBT Coach"
    icon="home"
    summary="This is where you will choose a passphrase that keeps everything you write encrypted on this device."
  />`,
})
export default class OnboardingPage {}

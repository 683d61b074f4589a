import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PlaceholderPage } from '../../shared/placeholder-page';

@Component({
  selector: 'app-unlock-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PlaceholderPage],
  template: `<app-placeholder-page
    heading="Unlock DBT Coach"
    icon="lock"
    summary="This is where you will enter your passphrase to open your encrypted data."
  />`,
})
export default class UnlockPage {}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PlaceholderPage } from '../../shared/placeholder-page';

@Component({
  selector: 'app-diary-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PlaceholderPage],
  template: `<app-placeholder-page
    heading="Diary card"
    icon="diary"
    summary="This is where you will keep your daily diary card: emotions, urges, actions and the skills you used."
  />`,
})
export default class DiaryPage {}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PlaceholderPage } from '../../shared/placeholder-page';

@Component({
  selector: 'app-chat-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PlaceholderPage],
  template: `<app-placeholder-page
    heading="Chat"
    icon="chat"
    summary="This is where you will talk with your coach, who can suggest a DBT skill and walk you through it, all on this computer."
  />`,
})
export default class ChatPage {}

import { ChangeDetectionStrategy, Component, effect, inject, untracked, viewChild } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { ConcernBanner } from '../crisis/concern-banner';
import { PrivacyStore } from '../settings/privacy-store';
import { ChatHeader } from './chat-header';
import { ChatStore } from './chat-store';
import { Composer } from './composer';
import { ConversationList } from './conversation-list';
import { MessageList } from './message-list';
import { RemoteConfirmDialog } from './remote-confirm-dialog';

/** Chat: conversations on the side, the open conversation streaming in the middle, the composer below. */
@Component({
  selector: 'app-chat-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChatHeader, Composer, ConcernBanner, ConversationList, MessageList],
  template: `
    <div class="chat">
      <aside class="side" aria-label="Conversations"><app-conversation-list (picked)="list()?.toEnd()" /></aside>
      <section class="thread" aria-label="Conversation">
        <app-chat-header />
        @if (store.concern()) {
          <app-concern-banner />
        }
        @if (store.messages().length === 0) {
          <p class="hello">
            @if (store.privateMode()) {
              This conversation will not be saved: it is kept only while it is open and is gone when you close it or the
              app locks. Safety support still works as usual.
            } @else {
              Hi. What's on your mind? Everything you write stays on this computer unless you choose otherwise.
            }
          </p>
        }
        <app-message-list
          class="messages"
          [messages]="store.messages()"
          [busy]="store.streaming()"
          [loadingOlder]="store.loadingOlder()"
          [chips]="store.suggestions()"
          (older)="store.loadOlder()"
          (regenerate)="store.regenerate()"
          (edit)="store.editAndResend($event)"
        />
        @if (store.error(); as e) {
          <p class="error" role="alert">{{ e }}</p>
        }
        <app-composer
          [streaming]="store.streaming()"
          [prefill]="store.draft()"
          [editing]="store.editing() !== null"
          (cancelEdit)="store.cancelEdit()"
          (send)="store.send($event)"
          (stop)="store.stop()"
        />
      </section>
    </div>
  `,
  styleUrl: './chat-page.scss',
})
export default class ChatPage {
  protected readonly store = inject(ChatStore);
  protected readonly list = viewChild(MessageList);
  private readonly dialog = inject(MatDialog);

  constructor() {
    void this.store.list.refresh();
    void inject(PrivacyStore).refresh();
    // The remote preview is a dialog: shown whenever chat.send answered needs-confirmation.
    effect(() => {
      const pending = this.store.pendingConfirm();
      if (!pending) return;
      untracked(() =>
        this.dialog
          .open<RemoteConfirmDialog, typeof pending, boolean>(RemoteConfirmDialog, { data: pending })
          .afterClosed()
          .subscribe((ok) => void (ok ? this.store.confirmRemote() : this.store.cancelConfirm())),
      );
    });
  }
}

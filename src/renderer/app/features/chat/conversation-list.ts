import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import type { Conversation, SearchHit } from '../../../../shared/api';
import { HistorySearch } from '../history/history-search';
import { ChatStore } from './chat-store';

/** The sidebar: new chat, search over history, and conversations by day with rename / pin / delete. */
@Component({
  selector: 'app-conversation-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HistorySearch, MatButtonModule, MatMenuModule],
  templateUrl: './conversation-list.html',
  styleUrl: './conversation-list.scss',
})
export class ConversationList {
  protected readonly store = inject(ChatStore);
  protected readonly list = this.store.list;
  /** Tells the page a conversation was picked (the page closes the sidebar on narrow screens). */
  readonly picked = output<void>();
  protected readonly renaming = signal<string | null>(null);
  protected readonly deleting = signal<string | null>(null);
  protected readonly searching = signal(false);

  protected pick(c: Conversation): void {
    void this.store.open(c.id);
    this.picked.emit();
  }

  protected newChat(): void {
    this.store.newChat();
    this.picked.emit();
  }

  protected openHit(hit: SearchHit): void {
    if (!hit.conversationId) return;
    void this.store.open(hit.conversationId);
    this.picked.emit();
  }

  protected async rename(c: Conversation, title: string): Promise<void> {
    this.renaming.set(null);
    if (title.trim() && title.trim() !== c.title) await this.list.rename(c.id, title);
  }

  protected async remove(c: Conversation): Promise<void> {
    this.deleting.set(null);
    await this.store.removeConversation(c.id);
  }
}

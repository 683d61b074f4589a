import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { badgeFor, statusNote, type UiMessage } from './chat-state';
import { MarkdownView } from './markdown-view';
import type { SkillChip } from './skill-chips';

/** One message: Markdown for the coach, plain text for the person, with its badge, status and actions. */
@Component({
  selector: 'app-message-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MarkdownView, RouterLink],
  templateUrl: './message-item.html',
  styleUrl: './message-item.scss',
})
export class MessageItem {
  readonly message = input.required<UiMessage>();
  readonly isLastReply = input(false);
  readonly isLastUser = input(false);
  readonly busy = input(false);
  readonly chips = input<readonly SkillChip[]>([]);
  readonly regenerate = output<void>();
  readonly edit = output<UiMessage>();
  protected readonly copied = signal(false);
  protected readonly badge = computed(() => badgeFor(this.message()));
  protected readonly note = computed(() => statusNote(this.message()));
  protected readonly waiting = computed(() => {
    const m = this.message();
    return m.status === 'streaming' && !m.content;
  });

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.message().content);
      this.copied.set(true);
      setTimeout(() => this.copied.set(false), 1500);
    } catch {
      // Clipboard permission refused: nothing to copy to, and nothing worth alarming the person about.
    }
  }
}

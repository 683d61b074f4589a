import { ScrollingModule as AutoSizeScrolling } from '@angular/cdk-experimental/scrolling';
import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { lastWhere, type UiMessage } from './chat-state';
import { MessageItem } from './message-item';
import type { SkillChip } from './skill-chips';

/** Within this distance of the end the list follows new text; further up, the reader stays put. */
const STICK_PX = 120;
/** Within this distance of the start, the next older page is asked for. */
const OLDER_PX = 400;
/**
 * Autosize learns item heights only as they render, so one jump to the end lands short of it on a
 * conversation with long messages. Following the end repeats the jump for a few frames while heights settle.
 */
const PIN_FRAMES = 12;

/**
 * The conversation as a virtual list: only the messages near the viewport are in the DOM, and sizes are
 * measured as they render (autosize), so 5,000 messages of any length scroll smoothly. Older pages load
 * when the reader nears the top and are inserted without moving what is on screen.
 */
@Component({
  selector: 'app-message-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ScrollingModule, AutoSizeScrolling, MessageItem],
  template: `
    @if (loadingOlder()) {
      <p class="older" role="status">Loading earlier messages…</p>
    }
    <cdk-virtual-scroll-viewport
      autosize
      [minBufferPx]="600"
      [maxBufferPx]="1200"
      class="viewport"
      role="log"
      aria-label="Conversation"
      aria-live="polite"
      (scroll)="onScroll()"
      (wheel)="release()"
      (touchstart)="release()"
      (keydown)="release()"
    >
      <app-message-item
        *cdkVirtualFor="let m of messages(); trackBy: trackById; templateCacheSize: 0"
        [message]="m"
        [isLastReply]="m.id === lastReplyId()"
        [isLastUser]="m.id === lastUserId()"
        [busy]="busy()"
        [chips]="chips()[m.id] ?? []"
        (regenerate)="regenerate.emit()"
        (edit)="edit.emit($event)"
      />
    </cdk-virtual-scroll-viewport>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    .viewport {
      flex: 1;
    }
    .older {
      margin: 4px;
      text-align: center;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class MessageList {
  readonly messages = input.required<readonly UiMessage[]>();
  readonly busy = input(false);
  readonly loadingOlder = input(false);
  readonly chips = input<Readonly<Record<string, readonly SkillChip[]>>>({});
  readonly regenerate = output<void>();
  readonly edit = output<UiMessage>();
  /** The list asks for older messages; the page answers by prepending them. */
  readonly older = output<void>();
  private readonly viewport = viewChild.required(CdkVirtualScrollViewport);
  private readonly injector = inject(Injector);
  protected readonly lastReplyId = computed(() => lastWhere(this.messages(), (m) => m.role === 'assistant')?.id);
  /** Only the person's most recent message can be edited and resent. */
  protected readonly lastUserId = computed(() => lastWhere(this.messages(), (m) => m.role === 'user')?.id);
  private stick = true;
  /** Frames left in which the list keeps jumping to the end (its own scrolls must not unstick it). */
  private pinFrames = 0;
  private firstId: string | undefined;
  private fromBottom = 0;

  protected readonly trackById = (_: number, m: UiMessage) => m.id;

  constructor() {
    effect(() => {
      const list = this.messages();
      const first = list[0]?.id;
      untracked(() => {
        const prepended = this.firstId !== undefined && first !== this.firstId && list.length > 1;
        const keep = this.fromBottom;
        this.firstId = first;
        afterNextRender(
          () => {
            const vp = this.viewport();
            vp.checkViewportSize();
            // Prepending older messages: keep the same distance from the end, so the text read stays put.
            if (this.stick) this.pinToEnd();
            else if (prepended) vp.scrollTo({ bottom: keep });
          },
          { injector: this.injector },
        );
      });
    });
  }

  protected onScroll(): void {
    const vp = this.viewport();
    this.fromBottom = vp.measureScrollOffset('bottom');
    if (this.pinFrames === 0) this.stick = this.fromBottom < STICK_PX;
    if (vp.measureScrollOffset('top') < OLDER_PX && !this.loadingOlder()) this.older.emit();
  }

  private pinToEnd(): void {
    const vp = this.viewport();
    vp.scrollTo({ bottom: 0 });
    if (typeof requestAnimationFrame !== 'function') return;
    const running = this.pinFrames > 0;
    this.pinFrames = PIN_FRAMES;
    if (running) return;
    const step = () => {
      if (this.pinFrames <= 0 || !this.stick) {
        this.pinFrames = 0;
        return;
      }
      this.pinFrames--;
      vp.checkViewportSize();
      vp.scrollTo({ bottom: 0 });
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  /** A wheel, touch or key press is the reader taking over: stop following the end at once. */
  protected release(): void {
    this.pinFrames = 0;
  }

  /** After opening another conversation, start at its newest message. */
  toEnd(): void {
    this.stick = true;
    this.firstId = undefined;
  }
}

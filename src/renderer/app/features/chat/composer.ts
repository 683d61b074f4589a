import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { LIMITS } from '../../../../shared/api';

/** The message box: Enter sends, Shift+Enter adds a line; while a reply streams the button stops it. */
@Component({
  selector: 'app-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <form class="composer" autocomplete="off" (submit)="$event.preventDefault(); submit()">
      @if (editing()) {
        <p class="editing" role="status">
          Editing your last message: sending replaces it and its reply.
          <button mat-button type="button" (click)="cancelEdit.emit()">Cancel edit</button>
        </p>
      }
      <label for="chat-input" class="visually-hidden">{{
        editing() ? 'Edit your last message' : 'Message your coach'
      }}</label>
      <textarea
        id="chat-input"
        #box
        rows="2"
        [maxLength]="max"
        placeholder="Message your coach (Enter to send, Shift+Enter for a new line)"
        [value]="text()"
        (input)="text.set(box.value)"
        (keydown)="onKey($event)"
        [disabled]="disabled()"
      ></textarea>
      @if (streaming()) {
        <button mat-stroked-button type="button" (click)="stop.emit()">Stop</button>
      } @else {
        <button mat-flat-button type="submit" [disabled]="disabled() || !text().trim()">
          {{ editing() ? 'Resend' : 'Send' }}
        </button>
      }
    </form>
  `,
  styles: `
    .composer {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-end;
      padding: 8px 16px 16px;
    }
    .editing {
      flex-basis: 100%;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    textarea {
      flex: 1;
      resize: vertical;
      min-height: 3rem;
      max-height: 40vh;
      padding: 10px 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class Composer {
  readonly streaming = input(false);
  readonly disabled = input(false);
  /** Text put back by "Edit and resend" (a new object each time, so the same text can come back twice). */
  readonly prefill = input<{ text: string } | null>(null);
  readonly send = output<string>();
  readonly stop = output<void>();
  /** True while the person's last message is being edited (the next send replaces it). */
  readonly editing = input(false);
  readonly cancelEdit = output<void>();
  protected readonly text = signal('');
  protected readonly max = LIMITS.message;
  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');

  constructor() {
    effect(() => {
      const p = this.prefill();
      if (!p) return;
      this.text.set(p.text);
      this.box().nativeElement.focus();
    });
  }

  protected onKey(event: KeyboardEvent): void {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    const text = this.text().trim();
    if (!text || this.streaming() || this.disabled()) return;
    this.send.emit(text);
    this.text.set('');
  }
}

import { Directive, ElementRef, effect, inject, input } from '@angular/core';
import { renderMarkdown } from './markdown';

/** Renders untrusted Markdown into its host through created nodes only (see markdown.ts). */
@Directive({ selector: '[appMarkdown]' })
export class MarkdownView {
  readonly appMarkdown = input.required<string>();
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    effect(() => {
      const el = this.host.nativeElement;
      el.replaceChildren(renderMarkdown(this.appMarkdown(), el.ownerDocument));
    });
  }
}

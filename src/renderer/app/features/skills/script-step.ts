import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { scriptLines } from './flow-logic';

/** The filled-in script (DEAR MAN): copy it, or rehearse it one line at a time. */
@Component({
  selector: 'app-script-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    @if (rehearsing() === null) {
      <blockquote class="script" data-testid="script">{{ script() }}</blockquote>
      <div class="actions">
        <button mat-flat-button type="button" (click)="rehearsing.set(0)">Rehearse line by line</button>
        <button mat-stroked-button type="button" (click)="copy()">Copy script</button>
      </div>
    } @else {
      <p class="line-no">Line {{ rehearsing()! + 1 }} of {{ lines().length }}</p>
      <blockquote class="script line" aria-live="polite">{{ lines()[rehearsing()!] }}</blockquote>
      <p class="hint">Say it out loud, in a steady voice. Then go on.</p>
      <div class="actions">
        @if (rehearsing()! < lines().length - 1) {
          <button mat-flat-button type="button" (click)="rehearsing.set(rehearsing()! + 1)">Next line</button>
        } @else {
          <button mat-flat-button type="button" (click)="rehearsing.set(0)">From the top</button>
        }
        <button mat-stroked-button type="button" (click)="rehearsing.set(null)">Show whole script</button>
      </div>
    }
    <p class="status" role="status">{{ copyStatus() }}</p>
  `,
  styles: `
    .script {
      margin: 1rem 0;
      padding: 1rem;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-body-large);
      white-space: pre-wrap;
    }
    .line {
      font: var(--mat-sys-title-large);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .line-no,
    .hint,
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ScriptStep {
  readonly script = input.required<string>();
  protected readonly lines = computed(() => scriptLines(this.script()));
  protected readonly rehearsing = signal<number | null>(null);
  protected readonly copyStatus = signal('');

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.script());
      this.copyStatus.set('Copied. It stays on this device unless you paste it somewhere.');
    } catch {
      this.copyStatus.set('Copying is not available here; select the text and copy it instead.');
    }
  }
}

import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SearchHit } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';

/**
 * Search over messages and notes. Snippets arrive as segments, and hits are wrapped in <mark>
 * by the template: text is always interpolated, never bound as HTML.
 */
@Component({
  selector: 'app-history-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    <form role="search" (ngSubmit)="run()">
      <mat-form-field appearance="outline" class="field">
        <mat-label>Search your history</mat-label>
        <input matInput name="q" [(ngModel)]="query" maxlength="200" autocomplete="off" />
      </mat-form-field>
    </form>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" aria-label="Searching" />
    }
    <p class="status" role="status">{{ status() }}</p>
    <ul class="hits">
      @for (hit of hits(); track hit.kind + hit.id) {
        <li>
          <button mat-button type="button" class="hit" (click)="open.emit(hit)">
            <span class="title">{{ hit.title || (hit.kind === 'note' ? 'Note' : 'Conversation') }}</span>
            <span class="when">{{ when(hit.createdAt) }}</span>
            <span class="snippet">
              @for (seg of hit.snippet; track $index) {
                @if (seg.hit) {
                  <mark>{{ seg.text }}</mark>
                } @else {
                  {{ seg.text }}
                }
              }
            </span>
          </button>
        </li>
      }
    </ul>
    @if (cursor()) {
      <button mat-stroked-button type="button" (click)="more()" [disabled]="busy()">More results</button>
    }
  `,
  styles: `
    .field {
      width: 100%;
    }
    .hits {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .hit {
      display: grid;
      text-align: start;
      height: auto;
      width: 100%;
      padding: 8px;
      white-space: normal;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .when,
    .status {
      font: var(--mat-sys-body-small);
    }
    .snippet {
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class HistorySearch {
  private readonly api = inject(ApiClient);
  /** The chat screen opens the conversation (or the note) the user picked. */
  readonly open = output<SearchHit>();
  protected query = '';
  protected readonly hits = signal<SearchHit[]>([]);
  protected readonly cursor = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly status = signal('');

  protected async run(): Promise<void> {
    this.hits.set([]);
    this.cursor.set(null);
    await this.fetch(undefined);
  }

  protected async more(): Promise<void> {
    await this.fetch(this.cursor() ?? undefined);
  }

  protected when(at: number): string {
    return new Date(at).toLocaleString();
  }

  private async fetch(cursor: string | undefined): Promise<void> {
    const query = this.query.trim();
    if (!query) return;
    this.busy.set(true);
    const r = await this.api.call('history.search', cursor ? { query, cursor } : { query });
    this.busy.set(false);
    if (!r.ok) {
      this.status.set(r.error.code === 'LOCKED' ? 'Unlock your vault to search.' : r.error.message);
      return;
    }
    this.hits.update((h) => [...h, ...r.value.hits]);
    this.cursor.set(r.value.nextCursor);
    const n = this.hits().length;
    this.status.set(
      n === 0 ? 'Nothing found.' : `${n} result${n === 1 ? '' : 's'}${r.value.nextCursor ? ' so far' : ''}.`,
    );
  }
}

import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { JournalNotice } from '../diary/journal-notice';
import { ChainForm } from './chain-form';
import { ChainStore } from './chain-store';

/** Chain analyses: a list to open, edit or delete, and the guided worksheet. */
@Component({
  selector: 'app-chain-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChainForm, DatePipe, JournalNotice, MatButtonModule],
  providers: [ChainStore],
  template: `
    <div class="page">
      <h1>Chain analysis</h1>
      <p class="intro">Look back at one moment link by link, to see where a different choice was possible next time.</p>
      <app-journal-notice [error]="store.error()" />
      <p class="status" role="status">{{ store.status() }}</p>
      @if (store.editing()) {
        <app-chain-form />
      } @else if (!store.error()) {
        <button mat-flat-button type="button" (click)="store.startNew()">New chain analysis</button>
        @if (store.chains().length === 0) {
          <p>No chain analyses yet.</p>
        }
        <ul class="list">
          @for (c of store.chains(); track c.id) {
            <li>
              <span class="title">{{ c.title }}</span>
              <span class="when">{{ c.updatedAt | date: 'medium' }}</span>
              <span class="actions">
                <button mat-stroked-button type="button" (click)="store.open(c.id)">
                  Open<span class="sr-only"> {{ c.title }}</span>
                </button>
                @if (confirming() === c.id) {
                  <button mat-flat-button type="button" (click)="confirming.set(null); store.remove(c.id)">
                    Yes, delete<span class="sr-only"> {{ c.title }}</span>
                  </button>
                  <button mat-button type="button" (click)="confirming.set(null)">Keep it</button>
                } @else {
                  <button mat-button type="button" (click)="confirming.set(c.id)">
                    Delete<span class="sr-only"> {{ c.title }}</span>
                  </button>
                }
              </span>
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .page {
      max-width: 48rem;
      margin: 0 auto;
      padding: 1rem;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0.5rem 0;
    }
    .intro,
    .when,
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
    .list {
      list-style: none;
      padding: 0;
      margin-top: 1rem;
    }
    .list li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      font: var(--mat-sys-title-medium);
      flex: 1 1 12rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export default class ChainPage {
  protected readonly store = inject(ChainStore);
  protected readonly confirming = signal<string | null>(null);

  constructor() {
    void this.store.load();
  }
}

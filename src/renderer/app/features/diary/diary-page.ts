import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { DiarySettings } from './diary-settings';
import { isDate, todayLocal } from './diary-dates';
import { DiaryStore } from './diary-store';
import { EntryForm } from './entry-form';
import { JournalNotice } from './journal-notice';
import { WeekView } from './week-view';

/** Diary card: quick entry for a day, the week like the paper card, and what the card tracks. */
@Component({
  selector: 'app-diary-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DiarySettings, EntryForm, JournalNotice, MatTabsModule, WeekView],
  providers: [DiaryStore],
  template: `
    <div class="page">
      <h1>Diary card</h1>
      <app-journal-notice [error]="store.error()" />
      @if (store.config()) {
        <mat-tab-group [selectedIndex]="tab()" (selectedIndexChange)="tab.set($event)" mat-stretch-tabs="false">
          <mat-tab label="Day">
            <app-entry-form />
          </mat-tab>
          <mat-tab label="Week">
            <app-week-view (edit)="editDay($event)" />
          </mat-tab>
          <mat-tab label="Card settings">
            <app-diary-settings />
          </mat-tab>
        </mat-tab-group>
      }
    </div>
  `,
  styles: `
    .page {
      max-width: 60rem;
      margin: 0 auto;
      padding: 1rem;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0.5rem 0 1rem;
    }
    mat-tab-group {
      --mat-tab-container-height: 48px;
    }
    :host ::ng-deep .mat-mdc-tab-body-content {
      padding-top: 1rem;
    }
  `,
})
export default class DiaryPage implements OnInit {
  /** ?date=YYYY-MM-DD opens that day (bound by the router). */
  readonly date = input<string | undefined>(undefined);
  protected readonly store = inject(DiaryStore);
  protected readonly tab = signal(0);

  ngOnInit(): void {
    // Inputs (the ?date= query parameter) are set by now, unlike in the constructor.
    const d = this.date();
    void this.store.init(d && isDate(d) && d <= todayLocal() ? d : todayLocal());
  }

  protected editDay(date: string): void {
    void this.store.open(date).then(() => this.tab.set(0));
  }
}

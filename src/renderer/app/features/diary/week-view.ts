import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { PdfExport } from '../clients/pdf-export';
import { addDays, longDay, shortDay, todayLocal } from './diary-dates';
import { DiaryStore } from './diary-store';
import { buildWeekGrid } from './week-grid';

/** The week like the paper card: rows of items, seven day columns, scrolling sideways on a phone. */
@Component({
  selector: 'app-week-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, PdfExport],
  templateUrl: './week-view.html',
  styleUrl: './week-view.scss',
})
export class WeekView {
  protected readonly store = inject(DiaryStore);
  readonly edit = output<string>();
  protected readonly today = todayLocal();
  protected readonly days = computed(() => this.store.week()?.days ?? []);
  protected readonly grid = computed(() => {
    const week = this.store.week();
    const names = this.store.skillNames();
    return week ? buildWeekGrid(week.config, week.days, (id) => names.get(id) ?? id) : [];
  });
  protected readonly caption = computed(() => {
    const start = this.store.weekStart();
    return `Diary card for the week ${longDay(start)} to ${longDay(addDays(start, 6))}`;
  });
  protected readonly short = shortDay;
  protected readonly long = longDay;

  protected shift(weeks: number): void {
    void this.store.loadWeek(addDays(this.store.weekStart(), weeks * 7));
  }
}

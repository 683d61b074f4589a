import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';
import { JournalNotice } from '../diary/journal-notice';
import { bucketLabels } from './trend-data';
import { TrendChartCard } from './trend-chart-card';
import { TrendsStore } from './trends-store';

/**
 * Trends from the diary card. Chart.js is imported only here, so it lands in this route's lazy chunk
 * and the first screen stays small; only the parts the four charts use are registered.
 */
@Component({
  selector: 'app-trends-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JournalNotice, MatButtonToggleModule, MatProgressBarModule, TrendChartCard],
  providers: [
    TrendsStore,
    provideCharts({
      registerables: [
        BarController,
        BarElement,
        CategoryScale,
        Legend,
        LinearScale,
        LineController,
        LineElement,
        PointElement,
        Tooltip,
      ],
    }),
  ],
  template: `
    <div class="page">
      <h1>Trends</h1>
      <p class="intro">How your diary card has looked over time. Each chart has a table with the same numbers.</p>
      <span id="bucket-label" class="label">Group by</span>
      <mat-button-toggle-group
        aria-labelledby="bucket-label"
        hideSingleSelectionIndicator
        [value]="store.bucket()"
        (change)="store.load($event.value)"
      >
        <mat-button-toggle value="week">Weeks</mat-button-toggle>
        <mat-button-toggle value="month">Months</mat-button-toggle>
      </mat-button-toggle-group>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading trends" />
      }
      <app-journal-notice [error]="store.error()" />
      @if (store.trends(); as t) {
        @if (noEntries()) {
          <p role="status">No diary entries in this period yet. Charts fill in as you keep your diary card.</p>
        }
        @for (chart of t.charts; track chart.id) {
          <app-trend-chart-card [chart]="chart" [labels]="labels()" />
        }
      }
    </div>
  `,
  styles: `
    .page {
      max-width: 56rem;
      margin: 0 auto;
      padding: 1rem;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0.5rem 0;
    }
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    .label {
      margin-right: 0.75rem;
    }
    mat-button-toggle-group {
      margin-bottom: 1.5rem;
    }
  `,
})
export default class TrendsPage {
  protected readonly store = inject(TrendsStore);
  protected readonly labels = computed(() => {
    const t = this.store.trends();
    return t ? bucketLabels(t) : [];
  });
  protected readonly noEntries = computed(() => (this.store.trends()?.buckets ?? []).every((b) => b.days === 0));

  constructor() {
    void this.store.load();
  }
}

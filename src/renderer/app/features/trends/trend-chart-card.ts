import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import type { TrendChart } from '../../../../shared/api';
import { ThemeService } from '../../core/theme/theme-service';
import { summarise, toChartData } from './trend-data';

/** One chart, its text summary and the same numbers as a table (always shown, not only on request). */
@Component({
  selector: 'app-trend-chart-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  template: `
    <section class="card" [attr.aria-labelledby]="chart().id + '-h'">
      <h2 [id]="chart().id + '-h'">{{ chart().title }}</h2>
      <p class="summary" [id]="chart().id + '-summary'">{{ summary() }}</p>
      <div class="canvas">
        <canvas
          baseChart
          role="img"
          [attr.aria-label]="chart().title + ' chart; the table below has the same numbers.'"
          [attr.aria-describedby]="chart().id + '-summary'"
          [type]="type()"
          [data]="data()"
          [options]="options()"
        ></canvas>
      </div>
      <div class="scroll" role="region" tabindex="0" [attr.aria-label]="chart().table.caption">
        <table [attr.data-testid]="'table-' + chart().id">
          <caption>
            {{
              chart().table.caption
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              @for (c of chart().table.columns; track $index) {
                <th scope="col">{{ c }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of chart().table.rows; track $index) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                @for (cell of row.cells; track $index) {
                  <td>{{ cell === null ? '–' : cell }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styleUrl: './trend-chart-card.scss',
})
export class TrendChartCard {
  readonly chart = input.required<TrendChart>();
  readonly labels = input.required<readonly string[]>();
  private readonly theme = inject(ThemeService);

  protected readonly type = computed<'line' | 'bar'>(() =>
    this.chart().id === 'emotions' || this.chart().id === 'urges' ? 'line' : 'bar',
  );
  protected readonly data = computed(() => toChartData(this.chart(), this.labels()));
  protected readonly summary = computed(() => summarise(this.chart(), this.labels()));
  protected readonly options = computed<ChartConfiguration['options']>(() => {
    // Canvas colours cannot use CSS variables, so text and grid follow the theme signal.
    const dark = this.theme.theme() === 'dark';
    const text = dark ? '#e3e3e3' : '#1b1b1b';
    const grid = dark ? 'rgba(255,255,255,0.15)' : 'rgba(0,0,0,0.12)';
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { ticks: { color: text }, grid: { color: grid } },
        y: {
          beginAtZero: true,
          // Ratings are 0–5; without this a quiet month would look as intense as a hard one.
          suggestedMax: this.type() === 'line' ? 5 : undefined,
          ticks: { color: text },
          grid: { color: grid },
          title: { display: true, text: this.chart().unit, color: text },
        },
      },
      plugins: { legend: { labels: { color: text } } },
    };
  });
}

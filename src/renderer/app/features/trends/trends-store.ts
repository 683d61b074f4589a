import { Injectable, inject, signal } from '@angular/core';
import type { ApiError, Trends } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { todayLocal } from '../diary/diary-dates';
import { rangeFor } from './trend-data';

/** Trends over the last twelve weeks or months, computed by the main process from the diary card. */
@Injectable()
export class TrendsStore {
  private readonly api = inject(ApiClient);
  readonly bucket = signal<'week' | 'month'>('week');
  readonly trends = signal<Trends | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);

  async load(bucket = this.bucket()): Promise<void> {
    this.bucket.set(bucket);
    this.loading.set(true);
    const r = await this.api.call('trends.get', { ...rangeFor(bucket, todayLocal()), bucket });
    this.loading.set(false);
    if (r.ok) {
      this.error.set(null);
      this.trends.set(r.value);
    } else {
      this.error.set(r.error);
    }
  }
}

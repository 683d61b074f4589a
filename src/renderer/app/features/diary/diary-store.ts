import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, DiaryConfig, MethodOutput } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { CrisisService } from '../crisis/crisis-service';
import { mondayOf, todayLocal } from './diary-dates';
import { fromDraft, toDraft, type EntryDraft } from './entry-draft';

type Skill = MethodOutput<'coach.skills.list'>['skills'][number];
type Week = MethodOutput<'diary.week'>;

/** Diary card state: the card's configuration, the day being edited, the week on show and the reminder. */
@Injectable()
export class DiaryStore {
  private readonly api = inject(ApiClient);
  private readonly crisis = inject(CrisisService);

  readonly config = signal<DiaryConfig | null>(null);
  readonly skills = signal<readonly Skill[]>([]);
  readonly draft = signal<EntryDraft | null>(null);
  readonly savedAt = signal<number | null>(null);
  readonly week = signal<Week | null>(null);
  readonly weekStart = signal(mondayOf(todayLocal()));
  readonly reminder = signal<string | null>(null);
  readonly error = signal<ApiError | null>(null);
  readonly busy = signal(false);
  readonly status = signal('');
  /** Set after a save whose notes or urges sounded worrying but not like a crisis. */
  readonly concern = signal(false);

  readonly skillNames = computed(() => new Map(this.skills().map((s) => [s.id, s.name])));

  async init(date = todayLocal()): Promise<void> {
    const [config, lib, reminder] = await Promise.all([
      this.api.call('diary.config.get', {}),
      this.api.call('coach.skills.list', {}),
      this.api.call('diary.reminder.get', {}),
    ]);
    if (!config.ok) {
      this.error.set(config.error);
      return;
    }
    this.config.set(config.value);
    if (lib.ok) this.skills.set(lib.value.skills);
    if (reminder.ok) this.reminder.set(reminder.value.time);
    await Promise.all([this.open(date), this.loadWeek(mondayOf(date))]);
  }

  async open(date: string): Promise<void> {
    const config = this.config();
    if (!config) return;
    const r = await this.api.call('diary.get', { date });
    if (!r.ok) {
      this.error.set(r.error);
      return;
    }
    this.error.set(null);
    this.status.set('');
    this.concern.set(false);
    this.draft.set(toDraft(date, config, r.value.entry));
    this.savedAt.set(r.value.updatedAt);
  }

  patch(change: (d: EntryDraft) => EntryDraft): void {
    const d = this.draft();
    if (d) this.draft.set(change(d));
  }

  async save(): Promise<boolean> {
    const config = this.config();
    const draft = this.draft();
    if (!config || !draft) return false;
    this.busy.set(true);
    const r = await this.api.call('diary.save', { entry: fromDraft(draft, config) });
    this.busy.set(false);
    if (!r.ok) {
      this.status.set(r.error.message);
      return false;
    }
    this.savedAt.set(r.value.updatedAt);
    this.status.set('Saved.');
    this.concern.set(r.value.safety === 'concern');
    // High self-harm or suicide urges get the same response as a crisis message in the chat.
    if (r.value.safety === 'crisis') this.crisis.open();
    if (mondayOf(draft.date) === this.weekStart()) await this.loadWeek(this.weekStart());
    return true;
  }

  async remove(): Promise<void> {
    const draft = this.draft();
    if (!draft) return;
    const r = await this.api.call('diary.delete', { date: draft.date });
    this.status.set(r.ok ? 'That day’s entry was deleted.' : r.error.message);
    if (r.ok) {
      await this.open(draft.date);
      this.status.set('That day’s entry was deleted.');
      await this.loadWeek(this.weekStart());
    }
  }

  async loadWeek(start: string): Promise<void> {
    this.weekStart.set(start);
    const r = await this.api.call('diary.week', { start });
    if (r.ok) this.week.set(r.value);
    else this.error.set(r.error);
  }

  async saveConfig(config: DiaryConfig): Promise<string> {
    const r = await this.api.call('diary.config.set', { config });
    if (!r.ok) return r.error.message;
    this.config.set(r.value);
    const date = this.draft()?.date;
    if (date) await this.open(date);
    await this.loadWeek(this.weekStart());
    return 'Your diary card settings are saved.';
  }

  async saveReminder(time: string | null): Promise<string> {
    const r = await this.api.call('diary.reminder.set', { time });
    if (!r.ok) return r.error.message;
    this.reminder.set(r.value.time);
    return r.value.time ? `A daily reminder is set for ${r.value.time}.` : 'The daily reminder is off.';
  }
}

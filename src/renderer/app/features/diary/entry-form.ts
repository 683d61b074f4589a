import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { SKILL_USE_SCALE, type DiaryEntry } from '../../../../shared/api';
import { ConcernBanner } from '../crisis/concern-banner';
import { addDays, isDate, longDay, todayLocal } from './diary-dates';
import { DiaryStore } from './diary-store';
import { RatingPicker } from './rating-picker';

/** Quick entry for one day: everything on one screen, tap-sized 0–5 pickers, nothing required. */
@Component({
  selector: 'app-entry-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConcernBanner,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RatingPicker,
  ],
  templateUrl: './entry-form.html',
  styleUrl: './entry-form.scss',
})
export class EntryForm {
  protected readonly store = inject(DiaryStore);
  protected readonly scale = SKILL_USE_SCALE;
  protected readonly today = todayLocal();
  protected readonly heading = computed(() => {
    const d = this.store.draft()?.date;
    return d ? (d === this.today ? `Today, ${longDay(d)}` : longDay(d)) : '';
  });
  /** Skills not yet on this day's card, for the "add a skill" menu. */
  protected readonly addable = computed(() => {
    const used = new Set(this.store.draft()?.skills.map((s) => s.skillId) ?? []);
    return this.store.skills().filter((s) => !used.has(s.id));
  });

  protected goTo(date: string): void {
    if (isDate(date)) void this.store.open(date);
  }

  protected shift(days: number): void {
    const d = this.store.draft()?.date;
    if (d) this.goTo(addDays(d, days));
  }

  protected emotion(id: string, rating: number): void {
    this.store.patch((d) => ({ ...d, emotions: { ...d.emotions, [id]: rating } }));
  }

  protected urge(id: string, change: Partial<{ rating: number; actedOn: boolean }>): void {
    this.store.patch((d) => ({
      ...d,
      urges: { ...d.urges, [id]: { ...(d.urges[id] ?? { rating: null, actedOn: false }), ...change } },
    }));
  }

  protected target(id: string, value: number): void {
    const v = Number.isFinite(value) ? Math.min(999, Math.max(0, Math.trunc(value))) : 0;
    this.store.patch((d) => ({ ...d, targets: { ...d.targets, [id]: v } }));
  }

  protected addSkill(skillId: string | null): void {
    if (!skillId) return;
    this.store.patch((d) => ({ ...d, skills: [...d.skills, { skillId, rating: 5 }] }));
  }

  protected skillRating(index: number, rating: number): void {
    this.store.patch((d) => ({ ...d, skills: d.skills.map((s, i) => (i === index ? { ...s, rating } : s)) }));
  }

  protected removeSkill(index: number): void {
    this.store.patch((d) => ({ ...d, skills: d.skills.filter((_, i) => i !== index) }));
  }

  protected medication(change: Partial<DiaryEntry['medication']>): void {
    this.store.patch((d) => ({ ...d, medication: { ...d.medication, ...change } }));
  }

  protected notes(notes: string): void {
    this.store.patch((d) => ({ ...d, notes }));
  }

  protected skillName(id: string): string {
    return this.store.skillNames().get(id) ?? id;
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }
}

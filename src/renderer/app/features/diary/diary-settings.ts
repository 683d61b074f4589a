import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { DiaryConfig } from '../../../../shared/api';
import { ALWAYS_CHECKED, itemId } from './config-edit';
import { DiaryStore } from './diary-store';
import { ReminderPermission } from './reminder-permission';

type ListKey = keyof DiaryConfig;

/** What is on the card (emotions, urges, targets) and the daily reminder. */
@Component({
  selector: 'app-diary-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReminderPermission,
  ],
  templateUrl: './diary-settings.html',
  styleUrl: './diary-settings.scss',
})
export class DiarySettings {
  protected readonly store = inject(DiaryStore);
  protected readonly config = signal<DiaryConfig>({ emotions: [], urges: [], targets: [] });
  protected readonly newLabel = signal<Record<ListKey, string>>({ emotions: '', urges: '', targets: '' });
  protected readonly newKind = signal<'count' | 'yesno'>('yesno');
  protected readonly time = signal('');
  protected readonly status = signal('');
  protected readonly reminderStatus = signal('');
  protected readonly always = ALWAYS_CHECKED;
  protected readonly lists: readonly { key: ListKey; title: string; item: string }[] = [
    { key: 'emotions', title: 'Emotions', item: 'emotion' },
    { key: 'urges', title: 'Urges', item: 'urge' },
    { key: 'targets', title: 'Target behaviours (as agreed with your therapist)', item: 'target behaviour' },
  ];

  constructor() {
    // Start from the saved card whenever it (re)loads; edits stay local until "Save card".
    effect(() => {
      const c = this.store.config();
      if (c) this.config.set(structuredClone(c));
    });
    effect(() => this.time.set(this.store.reminder() ?? ''));
  }

  protected setLabel(key: ListKey, value: string): void {
    this.newLabel.update((l) => ({ ...l, [key]: value }));
  }

  protected add(key: ListKey): void {
    const label = this.newLabel()[key].trim().slice(0, 80);
    const c = this.config();
    if (!label || c[key].length >= 20) return;
    const id = itemId(
      label,
      c[key].map((i) => i.id),
    );
    const next: DiaryConfig =
      key === 'emotions'
        ? { ...c, emotions: [...c.emotions, { id, label }] }
        : key === 'urges'
          ? { ...c, urges: [...c.urges, { id, label, safetyCheck: false }] }
          : { ...c, targets: [...c.targets, { id, label, kind: this.newKind() }] };
    this.config.set(next);
    this.setLabel(key, '');
  }

  protected remove(key: ListKey, id: string): void {
    const c = this.config();
    this.config.set({ ...c, [key]: c[key].filter((i) => i.id !== id) } as DiaryConfig);
  }

  protected setSafetyCheck(id: string, safetyCheck: boolean): void {
    const c = this.config();
    this.config.set({ ...c, urges: c.urges.map((u) => (u.id === id ? { ...u, safetyCheck } : u)) });
  }

  protected async save(): Promise<void> {
    this.status.set(await this.store.saveConfig(this.config()));
  }

  protected async saveReminder(time: string | null): Promise<void> {
    this.reminderStatus.set(await this.store.saveReminder(time || null));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

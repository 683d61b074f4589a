import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ModelInfo, RecommendedModel } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';
import { BundleImport } from './bundle-import';
import { bytes, FIT_LABELS, params } from './format';
import { ManagedMarker } from './managed-marker';
import { PrivacyStore } from './privacy-store';
import { ProgressTracker } from './progress-tracker';

/** Settings → Models: what is installed, import from a path (USB stick), verify, remove, select, download. */
@Component({
  selector: 'app-models-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    BundleImport,
    ManagedMarker,
  ],
  templateUrl: './models-panel.html',
  styleUrl: './panels.scss',
})
export class ModelsPanel {
  private readonly api = inject(ApiClient);
  protected readonly privacy = inject(PrivacyStore);
  protected readonly progress = inject(ProgressTracker);
  protected readonly models = signal<ModelInfo[]>([]);
  protected readonly recommended = signal<RecommendedModel[]>([]);
  protected readonly busy = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly bars = computed(() => Object.values(this.progress.tasks()));
  protected readonly selectedId = computed(() => this.privacy.settings()?.localModelId ?? null);
  protected path = '';
  protected readonly bytes = bytes;
  protected readonly params = params;
  protected readonly fit = FIT_LABELS;

  constructor() {
    void this.refresh();
    void this.privacy.refresh();
  }

  protected async import(): Promise<void> {
    const path = this.path.trim();
    if (!path) return;
    await this.run('import', 'Importing and checking the model…', async () => {
      const r = await this.api.call('models.import', { path });
      if (r.ok) this.path = '';
      return r.ok ? `Imported ${r.value.name ?? r.value.fileName}.` : r.error.message;
    });
  }

  protected verify(m: ModelInfo): Promise<void> {
    return this.run(`verify:${m.id}`, 'Verifying…', async () => {
      const r = await this.api.call('models.verify', { id: m.id });
      if (!r.ok) return r.error.message;
      return r.value.ok ? 'The file is intact.' : 'The file does not match its recorded hash. Re-import it.';
    });
  }

  protected remove(m: ModelInfo): Promise<void> {
    return this.run(`remove:${m.id}`, 'Removing…', async () => {
      const r = await this.api.call('models.remove', { id: m.id });
      return r.ok ? 'Removed.' : r.error.message;
    });
  }

  protected select(m: ModelInfo): Promise<void> {
    return this.run(`select:${m.id}`, 'Selecting…', async () => {
      const r = await this.api.call('models.select', { id: m.id });
      await this.privacy.refresh();
      return r.ok ? `${m.name ?? m.fileName} will be used for chats on this computer.` : r.error.message;
    });
  }

  protected download(m: RecommendedModel): Promise<void> {
    return this.run(`download:${m.id}`, 'Downloading…', async () => {
      const r = await this.api.call('models.download', { id: m.id });
      return r.ok ? `Downloaded and verified ${m.name}.` : r.error.message;
    });
  }

  private async run(key: string, working: string, work: () => Promise<string>): Promise<void> {
    this.busy.set(key);
    this.status.set(working);
    try {
      this.status.set(await work());
    } finally {
      this.busy.set(null);
      await this.refresh();
    }
  }

  protected async refresh(): Promise<void> {
    const [list, rec] = await Promise.all([this.api.call('models.list', {}), this.api.call('models.recommended', {})]);
    if (list.ok) this.models.set(list.value);
    else this.status.set(list.error.message);
    if (rec.ok) this.recommended.set(rec.value);
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Conversation } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';

type Format = 'pdf' | 'markdown' | 'encrypted';
const FORMATS: Array<{ value: Format; text: string; ext: string }> = [
  { value: 'pdf', text: 'PDF (not encrypted)', ext: '.pdf' },
  { value: 'markdown', text: 'Markdown (not encrypted)', ext: '.md' },
  { value: 'encrypted', text: 'Encrypted (opens only in this vault)', ext: '.dbtc' },
];

/**
 * Settings → Export a conversation. PDF and Markdown are NOT encrypted: the warning is shown and the
 * export stays disabled until the person ticks that they understand (the main process checks it too).
 */
@Component({
  selector: 'app-export-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <section aria-labelledby="export-h">
      <h2 id="export-h">Export a conversation</h2>
      @if (conversations().length === 0) {
        <p class="hint">{{ emptyText() }}</p>
      } @else {
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Conversation</mat-label>
          <mat-select [value]="selected()" (selectionChange)="selected.set($event.value)">
            @for (c of conversations(); track c.id) {
              <mat-option [value]="c.id">{{ c.title || 'Untitled' }} · {{ when(c.updatedAt) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Format</mat-label>
          <mat-select [value]="format()" (selectionChange)="setFormat($event.value)">
            @for (f of formats; track f.value) {
              <mat-option [value]="f.value">{{ f.text }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (plaintext()) {
          <p class="warning" id="export-warn">
            <strong>This file is not encrypted.</strong> Anyone who can open it can read the whole conversation. Keep it
            somewhere private and delete it when you no longer need it.
          </p>
          <mat-checkbox [checked]="acknowledged()" (change)="acknowledged.set($event.checked)">
            I understand the file is not encrypted
          </mat-checkbox>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Save to (full file path ending in {{ ext() }})</mat-label>
          <input
            matInput
            name="export-path"
            maxlength="4096"
            autocomplete="off"
            [placeholder]="'/home/me/Documents/conversation' + ext()"
            [value]="path()"
            (input)="path.set($any($event.target).value)"
          />
        </mat-form-field>
        <button mat-flat-button type="button" [disabled]="!ready()" (click)="exportNow()">Export</button>
      }
      <p role="status" class="hint">{{ status() }}</p>
    </section>
  `,
  styles: `
    .wide {
      display: block;
      width: 100%;
    }
    .warning {
      padding: 0.75rem 1rem;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .hint {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ExportPanel {
  private readonly api = inject(ApiClient);
  protected readonly formats = FORMATS;
  protected readonly conversations = signal<Conversation[]>([]);
  protected readonly emptyText = signal('Loading your conversations…');
  protected readonly selected = signal<string | null>(null);
  protected readonly format = signal<Format>('pdf');
  protected readonly acknowledged = signal(false);
  protected readonly path = signal('');
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly plaintext = computed(() => this.format() !== 'encrypted');
  protected readonly ext = computed(() => FORMATS.find((f) => f.value === this.format())?.ext ?? '');
  protected readonly ready = computed(
    () => !!this.selected() && !!this.path().trim() && !this.busy() && (!this.plaintext() || this.acknowledged()),
  );

  constructor() {
    void this.load();
    // After "delete all history" (Settings → Security) the list must not offer conversations that are gone.
    this.api
      .on('progress')
      .pipe(takeUntilDestroyed())
      .subscribe((p) => {
        if (p.task === 'history.deleteAll' && p.fraction === 1) void this.load();
      });
  }

  protected when(at: number): string {
    return new Date(at).toLocaleDateString();
  }

  protected setFormat(value: Format): void {
    this.format.set(value);
    this.acknowledged.set(false);
  }

  protected async exportNow(): Promise<void> {
    const id = this.selected();
    if (!id || !this.ready()) return;
    this.busy.set(true);
    this.status.set('Exporting…');
    const r = await this.api.call('history.exportConversation', {
      id,
      format: this.format(),
      path: this.path().trim(),
      acknowledgePlaintext: this.plaintext() ? this.acknowledged() : undefined,
    });
    this.busy.set(false);
    this.status.set(
      r.ok
        ? `Saved ${r.value.encrypted ? 'an encrypted' : 'an unencrypted'} file to ${r.value.path}.`
        : r.error.message,
    );
  }

  private async load(): Promise<void> {
    const r = await this.api.call('history.listByDay', { tzOffsetMinutes: -new Date().getTimezoneOffset(), limit: 50 });
    if (!r.ok) {
      this.emptyText.set(r.error.code === 'LOCKED' ? 'Unlock your vault to export a conversation.' : r.error.message);
      return;
    }
    const all = [...r.value.pinned, ...r.value.days.flatMap((d) => d.conversations)];
    this.conversations.set(all);
    this.selected.set(all.find((c) => c.id === this.selected())?.id ?? all[0]?.id ?? null);
    this.emptyText.set('There are no saved conversations yet.');
  }
}

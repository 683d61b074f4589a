import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ChainFields } from '../../../../shared/api';
import { PdfExport } from '../clients/pdf-export';
import { LINK_KINDS, move, type LinkKind } from './chain-fields';
import { ChainStore } from './chain-store';

type TextKey = 'title' | 'problemBehaviour' | 'promptingEvent' | 'vulnerabilityFactors' | 'repair';

/** The chain analysis worksheet as a guided form: each part says what belongs there. */
@Component({
  selector: 'app-chain-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, PdfExport],
  templateUrl: './chain-form.html',
  styleUrl: './chain-form.scss',
})
export class ChainForm {
  protected readonly store = inject(ChainStore);
  protected readonly kinds = LINK_KINDS;
  protected readonly f = computed(() => this.store.editing()?.fields);
  protected readonly draftFrom = signal<string | null>(null);
  protected readonly guided: readonly { key: TextKey; label: string; help: string; rows: number }[] = [
    {
      key: 'problemBehaviour',
      label: 'Problem behaviour',
      help: 'What exactly did you do (or not do)? Be specific.',
      rows: 2,
    },
    {
      key: 'promptingEvent',
      label: 'Prompting event',
      help: 'What happened just before that set the chain going?',
      rows: 2,
    },
    {
      key: 'vulnerabilityFactors',
      label: 'What made me vulnerable',
      help: 'Sleep, hunger, illness, stress, earlier events: what made you more sensitive that day?',
      rows: 2,
    },
  ];

  protected text(key: TextKey, value: string): void {
    this.store.patch((f) => ({ ...f, [key]: value }));
  }

  protected link(i: number, change: Partial<{ kind: LinkKind; text: string }>): void {
    this.store.patch((f) => ({ ...f, links: f.links.map((l, j) => (j === i ? { ...l, ...change } : l)) }));
  }

  protected addLink(): void {
    this.store.patch((f) => ({ ...f, links: [...f.links, { kind: 'thought', text: '' }] }));
  }

  protected moveLink(i: number, delta: number): void {
    this.store.patch((f) => ({ ...f, links: move(f.links, i, delta) }));
  }

  protected removeLink(i: number): void {
    this.store.patch((f) => ({ ...f, links: f.links.filter((_, j) => j !== i) }));
  }

  protected consequence(key: keyof ChainFields['consequences'], value: string): void {
    this.store.patch((f) => ({ ...f, consequences: { ...f.consequences, [key]: value } }));
  }

  protected point(i: number, change: Partial<ChainFields['skillPoints'][number]>): void {
    this.store.patch((f) => ({
      ...f,
      skillPoints: f.skillPoints.map((p, j) => (j === i ? { ...p, ...change } : p)),
    }));
  }

  protected addPoint(): void {
    this.store.patch((f) => ({ ...f, skillPoints: [...f.skillPoints, { skillIds: [], text: '' }] }));
  }

  protected removePoint(i: number): void {
    this.store.patch((f) => ({ ...f, skillPoints: f.skillPoints.filter((_, j) => j !== i) }));
  }

  protected kindLabel(kind: LinkKind): string {
    return this.kinds.find((k) => k.kind === kind)?.label ?? kind;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { LowerCasePipe } from '@angular/common';
import { TextFieldModule } from '@angular/cdk/text-field';
import type { PlanSection } from './plan-sections';
import { SafetyPlanStore } from './safety-plan-store';

interface Row {
  readonly a: string;
  readonly b: string;
}

/** One section of the plan as an editable list: text rows, or two-field rows for people and places. */
@Component({
  selector: 'app-plan-section-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LowerCasePipe, MatButtonModule, MatFormFieldModule, MatInputModule, TextFieldModule],
  templateUrl: './plan-section-editor.html',
  styleUrl: './plan-section-editor.scss',
})
export class PlanSectionEditor {
  readonly section = input.required<PlanSection>();
  private readonly store = inject(SafetyPlanStore);

  /** Every section as rows of one or two strings, so the template has one shape to render. */
  protected readonly rows = computed<Row[]>(() => {
    const s = this.section();
    const plan = this.store.plan();
    if (s.kind === 'text') return plan[s.key].map((a) => ({ a, b: '' }));
    if (s.kind === 'contact') return plan[s.key].map((c) => ({ a: c.name, b: c.phone }));
    return plan.distractions.map((d) => ({ a: d.name, b: d.detail }));
  });
  protected readonly secondLabel = computed(() => {
    const kind = this.section().kind;
    return kind === 'contact' ? 'Phone or how to reach' : kind === 'distraction' ? 'Where or how' : '';
  });

  protected edit(index: number, field: 'a' | 'b', value: string): void {
    this.write(this.rows().map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  }

  protected add(): void {
    this.write([...this.rows(), { a: '', b: '' }]);
  }

  protected remove(index: number): void {
    this.write(this.rows().filter((_, i) => i !== index));
  }

  private write(rows: Row[]): void {
    const s = this.section();
    if (s.kind === 'text')
      this.store.update(
        s.key,
        rows.map((r) => r.a),
      );
    else if (s.kind === 'contact')
      this.store.update(
        s.key,
        rows.map((r) => ({ name: r.a, phone: r.b })),
      );
    else
      this.store.update(
        'distractions',
        rows.map((r) => ({ name: r.a, detail: r.b })),
      );
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { BreathingPacer } from './breathing-pacer';
import {
  clampStep,
  fillTemplate,
  isLastStep,
  ratingChange,
  stepLabel,
  type FlowValues,
  type PracticeFlow,
} from './flow-logic';
import { ScriptStep } from './script-step';
import { StepTimer } from './step-timer';

/** Walks a practice flow step by step, rendered entirely from the flow data. Nothing is saved. */
@Component({
  selector: 'app-practice-flow',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BreathingPacer,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ScriptStep,
    StepTimer,
  ],
  templateUrl: './practice-flow.html',
  styleUrl: './practice-flow.scss',
})
export class PracticeFlowView {
  readonly flow = input.required<PracticeFlow>();
  readonly finished = output<void>();

  protected readonly index = signal(0);
  protected readonly values = signal<FlowValues>({});
  protected readonly total = computed(() => this.flow().steps.length);
  protected readonly step = computed(() => this.flow().steps[clampStep(this.index(), this.total())]);
  protected readonly current = computed(() => {
    const s = this.step();
    return s ? [s] : [];
  });
  protected readonly position = computed(() => ({ index: this.index(), total: this.total() }));
  protected readonly label = computed(() => stepLabel(this.position()));
  protected readonly last = computed(() => isLastStep(this.position()));
  protected readonly change = computed(() => (this.last() ? ratingChange(this.values()) : null));
  protected readonly script = computed(() => {
    const s = this.step();
    return s?.kind === 'script' ? fillTemplate(s.template, this.values()) : '';
  });
  private readonly heading = viewChild<ElementRef<HTMLElement>>('stepHeading');
  private readonly injector = inject(Injector);

  protected value(key: string): string {
    return this.values()[key] ?? '';
  }

  protected set(key: string, value: string): void {
    this.values.update((v) => ({ ...v, [key]: value }));
  }

  protected range(min: number, max: number): number[] {
    return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  }

  protected go(delta: number): void {
    this.index.set(clampStep(this.index() + delta, this.total()));
    // Move focus to the new step's heading so keyboard and screen-reader users start at the top of it.
    afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
  }
}

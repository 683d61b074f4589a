import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';

/** A 0–N segmented picker: one tab stop, arrow keys move between numbers (Material's toggle group). */
@Component({
  selector: 'app-rating-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonToggleModule],
  template: `
    <div class="picker">
      <span class="label" [id]="id() + '-label'">{{ label() }}</span>
      <mat-button-toggle-group
        hideSingleSelectionIndicator
        [attr.aria-labelledby]="id() + '-label'"
        [value]="value()"
        (change)="changed.emit($event.value)"
      >
        @for (n of numbers(); track n) {
          <mat-button-toggle [value]="n" [attr.data-rating]="n">{{ n }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      @if (hint()) {
        <span class="hint">{{ hint() }}</span>
      }
    </div>
  `,
  styles: `
    .picker {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin: 0.25rem 0;
    }
    .label {
      min-width: 8rem;
      font: var(--mat-sys-body-large);
    }
    mat-button-toggle-group {
      --mat-button-toggle-height: 40px;
    }
    .hint {
      flex-basis: 100%;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class RatingPicker {
  readonly id = input.required<string>();
  readonly label = input.required<string>();
  readonly value = input<number | null>(null);
  readonly max = input(5);
  readonly hint = input('');
  readonly changed = output<number>();
  protected readonly numbers = computed(() => Array.from({ length: this.max() + 1 }, (_, i) => i));
}

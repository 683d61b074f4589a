import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/**
 * The one passphrase input of the vault screens. A component of its own so every screen gets the same
 * limits and autocomplete hints: password managers must see "current" versus "new", and the length cap
 * matches the main process's (a longer paste would be refused there anyway).
 */
@Component({
  selector: 'app-passphrase-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="password"
        [name]="name()"
        [autocomplete]="autocomplete()"
        maxlength="1024"
        [value]="value()"
        [required]="required()"
        (input)="value.set($any($event.target).value)"
      />
      @if (hint(); as h) {
        <mat-hint>{{ h }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class PassphraseField {
  readonly label = input.required<string>();
  readonly name = input.required<string>();
  readonly autocomplete = input<'current-password' | 'new-password'>('current-password');
  readonly hint = input<string>('');
  readonly required = input(false);
  readonly value = model('');
}

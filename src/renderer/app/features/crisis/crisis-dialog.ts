import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import type { SafetyPlan } from '../../../../shared/api/journal-schemas';
import { ApiClient } from '../../core/api-client';
import { dialHref, guessCountry, type CountryContacts } from './crisis-contacts';
import { SafetyPlanSource } from './safety-plan-source';

/**
 * The calm full-screen view shown the moment a message is classified as crisis. It cannot be closed by
 * Escape, the backdrop or one stray tap: leaving takes ticking "I'm safe right now" and then a button.
 * Contacts are shipped offline; the plan is the user's own, from the encrypted journal.
 */
@Component({
  selector: 'app-crisis-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatDialogModule, RouterLink],
  templateUrl: './crisis-dialog.html',
  styleUrl: './crisis-dialog.scss',
})
export class CrisisDialog {
  private readonly api = inject(ApiClient);
  private readonly ref = inject<MatDialogRef<CrisisDialog, 'safe'>>(MatDialogRef);
  protected readonly contacts = signal<CountryContacts | null>(null);
  protected readonly countries = signal<string[]>([]);
  protected readonly country = signal(guessCountry());
  protected readonly plan = signal<SafetyPlan | null>(null);
  protected readonly planLoaded = signal(false);
  protected readonly safe = signal(false);
  protected readonly dialHref = dialHref;

  constructor() {
    void this.loadContacts(this.country());
    void inject(SafetyPlanSource)
      .load()
      .then((plan) => {
        this.plan.set(plan);
        this.planLoaded.set(true);
      });
  }

  protected async loadContacts(country: string): Promise<void> {
    this.country.set(country);
    const r = await this.api.call('coach.crisisContacts', { country });
    if (!r.ok) return;
    this.contacts.set(r.value.contacts);
    this.countries.set(r.value.countries);
  }

  protected leave(): void {
    if (this.safe()) this.ref.close('safe');
  }
}

import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { PdfExport } from '../clients/pdf-export';
import { JournalNotice } from '../diary/journal-notice';
import { PlanSectionEditor } from './plan-section-editor';
import { PLAN_SECTIONS } from './plan-sections';
import { SafetyPlanStore } from './safety-plan-store';

/**
 * The safety plan: the six Stanley–Brown steps plus reasons for living, saved encrypted in the vault.
 * Printing uses a read-only copy of the plan and a print stylesheet that hides the app frame.
 * (ViewEncapsulation.None so the print rules can reach the frame; every rule is scoped under .sp-.)
 */
@Component({
  selector: 'app-safety-plan-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, JournalNotice, MatButtonModule, MatProgressBarModule, PdfExport, PlanSectionEditor],
  providers: [SafetyPlanStore],
  templateUrl: './safety-plan-page.html',
  styleUrl: './safety-plan-page.scss',
})
export default class SafetyPlanPage {
  protected readonly store = inject(SafetyPlanStore);
  protected readonly sections = PLAN_SECTIONS;

  constructor() {
    void this.store.load();
  }

  protected print(): void {
    window.print();
  }
}

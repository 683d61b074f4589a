import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PacketItem } from '../../../../shared/api';
import { longDay } from '../diary/diary-dates';
import { buildWeekGrid } from '../diary/week-grid';
import { LINK_KINDS } from '../chain/chain-fields';
import { PLAN_SECTIONS } from '../safety-plan/plan-sections';

/** A client's packet, read-only: text is interpolated, never bound as HTML. */
@Component({
  selector: 'app-packet-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  templateUrl: './packet-view.html',
  styleUrl: './packet-view.scss',
})
export class PacketView {
  readonly items = input.required<readonly PacketItem[]>();
  protected readonly sections = PLAN_SECTIONS;
  protected readonly long = longDay;

  protected grid(item: Extract<PacketItem, { kind: 'diaryWeek' }>) {
    return buildWeekGrid(item.config, item.days, (id) => id);
  }

  protected kindLabel(kind: string): string {
    return LINK_KINDS.find((k) => k.kind === kind)?.label ?? kind;
  }

  protected planList(item: Extract<PacketItem, { kind: 'safetyPlan' }>, key: string): string[] {
    const plan = item.plan;
    switch (key) {
      case 'helpers':
      case 'professionals':
        return plan[key].map((c) => [c.name, c.phone].filter(Boolean).join(' — '));
      case 'distractions':
        return plan.distractions.map((d) => [d.name, d.detail].filter(Boolean).join(' — '));
      case 'warningSigns':
      case 'copingStrategies':
      case 'saferEnvironment':
      case 'reasonsForLiving':
        return plan[key];
      default:
        return [];
    }
  }
}

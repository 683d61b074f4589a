import type { HandoffItem } from '../../../../shared/api';
import { isDate, mondayOf } from '../diary/diary-dates';

export interface ItemChoice {
  readonly week: string;
  readonly includeWeek: boolean;
  readonly includePlan: boolean;
  readonly chainIds: readonly string[];
}

/** The items a packet carries, in a stable order; a week is always sent from its Monday. */
export function chosenItems(c: ItemChoice): HandoffItem[] {
  const items: HandoffItem[] = [];
  if (c.includeWeek && isDate(c.week)) items.push({ kind: 'diaryWeek', start: mondayOf(c.week) });
  for (const id of new Set(c.chainIds)) items.push({ kind: 'chain', id });
  if (c.includePlan) items.push({ kind: 'safetyPlan' });
  return items.slice(0, 20);
}

import type { Conversation } from '../../../../shared/api';
import { dayLabel } from '../history/day-label';

export interface DayGroup {
  readonly day: string;
  readonly conversations: readonly Conversation[];
}

export interface Section {
  readonly key: string;
  readonly label: string;
  readonly conversations: readonly Conversation[];
}

/**
 * Merges a further page of day groups into what is shown. A page boundary can split one day, so the
 * same day key is joined rather than listed twice, and a conversation seen twice keeps its first place.
 */
export function mergeDays(shown: readonly DayGroup[], page: readonly DayGroup[]): DayGroup[] {
  const seen = new Set(shown.flatMap((g) => g.conversations.map((c) => c.id)));
  const out = shown.map((g) => ({ day: g.day, conversations: [...g.conversations] }));
  for (const g of page) {
    const fresh = g.conversations.filter((c) => !seen.has(c.id));
    fresh.forEach((c) => seen.add(c.id));
    if (fresh.length === 0) continue;
    const same = out.find((o) => o.day === g.day);
    if (same) same.conversations.push(...fresh);
    else out.push({ day: g.day, conversations: fresh });
  }
  return out;
}

/** Sidebar sections: Pinned first, then Today / Yesterday / dates, newest day first; empty ones dropped. */
export function toSections(
  pinned: readonly Conversation[],
  days: readonly DayGroup[],
  now: Date = new Date(),
  locale?: string,
): Section[] {
  const pinnedIds = new Set(pinned.map((c) => c.id));
  const sections: Section[] = [];
  if (pinned.length > 0) sections.push({ key: 'pinned', label: 'Pinned', conversations: pinned });
  const sorted = [...days].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  for (const g of sorted) {
    const conversations = g.conversations.filter((c) => !pinnedIds.has(c.id));
    if (conversations.length > 0) sections.push({ key: g.day, label: dayLabel(g.day, now, locale), conversations });
  }
  return sections;
}

/** Drops a conversation everywhere (after delete) without another round trip. */
export function withoutConversation(days: readonly DayGroup[], id: string): DayGroup[] {
  return days
    .map((g) => ({ day: g.day, conversations: g.conversations.filter((c) => c.id !== id) }))
    .filter((g) => g.conversations.length > 0);
}

/**
 * Labels for the sidebar's day keys (YYYY-MM-DD, computed by the main process in the user's
 * offset): Today, Yesterday, else a local date. Pure, so the chat screen and tests share it.
 */
export function localDayKey(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function dayLabel(day: string, now: Date = new Date(), locale?: string): string {
  if (day === localDayKey(now)) return 'Today';
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day === localDayKey(yesterday)) return 'Yesterday';
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** The offset the contract wants: minutes east of UTC. */
export const tzOffsetMinutes = (date: Date = new Date()): number => -date.getTimezoneOffset();

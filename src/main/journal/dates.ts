/** Calendar arithmetic on YYYY-MM-DD strings in UTC, so a day never shifts with the machine's timezone. */

const DAY_MS = 86_400_000;

export const toTime = (date: string): number => Date.parse(`${date}T00:00:00Z`);
export const fromTime = (t: number): string => new Date(t).toISOString().slice(0, 10);
export const addDays = (date: string, n: number): string => fromTime(toTime(date) + n * DAY_MS);
export const daysBetween = (from: string, to: string): number => Math.round((toTime(to) - toTime(from)) / DAY_MS);

/** The Monday on or before `date` (DBT diary cards usually run a week; ISO weeks start on Monday). */
export function mondayOf(date: string): string {
  const dow = new Date(toTime(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

export const monthOf = (date: string): string => date.slice(0, 7);

export function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return fromTime(Date.UTC(y, m, 0));
}

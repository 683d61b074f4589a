/**
 * Calendar arithmetic on YYYY-MM-DD strings, done in UTC so a day never shifts with the timezone.
 * Only "today" reads the local clock, because a diary day is the person's own calendar day.
 */
const DAY_MS = 86_400_000;
const toTime = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromTime = (t: number): string => new Date(t).toISOString().slice(0, 10);

export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && fromTime(toTime(s)) === s;

export const addDays = (date: string, n: number): string => fromTime(toTime(date) + n * DAY_MS);

/** The Monday on or before `date`, like the week the main process reports. */
export function mondayOf(date: string): string {
  const dow = new Date(toTime(date)).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

export const weekDates = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 3" for column headers. */
export function shortDay(date: string): string {
  const d = new Date(toTime(date));
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()}`;
}

/** "Mon 3 Mar 2025" for headings and accessible names. */
export function longDay(date: string): string {
  const d = new Date(toTime(date));
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The daily diary-card reminder. Pure: the clock, the timer and the vault are passed in, so a spec
 * can drive it with a fake clock across days, DST changes and clock jumps.
 *
 * Rules (the contract; the specs next to this file check each one):
 * - It compares local wall-clock time with the chosen "HH:MM" on every check (once a minute), not a
 *   precomputed instant, so DST shifts, time-zone changes and the user changing the clock just move
 *   the wall clock it reads. A time skipped by a spring-forward (02:30) fires at the first check after it.
 * - At most once per local date: the date it fired on is remembered inside the vault, so a
 *   fall-back hour, a lock/unlock or a restart does not repeat it.
 * - A missed reminder (app closed, machine asleep, vault locked at the time) is still given within
 *   CATCH_UP_MINUTES of the chosen time, never later and never on another day.
 * - Locked vault: nothing fires. The chosen time and whether today's card is done live inside the
 *   encrypted vault, and on a shared machine a reminder would tell the next person someone here keeps
 *   a diary card. The reminder text never carries content either way.
 * - Not when today's card already has an entry; not when the reminder is off.
 * - The admin policy has no notification setting: the reminder is the person's own choice, off until
 *   they set a time, and it carries no content, so nothing in it needs a clinic-wide switch.
 */

export const CHECK_INTERVAL_MS = 60_000;
export const CATCH_UP_MINUTES = 60;

/** What the scheduler reads from the unlocked vault; `null` from `read` means locked. */
export interface ReminderSource {
  read(date: string): { time: string | null; filled: boolean; lastFired: string | null } | null;
  markFired(date: string): void;
}

export interface ReminderClock {
  now(): number;
  /** The local time zone, read on every check so a zone change is picked up. */
  timeZone(): string;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemClock: ReminderClock = {
  now: () => Date.now(),
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    // A reminder must never keep the process (a CLI run, a test) alive on its own.
    h.unref();
    return h;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/** Local calendar date and minutes since local midnight at `t` in `timeZone`. */
export function localWallClock(t: number, timeZone: string): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether a check at wall clock `now` should raise the reminder (the pure core of the rules above). */
export function isDue(
  now: { date: string; minutes: number },
  state: { time: string | null; filled: boolean; lastFired: string | null },
): boolean {
  const m = state.time === null ? null : TIME.exec(state.time);
  if (!m || state.filled || state.lastFired === now.date) return false;
  const late = now.minutes - (Number(m[1]) * 60 + Number(m[2]));
  return late >= 0 && late < CATCH_UP_MINUTES;
}

export class ReminderScheduler {
  private handle: unknown = null;

  constructor(
    private readonly source: ReminderSource,
    private readonly fire: (date: string) => void,
    private readonly clock: ReminderClock = systemClock,
  ) {}

  start(): void {
    if (this.handle !== null) return;
    this.handle = this.clock.setInterval(() => this.check(), CHECK_INTERVAL_MS);
  }

  stop(): void {
    if (this.handle === null) return;
    this.clock.clearInterval(this.handle);
    this.handle = null;
  }

  /** One check; also called right after unlock so a reminder due now does not wait a minute. */
  check(): boolean {
    try {
      const now = localWallClock(this.clock.now(), this.clock.timeZone());
      const state = this.source.read(now.date);
      if (state === null || !isDue(now, state)) return false;
      this.source.markFired(now.date);
      this.fire(now.date);
      return true;
    } catch {
      // A locked or closing store, a bad zone: skip this check, the next one tries again.
      return false;
    }
  }
}

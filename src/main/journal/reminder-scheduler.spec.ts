import { afterEach, describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  ReminderScheduler,
  isDue,
  localWallClock,
  type ReminderClock,
  type ReminderSource,
} from './reminder-scheduler';
import { storeReminderSource } from './reminder-source';
import { entry, harness, type Harness } from './test-support';

/** A clock the spec moves by hand; the interval callback runs once per simulated minute. */
class FakeClock implements ReminderClock {
  private tick: (() => void) | null = null;
  constructor(
    public t: number,
    public tz = 'Europe/London',
  ) {}
  now = () => this.t;
  timeZone = () => this.tz;
  setInterval = (fn: () => void, ms: number) => {
    expect(ms).toBe(CHECK_INTERVAL_MS);
    this.tick = fn;
    return 1;
  };
  clearInterval = () => {
    this.tick = null;
  };
  get running() {
    return this.tick !== null;
  }
  /** Moves time forward minute by minute, running the check each minute like the real timer. */
  advance(ms: number): void {
    for (let left = ms; left > 0; left -= CHECK_INTERVAL_MS) {
      this.t += Math.min(CHECK_INTERVAL_MS, left);
      this.tick?.();
    }
  }
}

class FakeSource implements ReminderSource {
  time: string | null = '20:00';
  filled = new Set<string>();
  lastFired: string | null = null;
  locked = false;
  read(date: string) {
    if (this.locked) return null;
    return { time: this.time, filled: this.filled.has(date), lastFired: this.lastFired };
  }
  markFired(date: string) {
    this.lastFired = date;
  }
}

const H = 3_600_000;
const setup = (start: string, tz = 'Europe/London') => {
  const clock = new FakeClock(Date.parse(start), tz);
  const source = new FakeSource();
  const fired: string[] = [];
  const scheduler = new ReminderScheduler(source, (d) => fired.push(d), clock);
  scheduler.start();
  return { clock, source, fired, scheduler };
};

describe('localWallClock / isDue', () => {
  it('reads the local date and minutes in the given zone', () => {
    expect(localWallClock(Date.parse('2026-07-01T23:30:00Z'), 'Europe/London')).toEqual({
      date: '2026-07-02',
      minutes: 30,
    });
    expect(localWallClock(Date.parse('2026-07-01T23:30:00Z'), 'America/New_York')).toEqual({
      date: '2026-07-01',
      minutes: 19 * 60 + 30,
    });
  });

  it('is due only inside the catch-up hour after the chosen time', () => {
    const s = { time: '20:00', filled: false, lastFired: null };
    expect(isDue({ date: '2026-01-05', minutes: 19 * 60 + 59 }, s)).toBe(false);
    expect(isDue({ date: '2026-01-05', minutes: 20 * 60 }, s)).toBe(true);
    expect(isDue({ date: '2026-01-05', minutes: 20 * 60 + 59 }, s)).toBe(true);
    expect(isDue({ date: '2026-01-05', minutes: 21 * 60 }, s)).toBe(false);
  });

  it.each([null, '', '24:00', '7:30', '20:00; drop', '\u0000'])('never fires for a bad or missing time %j', (time) => {
    expect(isDue({ date: '2026-01-05', minutes: 20 * 60 }, { time, filled: false, lastFired: null })).toBe(false);
  });
});

describe('ReminderScheduler with a fake clock', () => {
  it('fires once a day at the chosen local time', () => {
    const { clock, fired } = setup('2026-01-05T12:00:00Z');
    clock.advance(7 * 24 * H);
    expect(fired).toEqual([
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
    ]);
  });

  it('fires at 20:00 local, not 20:00 UTC', () => {
    const { clock, fired } = setup('2026-01-05T12:00:00Z', 'America/New_York');
    clock.advance(8 * H); // 20:00 UTC = 15:00 in New York
    expect(fired).toEqual([]);
    clock.advance(5 * H); // 01:00 UTC = 20:00 in New York
    expect(fired).toEqual(['2026-01-05']);
  });

  it('does not fire when today is already filled in, and fires again the next day', () => {
    const { clock, source, fired } = setup('2026-01-05T12:00:00Z');
    source.filled.add('2026-01-05');
    clock.advance(36 * H);
    expect(fired).toEqual(['2026-01-06']);
  });

  it('is off when the reminder is disabled, and stops with stop()', () => {
    const { clock, source, fired, scheduler } = setup('2026-01-05T12:00:00Z');
    source.time = null;
    clock.advance(48 * H);
    expect(fired).toEqual([]);
    source.time = '20:00';
    scheduler.stop();
    expect(clock.running).toBe(false);
    clock.advance(48 * H);
    expect(fired).toEqual([]);
  });

  it('stays quiet while locked and catches up within the hour after unlock, once', () => {
    const { clock, source, fired, scheduler } = setup('2026-01-05T19:00:00Z');
    source.locked = true;
    clock.advance(1.5 * H); // 20:30, locked the whole time
    expect(fired).toEqual([]);
    source.locked = false;
    expect(scheduler.check()).toBe(true); // the unlock hook checks at once
    clock.advance(H);
    expect(fired).toEqual(['2026-01-05']);
  });

  it('does not deliver a reminder missed by more than the catch-up hour', () => {
    const { clock, source, fired } = setup('2026-01-05T19:00:00Z');
    source.locked = true;
    clock.advance(2 * H); // 21:00
    source.locked = false;
    clock.advance(2 * H);
    expect(fired).toEqual([]);
  });

  it('spring forward: a time inside the skipped hour still fires that day', () => {
    // Europe/London jumps 01:00 → 02:00 on 2026-03-29; 01:30 never happens on the wall clock.
    const { clock, source, fired } = setup('2026-03-28T12:00:00Z');
    source.time = '01:30';
    clock.advance(48 * H);
    expect(fired).toEqual(['2026-03-29', '2026-03-30']);
  });

  it('fall back: the repeated hour does not fire twice', () => {
    // Europe/London repeats 01:00–02:00 on 2026-10-25.
    const { clock, source, fired } = setup('2026-10-24T12:00:00Z');
    source.time = '01:15';
    clock.advance(48 * H);
    expect(fired).toEqual(['2026-10-25', '2026-10-26']);
  });

  it('a clock set back after firing does not fire again; a jump forward a day fires for the new day', () => {
    const { clock, fired } = setup('2026-01-05T19:59:00Z');
    clock.advance(2 * 60_000);
    expect(fired).toEqual(['2026-01-05']);
    clock.t -= 30 * 60_000; // user sets the clock back half an hour
    clock.advance(2 * H);
    expect(fired).toEqual(['2026-01-05']);
    clock.t += 23 * H; // jumps to 20:31 the next evening
    clock.advance(10 * 60_000);
    expect(fired).toEqual(['2026-01-05', '2026-01-06']);
  });

  it('a time-zone change is read on the next check', () => {
    const { clock, fired } = setup('2026-01-05T19:30:00Z', 'Europe/London'); // 19:30 London
    clock.tz = 'Europe/Berlin'; // now 20:30 local
    clock.advance(60_000);
    expect(fired).toEqual(['2026-01-05']);
  });

  it('a throwing source skips the check instead of crashing the main process', () => {
    const clock = new FakeClock(Date.parse('2026-01-05T20:00:00Z'));
    const fired: string[] = [];
    const broken: ReminderSource = {
      read: () => {
        throw new Error('database closing');
      },
      markFired: () => undefined,
    };
    const s = new ReminderScheduler(broken, (d) => fired.push(d), clock);
    expect(s.check()).toBe(false);
    const badZone = new ReminderScheduler(new FakeSource(), (d) => fired.push(d), {
      ...clock,
      timeZone: () => 'Nowhere/Else',
    });
    expect(badZone.check()).toBe(false);
    expect(fired).toEqual([]);
  });
});

describe('storeReminderSource on a real encrypted store', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  it('reads the time, whether the day is filled in, and remembers the day it fired', () => {
    h = harness();
    const source = storeReminderSource(() => h.store);
    expect(source.read('2026-01-05')).toEqual({ time: null, filled: false, lastFired: null });
    h.service.setReminder('20:00');
    h.service.saveDay(entry('2026-01-05'));
    source.markFired('2026-01-06');
    expect(source.read('2026-01-05')).toEqual({ time: '20:00', filled: true, lastFired: '2026-01-06' });
    expect(source.read('2026-01-06')?.filled).toBe(false);
  });

  it('answers null while the vault is locked', () => {
    h = harness();
    let locked = false;
    const source = storeReminderSource(() => {
      if (locked) throw new Error('LOCKED');
      return h.store;
    });
    locked = true;
    expect(source.read('2026-01-05')).toBeNull();
    expect(() => source.markFired('2026-01-05')).not.toThrow();
  });
});

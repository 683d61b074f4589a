import { dayLabel, localDayKey } from './day-label';

describe('dayLabel', () => {
  const now = new Date(2025, 4, 10, 9, 30);
  it('labels today and yesterday', () => {
    expect(dayLabel(localDayKey(now), now)).toBe('Today');
    expect(dayLabel('2025-05-09', now)).toBe('Yesterday');
  });
  it('labels older days with a date, and the year only when it differs', () => {
    expect(dayLabel('2025-05-01', now, 'en-GB')).not.toMatch(/2025/);
    expect(dayLabel('2024-05-01', now, 'en-GB')).toMatch(/2024/);
  });
  it('handles month boundaries for yesterday', () => {
    expect(dayLabel('2025-04-30', new Date(2025, 4, 1, 0, 5))).toBe('Yesterday');
  });
});

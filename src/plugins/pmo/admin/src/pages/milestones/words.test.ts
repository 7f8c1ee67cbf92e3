import { milestoneStatus, monthStarts, timeScale, varianceWords } from './words';

describe('milestones in words', () => {
  it('says the variance as a person would', () => {
    expect(varianceWords(14)).toBe('14 days late');
    expect(varianceWords(-1)).toBe('1 day early');
    expect(varianceWords(0)).toBe('on its baseline');
    expect(varianceWords(null)).toBe('no baseline');
  });

  it('says why a milestone is late, in words, never a key', () => {
    const base = { actualDate: null, forecastDate: '2026-04-14', varianceDays: 14 };
    expect(milestoneStatus({ ...base, lateReasons: ['slipped'] })).toBe('Late: slipped 14 days past its baseline');
    expect(milestoneStatus({ ...base, lateReasons: ['slipped', 'overdue'] })).toBe('Late: slipped 14 days past its baseline; not achieved by its forecast of 14 Apr 2026');
    expect(milestoneStatus({ ...base, varianceDays: 0, lateReasons: [] })).toBe('On track');
    expect(milestoneStatus({ ...base, actualDate: '2026-04-10', varianceDays: 0, lateReasons: [] })).toBe('Achieved on 10 Apr 2026');
  });

  it('lays days out on a line and lists the months to label', () => {
    const x = timeScale('2026-01-15', '2026-02-14', 0, 100);
    expect(x('2026-01-01')).toBe(0);
    expect(x('2026-02-28')).toBe(100);
    expect(monthStarts('2025-11-20', '2026-02-03')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
  });
});

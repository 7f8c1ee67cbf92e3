import { varianceDays, lateReasons } from '../../../../shared/contracts/milestones';
import { forecastOn, readingDay, slipTrendOf, trendMonths, type ForecastRecord } from './trend';

const record = (id: number, milestoneDocumentId: string, recordedOn: string, forecastDate: string | null): ForecastRecord => ({ id, milestoneDocumentId, recordedOn, forecastDate });
const row = (documentId: string, forecastDate: string | null) => ({ documentId, name: documentId, baselineDate: '2026-03-31', forecastDate, actualDate: null, varianceDays: null });

describe('schedule variance and lateness', () => {
  it('is (actual, else forecast) − baseline in calendar days', () => {
    expect(varianceDays('2026-03-31', '2026-04-14', null)).toBe(14);
    expect(varianceDays('2026-03-31', '2026-04-14', '2026-03-30')).toBe(-1);
    // Across the change to summer time and a leap day: whole calendar days.
    expect(varianceDays('2028-02-28', '2028-03-27', null)).toBe(28);
    expect(varianceDays(null, '2026-04-14', null)).toBeNull();
    expect(varianceDays('2026-03-31', null, null)).toBeNull();
  });

  it('calls a milestone late when it slipped past its baseline, or is not achieved and past its forecast', () => {
    expect(lateReasons({ baselineDate: '2026-03-31', forecastDate: '2026-04-14', actualDate: null }, '2026-03-01')).toEqual(['slipped']);
    expect(lateReasons({ baselineDate: '2026-03-31', forecastDate: '2026-03-31', actualDate: null }, '2026-04-01')).toEqual(['overdue']);
    expect(lateReasons({ baselineDate: '2026-03-31', forecastDate: '2026-04-14', actualDate: null }, '2026-05-01')).toEqual(['slipped', 'overdue']);
    // Achieved on time: on track, whatever the day.
    expect(lateReasons({ baselineDate: '2026-03-31', forecastDate: '2026-03-31', actualDate: '2026-03-30' }, '2026-05-01')).toEqual([]);
    // Achieved late: slipped, not overdue.
    expect(lateReasons({ baselineDate: '2026-03-31', forecastDate: '2026-03-31', actualDate: '2026-04-02' }, '2026-05-01')).toEqual(['slipped']);
  });
});

describe('slip trend', () => {
  const records = [
    record(1, 'a', '2026-01-10', '2026-03-31'),
    record(2, 'a', '2026-02-20', '2026-04-14'),
    record(4, 'a', '2026-02-20', '2026-04-30'), // the same day, entered later: it stands
    record(3, 'b', '2026-03-05', '2026-06-30'),
    record(5, 'a', '2026-04-02', '2026-05-15'),
  ];

  it('runs from the first recorded month to the month of asOf, that month read at asOf', () => {
    expect(trendMonths(records, '2026-04-01')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(trendMonths([], '2026-04-01')).toEqual(['2026-04']);
    expect(readingDay('2026-02', '2026-04-01')).toBe('2026-02-28');
    expect(readingDay('2026-04', '2026-04-01')).toBe('2026-04-01');
  });

  it('answers each milestone’s forecast as of each month end, the last one recorded on or before it', () => {
    const trend = slipTrendOf([row('a', '2026-04-30'), row('b', '2026-06-30')], records, '2026-04-01');
    expect(trend.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(trend.milestones[0].forecasts.map((f) => f.forecast)).toEqual(['2026-03-31', '2026-04-30', '2026-04-30', '2026-04-30']);
    // b was first forecast in March; the record of 2 April is after asOf for a.
    expect(trend.milestones[1].forecasts.map((f) => f.forecast)).toEqual([null, null, '2026-06-30', '2026-06-30']);
  });

  it('reads a later asOf with the later record', () => {
    const trend = slipTrendOf([row('a', '2026-05-15')], records, '2026-04-30');
    expect(trend.milestones[0].forecasts.at(-1)).toEqual({ month: '2026-04', forecast: '2026-05-15' });
    expect(forecastOn([], '2026-04-30')).toBeNull();
  });
});

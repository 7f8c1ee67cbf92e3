import { parseIsoDate } from '../platform/dates';
import { MAX_SERIES_MONTHS, baselineAt, sCurve, seriesMonths, type SCurveFacts } from './s-curve';

const day = (text: string) => parseIsoDate(text)!;
const m = (minor: number | string) => BigInt(minor);

// A programme of two projects (amounts in minor units):
// P1: budget Jan 1,000.00, Feb 2,000.00, Mar 3,000.00 (BAC 6,000.00); 10 % in January, 40 % in February.
// P2: budget Feb 0.10, Mar 0.20 (BAC 0.30); 50 % in March.
// Costs: Jan 500.00, Feb 2,500.00, Mar (up to asOf) 100.00. Projects run January to April.
const programme: SCurveFacts = {
  planned: [
    { projectId: 1, month: '2026-01', amount: m(100000) },
    { projectId: 1, month: '2026-02', amount: m(200000) },
    { projectId: 1, month: '2026-03', amount: m(300000) },
    { projectId: 2, month: '2026-02', amount: m(10) },
    { projectId: 2, month: '2026-03', amount: m(20) },
  ],
  costs: [
    { month: '2026-01', amount: m(50000) },
    { month: '2026-02', amount: m(250000) },
    { month: '2026-03', amount: m(10000) },
  ],
  progress: [
    { projectId: 1, month: '2026-01', percentComplete: 10 },
    { projectId: 1, month: '2026-02', percentComplete: 40 },
    { projectId: 2, month: '2026-03', percentComplete: 50 },
  ],
  span: { start: '2026-01-01', end: '2026-04-30' },
};

describe('S-curve series', () => {
  it('gives PV, EV and AC at each month end, asOf in its own month, PV only after it', () => {
    const { points } = sCurve(programme, day('2026-03-10'));
    expect(points).toEqual([
      { month: '2026-01', date: '2026-01-31', pv: '1000.00', ev: '600.00', ac: '500.00' },
      { month: '2026-02', date: '2026-02-28', pv: '3000.10', ev: '2400.00', ac: '3000.00' },
      // PV: 3,000.10 + 3,000.20 × 10/31 = 3,967.906…; EV: 40 % of 6,000.00 + 50 % of 0.30.
      { month: '2026-03', date: '2026-03-10', pv: '3967.91', ev: '2400.15', ac: '3100.00' },
      { month: '2026-04', date: '2026-04-30', pv: '6000.30', ev: null, ac: null },
    ]);
  });

  it('answers the figures as of asOf, EAC included, derived from the sums', () => {
    const { figures } = sCurve(programme, day('2026-03-10'));
    // CPI 2,400.15 / 3,100.00 = 0.7742; EAC = BAC / CPI = 6,000.30 × 3,100 / 2,400.15.
    expect(figures).toMatchObject({ bac: '6000.30', pv: '3967.91', ev: '2400.15', ac: '3100.00', cpi: 0.7742, eac: '7749.90' });
  });

  it('draws a month that ends on asOf at its end', () => {
    const { points } = sCurve(programme, day('2026-03-31'));
    expect(points[2]).toEqual({ month: '2026-03', date: '2026-03-31', pv: '6000.30', ev: '2400.15', ac: '3100.00' });
  });

  it("sums the projects' exact EV before rounding: two halves of a cent make one cent, not two", () => {
    const facts: SCurveFacts = {
      planned: [
        { projectId: 1, month: '2026-01', amount: m(1) },
        { projectId: 2, month: '2026-01', amount: m(1) },
      ],
      costs: [],
      progress: [
        { projectId: 1, month: '2026-01', percentComplete: 50 },
        { projectId: 2, month: '2026-01', percentComplete: 50 },
      ],
      span: { start: null, end: null },
    };
    expect(sCurve(facts, day('2026-01-31')).points).toEqual([{ month: '2026-01', date: '2026-01-31', pv: '0.02', ev: '0.01', ac: '0.00' }]);
  });

  it('keeps the latest progress of earlier months for a project with no report this month', () => {
    const base = baselineAt(programme, day('2026-02-28'));
    expect(base.ev).toEqual({ n: m(240000), d: m(1) });
  });
});

describe('the months a series draws', () => {
  const empty: SCurveFacts = { planned: [], costs: [], progress: [], span: { start: null, end: null } };

  it("spans the projects' dates, budget and costs", () => {
    const facts = { ...empty, planned: [{ projectId: 1, month: '2026-05', amount: m(1) }], costs: [{ month: '2025-11', amount: m(1) }], span: { start: '2026-01-15', end: '2026-08-31' } };
    expect(seriesMonths(facts, day('2026-03-10'))).toEqual([
      '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08',
    ]);
  });

  it('draws the year up to asOf when there is nothing yet', () => {
    const months = seriesMonths(empty, day('2026-03-10'));
    expect([months.length, months[0], months[11]]).toEqual([12, '2025-04', '2026-03']);
  });

  it(`draws at most ${MAX_SERIES_MONTHS} months, the window that reaches asOf`, () => {
    const long = { ...empty, span: { start: '2000-01-01', end: '2030-12-31' } };
    const months = seriesMonths(long, day('2026-03-10'));
    expect([months.length, months[0], months[months.length - 1]]).toEqual([MAX_SERIES_MONTHS, '2016-04', '2026-03']);
    const early = seriesMonths(long, day('2001-06-01'));
    expect([early.length, early[0], early[early.length - 1]]).toEqual([MAX_SERIES_MONTHS, '2000-01', '2009-12']);
  });
});

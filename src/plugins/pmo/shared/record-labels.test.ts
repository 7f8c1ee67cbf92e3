import { budgetLineLabel, statusReportLabel, storedDay } from './record-labels';

describe('the labels of status reports and budget lines', () => {
  it('names a status report by its project and day, in the one date format', () => {
    expect(statusReportLabel({ code: 'ERP-01', asOf: '2026-03-31' })).toBe('ERP-01 status report, 31 Mar 2026');
    expect(statusReportLabel({ code: null, asOf: '2026-03-31' })).toBe('Status report, 31 Mar 2026');
    expect(statusReportLabel({ code: 'ERP-01', asOf: null })).toBe('ERP-01 status report');
  });

  it('names a budget line by its project, category in words and month', () => {
    expect(budgetLineLabel({ code: 'ERP-01', period: '2026-03-01', category: 'management-reserve' })).toBe('ERP-01 Management reserve, Mar 2026');
    expect(budgetLineLabel({ code: 'ERP-01', period: '2026-04-01', category: 'capex' })).toBe('ERP-01 Capex, Apr 2026');
    expect(budgetLineLabel({ period: '2026-12-01', category: 'labour' })).toBe('Labour, Dec 2026');
    expect(budgetLineLabel({ code: 'ERP-01', period: null, category: null })).toBe('ERP-01 budget line');
    expect(budgetLineLabel({})).toBe('Budget line');
  });

  it('reads stored dates as the database gives them back', () => {
    expect(storedDay('2026-03-31')).toBe('2026-03-31');
    expect(storedDay('2026-03-31T00:00:00.000Z')).toBe('2026-03-31');
    expect(storedDay(new Date(2026, 2, 31))).toBe('2026-03-31');
    expect([null, undefined, '', 'soon', new Date('x'), 5].map(storedDay)).toEqual([null, null, null, null, null, null]);
  });
});

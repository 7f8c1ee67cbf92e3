import { REPORT_COLUMNS, REPORT_NAMES } from '../../../../shared/contracts/finance';
import { COLUMN_WORDS, REPORT_WORDS, categoryLabel, columnLabel, humanise, monthsWords, previewCell, reportColumnLabels } from './words';

describe('finance in words', () => {
  it('names every column of every report in words, never by its key', () => {
    for (const report of REPORT_NAMES) {
      for (const column of REPORT_COLUMNS[report]) {
        expect(COLUMN_WORDS[column.name]).toBeDefined();
        expect(columnLabel(column.name)).toMatch(/^[A-Z][a-z -]+$/);
      }
    }
    expect(reportColumnLabels('budget-outline')).toEqual(['Project code', 'Programme code', 'Month', 'Category', 'Amount']);
  });

  it('gives every report a name and a sentence on what it holds', () => {
    expect(REPORT_NAMES.map((report) => REPORT_WORDS[report].title)).toEqual(['Financial summary', 'Budget outline', 'Cost ledger', 'Change log']);
    for (const report of REPORT_NAMES) expect(REPORT_WORDS[report].description).toMatch(/^[A-Z].*\.$/);
  });

  it('writes preview cells like the rest of PMO Hub', () => {
    expect(previewCell('bac', '1234567.8', 'EUR')).toBe('1,234,567.80 EUR');
    expect(previewCell('cv', '-500.00', 'EUR')).toBe('-500.00 EUR');
    expect(previewCell('as_of', '2026-12-02', 'EUR')).toBe('2 Dec 2026');
    expect(previewCell('period', '2026-09', 'EUR')).toBe('Sep 2026');
    expect(previewCell('category', 'management-reserve', 'EUR')).toBe('Management reserve');
    expect(previewCell('state', 'canceled', 'EUR')).toBe('Cancelled');
    expect(previewCell('decision', 'conditional-go', 'EUR')).toBe('Conditional go');
    expect(previewCell('schedule_days', '1', 'EUR')).toBe('1 day');
    expect(previewCell('schedule_days', '12', 'EUR')).toBe('12 days');
    expect(previewCell('cpi', '0.8438', 'EUR')).toBe('0.8438');
  });

  it('keeps an empty cell empty and shows a cell it cannot read as it is', () => {
    expect(previewCell('eac', '', 'EUR')).toBe('');
    expect(previewCell('amount', 'n/a', 'EUR')).toBe('n/a');
    expect(previewCell('date', 'soon', 'EUR')).toBe('soon');
    expect(previewCell('project_code', "'=SUM(A1)", 'EUR')).toBe("'=SUM(A1)");
  });

  it('puts keys it does not know into words', () => {
    expect(humanise('cost_centre')).toBe('Cost centre');
    expect(categoryLabel('travel-expenses')).toBe('Travel expenses');
    expect(categoryLabel('labour')).toBe('Labour');
  });

  it('writes earned-schedule times in months, a variance with its direction', () => {
    expect(monthsWords(2.5806)).toBe('2.58 months');
    expect(monthsWords(1)).toBe('1 month');
    expect(monthsWords(3)).toBe('3 months');
    expect(monthsWords(-0.46, true)).toBe('−0.46 months behind');
    expect(monthsWords(0.2581, true)).toBe('+0.26 months ahead');
    expect(monthsWords(0, true)).toBe('0 months');
    expect(monthsWords(null)).toBe('n/a');
  });
});

import { BAC_CATEGORIES } from '../../../shared/contracts/finance';
import { budgetOutline } from './budget-outline';

const cell = (month: string, category: string, minor: string) => ({ month, category, amount: BigInt(minor) });

describe('budget outline grid', () => {
  it('adds rows and columns exactly, with management reserve apart from the BAC total', () => {
    const outline = budgetOutline([
      cell('2026-01', 'labour', '10'),
      cell('2026-01', 'opex', '20'),
      cell('2026-03', 'labour', '5'),
      cell('2026-03', 'management-reserve', '99900'),
    ]);
    expect(outline.categories).toEqual(['labour', 'capex', 'opex', 'contingency', 'change']);
    const zeros = Object.fromEntries(BAC_CATEGORIES.map((c) => [c, '0.00']));
    expect(outline.months).toEqual([
      { month: '2026-01', amounts: { ...zeros, labour: '0.10', opex: '0.20' }, total: '0.30', managementReserve: '0.00' },
      { month: '2026-02', amounts: zeros, total: '0.00', managementReserve: '0.00' },
      { month: '2026-03', amounts: { ...zeros, labour: '0.05' }, total: '0.05', managementReserve: '999.00' },
    ]);
    expect(outline.totals).toEqual({ amounts: { ...zeros, labour: '0.15', opex: '0.20' }, total: '0.35', managementReserve: '999.00' });
  });

  it('stays exact far beyond what a double holds', () => {
    const outline = budgetOutline([cell('2026-01', 'capex', '999999999999999999'), cell('2026-02', 'capex', '1'), cell('2026-02', 'change', '-250')]);
    expect(outline.totals.amounts.capex).toBe('10000000000000000.00');
    expect(outline.totals.total).toBe('9999999999999997.50');
  });

  it('lists only budgeted months when filling the gaps would make more than ten years', () => {
    const outline = budgetOutline([cell('2000-01', 'labour', '1'), cell('2026-01', 'labour', '1')]);
    expect(outline.months.map((row) => row.month)).toEqual(['2000-01', '2026-01']);
  });

  it('is empty without budget lines', () => {
    expect(budgetOutline([])).toMatchObject({ months: [], totals: { total: '0.00', managementReserve: '0.00' } });
  });
});

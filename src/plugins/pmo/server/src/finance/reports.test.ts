import { formatMinor } from '../../../shared/money';
import { REPORT_COLUMNS, changeLogCells, decimalFromMinorText, utcDay } from './reports';

describe('report columns', () => {
  it("are exactly DESIGN.md's, money and indices typed as numbers", () => {
    const names = (report: keyof typeof REPORT_COLUMNS) => REPORT_COLUMNS[report].map((c) => c.name).join(',');
    expect(names('financial-summary')).toBe('project_code,project_name,programme_code,currency,as_of,bac,pv,ev,ac,cv,sv,cpi,spi,eac,etc,vac,tcpi');
    expect(names('budget-outline')).toBe('project_code,programme_code,period,category,amount');
    expect(names('cost-ledger')).toBe('date,project_code,category,amount,supplier,reference');
    expect(names('change-log')).toBe('reference,project_code,title,type,state,cost_impact,schedule_days,decision,decision_date');
    const numbers = Object.values(REPORT_COLUMNS).flat().filter((c) => c.kind === 'number').map((c) => c.name);
    expect(new Set(numbers)).toEqual(new Set(['bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'eac', 'etc', 'vac', 'tcpi', 'amount', 'cost_impact', 'schedule_days']));
  });
});

describe('money cells', () => {
  it.each(['0', '1', '9', '10', '99', '100', '123450', '-1', '-50', '-500000', '999999999999999999', '-999999999999999999'])(
    'writes %s minor units as formatMinor does',
    (minor) => {
      expect(decimalFromMinorText(minor)).toBe(formatMinor(minor));
    }
  );
});

describe('change-log cells', () => {
  it('writes the decision day in UTC from a Date or epoch milliseconds', () => {
    expect(utcDay(new Date('2026-02-10T23:30:00Z'))).toBe('2026-02-10');
    expect(utcDay(Date.parse('2026-02-10T00:00:00Z'))).toBe('2026-02-10');
    expect(utcDay(String(Date.parse('2026-02-10T00:00:00Z')))).toBe('2026-02-10');
    expect(utcDay(null)).toBeNull();
  });

  it('formats cost impact and schedule days as plain numbers', () => {
    expect(changeLogCells(['CR-1', 'P', 'T', 'normal', 'new', '-250000', -3, null, null])).toEqual(['CR-1', 'P', 'T', 'normal', 'new', '-2500.00', '-3', null, null]);
  });
});

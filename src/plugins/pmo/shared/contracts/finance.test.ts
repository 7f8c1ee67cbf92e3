import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWith, type Problem } from './common';
import {
  BAC_CATEGORIES,
  BUDGET_CATEGORIES,
  MANAGEMENT_RESERVE,
  REPORT_COLUMNS,
  evmQuery,
  exportParams,
  exportQuery,
  financeRoutes,
  outlineQuery,
  type ReportName,
} from './finance';

const NOW = new Date(2026, 2, 10, 12, 0); // 10 March 2026, server time

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

const problemsOf = (parsed: { ok: boolean; problems?: Problem[] }) => (parsed.ok ? [] : parsed.problems!);
/** The parameter the first problem names (its path), or null when the query is accepted. */
const param = (parsed: { ok: boolean; problems?: Problem[] }) => problemsOf(parsed)[0]?.path.join('.') ?? null;

const evm = (query: Record<string, unknown>) => parseWith(evmQuery, query, 'query');
const outline = (query: Record<string, unknown>) => parseWith(outlineQuery, query, 'query');
/** As the export route reads a request: the report in the address, then its query. */
function exported(report: string, query: Record<string, unknown>) {
  const params = parseWith(exportParams, { report }, 'params');
  return params.ok ? parseWith(exportQuery[params.value.report], query, 'query') : params;
}

describe('vocabulary', () => {
  it("writes the budget categories once: the content types' enumerations are the contract's", () => {
    for (const type of ['budget-line', 'cost-entry']) {
      const schema = JSON.parse(readFileSync(join(__dirname, `../../../../api/${type}/content-types/${type}/schema.json`), 'utf8'));
      expect([type, schema.attributes.category.enum]).toEqual([type, [...BUDGET_CATEGORIES]]);
    }
    expect(BAC_CATEGORIES).not.toContain(MANAGEMENT_RESERVE);
    expect(BAC_CATEGORIES).toHaveLength(BUDGET_CATEGORIES.length - 1);
  });

  it("has the report columns of DESIGN.md, money and indices typed as numbers", () => {
    const names = (report: ReportName) => REPORT_COLUMNS[report].map((c) => c.name).join(',');
    expect(names('financial-summary')).toBe('project_code,project_name,programme_code,currency,as_of,bac,pv,ev,ac,cv,sv,cpi,spi,eac,etc,vac,tcpi');
    expect(names('budget-outline')).toBe('project_code,programme_code,period,category,amount');
    expect(names('cost-ledger')).toBe('date,project_code,category,amount,supplier,reference');
    expect(names('change-log')).toBe('reference,project_code,title,type,state,cost_impact,schedule_days,decision,decision_date');
    const numbers = Object.values(REPORT_COLUMNS).flat().filter((c) => c.kind === 'number').map((c) => c.name);
    expect(new Set(numbers)).toEqual(new Set(['bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'eac', 'etc', 'vac', 'tcpi', 'amount', 'cost_impact', 'schedule_days']));
  });
});

describe('earned-value query', () => {
  it('defaults asOf to today (server clock) and accepts a real date', () => {
    expect(evm({})).toEqual({ ok: true, value: { asOf: { date: { year: 2026, month: 3, day: 10 }, text: '2026-03-10' } } });
    expect(evm({ asOf: '2024-02-29' })).toMatchObject({ ok: true, value: { asOf: { text: '2024-02-29' } } });
  });

  it('names asOf when it is malformed, impossible or repeated, in words', () => {
    expect(problemsOf(evm({ asOf: '2026-02-30' }))).toEqual([{ path: ['asOf'], message: 'Give the as-of date as a real day, written 2026-12-02 for 2 Dec 2026, not "2026-02-30"' }]);
    expect(problemsOf(evm({ asOf: '' }))).toEqual([{ path: ['asOf'], message: 'Give the as-of date as a real day, written 2026-12-02 for 2 Dec 2026, not ""' }]);
    expect(problemsOf(evm({ asOf: ['2026-01-01', '2026-01-02'] }))).toEqual([{ path: ['asOf'], message: 'The as-of date must be given once, as text' }]);
  });

  it('refuses an unknown parameter by its name, even beside a bad asOf', () => {
    expect(problemsOf(evm({ asof: '2026-01-01' }))).toEqual([
      { path: ['asof'], message: 'Earned value takes only an as-of date, not "asof"' },
    ]);
    expect(problemsOf(evm({ asOf: 'today', format: 'x' })).map((p) => p.path[0])).toEqual(['asOf', 'format']);
  });
});

describe('export query', () => {
  it('reads every filter and option, with defaults', () => {
    expect(exported('cost-ledger', {})).toEqual({
      ok: true,
      value: {
        report: 'cost-ledger',
        asOf: { date: { year: 2026, month: 3, day: 10 }, text: '2026-03-10' },
        programme: undefined,
        project: undefined,
        from: undefined,
        to: undefined,
        delimiter: ',',
        bom: false,
      },
    });
    const parsed = exported('budget-outline', { programme: ' PRG-1 ', project: 'abc', from: '2026-01-01', to: '2026-01-01', delimiter: ';', bom: '1' });
    expect(parsed).toMatchObject({ ok: true, value: { programme: 'PRG-1', project: 'abc', from: { day: 1 }, to: { day: 1 }, delimiter: ';', bom: true } });
    expect(exported('financial-summary', { asOf: '2026-01-31', bom: 'false' })).toMatchObject({ ok: true, value: { asOf: { text: '2026-01-31' }, bom: false } });
  });

  it.each([
    ['an unknown report', 'everything', {}, 'report'],
    ['from after to', 'cost-ledger', { from: '2026-02-02', to: '2026-02-01' }, 'from'],
    ['an impossible to', 'cost-ledger', { to: '2026-04-31' }, 'to'],
    ['a bad delimiter', 'cost-ledger', { delimiter: '|' }, 'delimiter'],
    ['a tab delimiter', 'cost-ledger', { delimiter: '\t' }, 'delimiter'],
    ['a bad bom', 'cost-ledger', { bom: 'yes' }, 'bom'],
    ['asOf on a dated report', 'change-log', { asOf: '2026-01-01' }, 'asOf'],
    ['from on the summary', 'financial-summary', { from: '2026-01-01' }, 'from'],
    ['an empty programme', 'cost-ledger', { programme: '  ' }, 'programme'],
    ['a programme too long to be a key', 'cost-ledger', { programme: 'P'.repeat(65) }, 'programme'],
    ['an unknown parameter', 'cost-ledger', { format: 'xlsx' }, 'format'],
    ['a nested parameter', 'cost-ledger', { project: { $ne: 'x' } }, 'project'],
    ['a repeated parameter', 'cost-ledger', { from: ['2026-01-01', '2026-02-01'] }, 'from'],
  ])('names the parameter for %s', (_label, report, query, name) => {
    expect(param(exported(report, query as Record<string, unknown>))).toBe(name);
  });

  it("keeps finance's words for each refusal", () => {
    const message = (report: string, query: Record<string, unknown>) => problemsOf(exported(report, query))[0]?.message;
    expect(message('everything', {})).toBe('Choose one of the reports "financial-summary", "budget-outline", "cost-ledger" or "change-log", not "everything"');
    expect(message('change-log', { asOf: '2026-01-01' })).toBe('The as-of date does not apply to this report, which takes the programme, project, start of the period, end of the period, column separator and byte order mark');
    expect(message('cost-ledger', { format: 'xlsx' })).toBe('This report takes the programme, project, start of the period, end of the period, column separator and byte order mark, not "format"');
    expect(message('cost-ledger', { from: '2026-02-02', to: '2026-02-01' })).toBe('The period starts (2 Feb 2026) after it ends (1 Feb 2026)');
    expect(message('cost-ledger', { delimiter: '|' })).toBe('The column separator must be "," or ";", not "|"');
    expect(message('cost-ledger', { bom: 'yes' })).toBe('The byte order mark must be 1 (for Excel) or 0, not "yes"');
    expect(message('cost-ledger', { programme: '  ' })).toBe('Choose a programme (by its code)');
    expect(message('cost-ledger', { project: { $ne: 'x' } })).toBe('The project must be given once, as text');
  });
});

describe('budget outline query', () => {
  it('takes optional from and to as whole dates', () => {
    expect(outline({})).toEqual({ ok: true, value: { from: undefined, to: undefined } });
    expect(outline({ from: '2026-01-15', to: '2026-03-01' })).toMatchObject({ ok: true, value: { from: { month: 1 }, to: { month: 3 } } });
  });

  it('names the parameter that is malformed, reversed or unknown', () => {
    expect(param(outline({ from: '2026-02-30' }))).toBe('from');
    expect(param(outline({ to: 'March' }))).toBe('to');
    expect(param(outline({ from: '2026-04-01', to: '2026-03-01' }))).toBe('from');
    expect(problemsOf(outline({ asOf: '2026-03-01' }))).toEqual([
      { path: ['asOf'], message: 'The budget outline takes only the start and end of the period, not "asOf"' },
    ]);
  });
});

describe('routes', () => {
  it('checks the address of every route: a documentId, or one of the reports', () => {
    for (const [name, route] of Object.entries(financeRoutes)) {
      expect([name, parseWith(route.params, {}, 'params').ok]).toEqual([name, false]);
    }
    expect(parseWith(financeRoutes.exportCsv.params, { report: 'change-log' }, 'params')).toEqual({ ok: true, value: { report: 'change-log' } });
  });
});

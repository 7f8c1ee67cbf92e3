import { parseEvmQuery, parseExportQuery, parseOutlineQuery } from './params';

const NOW = new Date(2026, 2, 10, 12, 0); // 10 March 2026, server time

const problem = (parsed: { ok: boolean; problem?: { param: string } }) => (parsed.ok ? null : parsed.problem!.param);

describe('earned-value query', () => {
  it("defaults asOf to today and accepts a real date", () => {
    expect(parseEvmQuery({}, NOW)).toEqual({ ok: true, value: { date: { year: 2026, month: 3, day: 10 }, text: '2026-03-10' } });
    expect(parseEvmQuery({ asOf: '2024-02-29' }, NOW)).toMatchObject({ ok: true, value: { text: '2024-02-29' } });
  });

  it('names asOf when it is malformed, impossible or repeated, and names unknown parameters', () => {
    expect(problem(parseEvmQuery({ asOf: '2026-02-30' }))).toBe('asOf');
    expect(problem(parseEvmQuery({ asOf: ['2026-01-01', '2026-01-02'] }))).toBe('asOf');
    expect(problem(parseEvmQuery({ asof: '2026-01-01' }))).toBe('asof');
  });
});

describe('export query', () => {
  it('reads every filter and option, with defaults', () => {
    expect(parseExportQuery('cost-ledger', {}, NOW)).toEqual({
      ok: true,
      value: { report: 'cost-ledger', asOf: { date: { year: 2026, month: 3, day: 10 }, text: '2026-03-10' }, programme: undefined, project: undefined, from: undefined, to: undefined, delimiter: ',', bom: false },
    });
    const parsed = parseExportQuery('budget-outline', { programme: ' PRG-1 ', project: 'abc', from: '2026-01-01', to: '2026-01-01', delimiter: ';', bom: '1' }, NOW);
    expect(parsed).toMatchObject({ ok: true, value: { programme: 'PRG-1', project: 'abc', from: { day: 1 }, to: { day: 1 }, delimiter: ';', bom: true } });
    expect(parseExportQuery('financial-summary', { asOf: '2026-01-31' }, NOW)).toMatchObject({ ok: true, value: { asOf: { text: '2026-01-31' } } });
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
    ['an unknown parameter', 'cost-ledger', { format: 'xlsx' }, 'format'],
    ['a nested parameter', 'cost-ledger', { project: { $ne: 'x' } }, 'project'],
  ])('names the parameter for %s', (_label, report, query, param) => {
    expect(problem(parseExportQuery(report, query as Record<string, unknown>, NOW))).toBe(param);
  });
});

describe('budget outline query', () => {
  it('takes optional from and to as whole dates', () => {
    expect(parseOutlineQuery({})).toEqual({ ok: true, value: { from: undefined, to: undefined } });
    expect(parseOutlineQuery({ from: '2026-01-15', to: '2026-03-01' })).toMatchObject({ ok: true, value: { from: { month: 1 }, to: { month: 3 } } });
  });

  it('names the parameter that is malformed, reversed or unknown', () => {
    expect(problem(parseOutlineQuery({ from: '2026-02-30' }))).toBe('from');
    expect(problem(parseOutlineQuery({ to: 'March' }))).toBe('to');
    expect(problem(parseOutlineQuery({ from: '2026-04-01', to: '2026-03-01' }))).toBe('from');
    expect(problem(parseOutlineQuery({ asOf: '2026-03-01' }))).toBe('asOf');
  });
});

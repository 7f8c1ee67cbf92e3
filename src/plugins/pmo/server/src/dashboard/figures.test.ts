import fc from 'fast-check';
import { indexBucket } from '../../../shared/contracts/dashboard';
import { dayOf, distribution, firstInOrder, heatmapCells, lateReports, projectsByState, ragCounts, worst, type EvmRow, type ReportingRow } from './figures';
import { cellValue, xlsxDate } from './xlsx';

const project = (id: number, extra: Partial<ReportingRow> = {}): ReportingRow => ({
  id,
  code: `P${id}`,
  cadence: 'monthly',
  last_report: null,
  start_date: '2026-01-01',
  created_at: null,
  ...extra,
});

const evm = (code: string, cpi: number | null, spi: number | null): EvmRow => ({ documentId: code, code, name: code, cpi, spi, cv: '0.00', sv: '0.00' });

describe('index buckets', () => {
  it.each([
    [0.8999, 'below-0.90'],
    [0.9, '0.90-0.95'],
    [0.9499, '0.90-0.95'],
    [0.95, '0.95-1.05'],
    [1, '0.95-1.05'],
    [1.05, 'from-1.05'],
    [7, 'from-1.05'],
    [null, 'none'],
  ])('%p is in %s', (value, bucket) => expect(indexBucket(value)).toBe(bucket));

  it('counts and names each bucket’s projects', () => {
    const buckets = distribution([evm('B', 0.5, null), evm('A', 0.5, 1), evm('C', 1.2, 1.2)], 'cpi', null);
    expect(buckets.map((b) => [b.key, b.count, b.projects.map((p) => p.code)])).toEqual([
      ['below-0.90', 2, ['A', 'B']],
      ['0.90-0.95', 0, []],
      ['0.95-1.05', 0, []],
      ['from-1.05', 1, ['C']],
      ['none', 0, []],
    ]);
  });

  it('names at most `limit` projects of a bucket, lowest index first, and counts them all', () => {
    const rows = [evm('D', 0.7, null), evm('A', 0.8, null), evm('C', 0.6, null), evm('B', 0.6, null), evm('E', null, null)];
    const [below, , , , none] = distribution(rows, 'cpi', 2);
    expect([below.count, below.projects.map((p) => p.code)]).toEqual([4, ['B', 'C']]);
    expect([none.count, none.projects.map((p) => p.code)]).toEqual([1, ['E']]);
  });
});

describe('the five worst', () => {
  it('ranks by the lower index, then the other, then code, and leaves out projects with neither', () => {
    const rows = [evm('E', 0.9, 0.8), evm('A', 1.1, 0.8), evm('N', null, null), evm('B', null, 0.7), evm('C', 2, 2), evm('D', 1.5, 1.5), evm('F', 3, 3)];
    expect(worst(rows).map((row) => row.code)).toEqual(['B', 'E', 'A', 'D', 'C']);
  });
});

describe('counts', () => {
  it('RAG: each project by its latest report, none without one (or without a RAG on it)', () => {
    // As the database groups them: one row per RAG of the latest reports, their count as it answers it.
    expect(ragCounts([{ overall: 'red', count: 2 }, { overall: 'green', count: '1' }, { overall: null, count: 1 }], 5)).toEqual({ green: 1, amber: 0, red: 2, none: 2 });
    expect(ragCounts([{ overall: 'amber', count: '3' }], 3)).toEqual({ green: 0, amber: 3, red: 0, none: 0 });
  });

  it('states: every lifecycle state in order, no state as the initial one, unknown states after', () => {
    const states = [{ key: 'proposed', name: 'Proposed' }, { key: 'executing', name: 'Executing', color: '#123456' }];
    const rows = [{ state: null, count: 1 }, { state: 'executing', count: '2' }, { state: 'archived', count: 1 }];
    expect(projectsByState(rows, states, 'proposed')).toEqual([
      { state: 'proposed', name: 'Proposed', color: null, count: 1 },
      { state: 'executing', name: 'Executing', color: '#123456', count: 2 },
      { state: 'archived', name: 'archived', color: null, count: 1 },
    ]);
  });

  it('heat map: [probability − 1][impact − 1], out-of-range ratings left out', () => {
    const { cells, total } = heatmapCells([
      { probability: 3, impact: 4, count: '2' },
      { probability: 5, impact: 1, count: 1 },
      { probability: 0, impact: 1, count: 9 },
      { probability: null, impact: 2, count: 9 },
    ]);
    expect(cells[2][3]).toBe(2);
    expect(cells[4][0]).toBe(1);
    expect(total).toBe(3);
  });
});

/** The projects with their last reports (by id) as the database answers them. */
const reported = (rows: ReportingRow[], last: Map<number, string | null>) => rows.map((row) => ({ ...row, last_report: last.get(row.id) ?? null }));

describe('late status reports (of the projects in a running state)', () => {
  it('a monthly project is late 3 days after its report was due, one period per missing month', () => {
    const rows = [project(1), project(2), project(4)];
    const last = new Map<number, string | null>([[2, '2026-03-01']]);
    expect(lateReports(reported(rows, last), '2026-02-04').map((r) => [r.code, r.periodsLate])).toEqual([]);
    expect(lateReports(reported(rows, last), '2026-02-05').map((r) => [r.code, r.periodsLate, r.dueDate])).toEqual([
      ['P1', 1, '2026-02-01'],
      ['P4', 1, '2026-02-01'],
    ]);
    expect(lateReports(reported(rows, last), '2026-04-10').map((r) => [r.code, r.periodsLate])).toEqual([
      ['P1', 3],
      ['P4', 3],
      ['P2', 1],
    ]);
  });

  it("weekly and fortnightly projects are late by their own cadence, counted from the latest report's asOf", () => {
    const rows = [project(1, { cadence: 'weekly' }), project(2, { cadence: 'fortnightly' }), project(3, { cadence: 'monthly' })];
    // Each reported on Monday 2 March 2026.
    const last = new Map<number, string | null>([[1, '2026-03-02'], [2, '2026-03-02'], [3, '2026-03-02']]);
    // Weekly: due 9 Mar, late from 13 Mar (3 days' grace); fortnightly: due 16 Mar, late from 20 Mar.
    expect(lateReports(reported(rows, last), '2026-03-12')).toEqual([]);
    expect(lateReports(reported(rows, last), '2026-03-13').map((r) => [r.code, r.cadence, r.periodsLate, r.dueDate])).toEqual([['P1', 'weekly', 1, '2026-03-09']]);
    expect(lateReports(reported(rows, last), '2026-03-20').map((r) => [r.code, r.cadence, r.periodsLate, r.dueDate])).toEqual([
      ['P1', 'weekly', 2, '2026-03-09'],
      ['P2', 'fortnightly', 1, '2026-03-16'],
    ]);
    // Monthly: due 2 Apr, late from 6 Apr; by then the weekly one misses 4 reports, the fortnightly 2.
    expect(lateReports(reported(rows, last), '2026-04-06').map((r) => [r.code, r.periodsLate])).toEqual([
      ['P1', 4],
      ['P2', 2],
      ['P3', 1],
    ]);
  });

  it('a project without a start counts from the day it was created (SQLite keeps it as epoch milliseconds)', () => {
    const row = project(1, { start_date: null, created_at: Date.UTC(2026, 0, 1) });
    expect(lateReports(reported([row], new Map()), '2026-02-05')).toHaveLength(1);
    expect(dayOf(String(Date.UTC(2026, 0, 1)))).toBe('2026-01-01');
    expect(dayOf(new Date('2026-01-01T23:00:00Z'))).toBe('2026-01-01');
  });
});

describe('workbook cells', () => {
  it('money and indices as numbers, dates as UTC days, formula-like text with a leading apostrophe', () => {
    expect(cellValue('money', '-5000.00')).toBe(-5000);
    expect(cellValue('index', '0.8333')).toBe(0.8333);
    expect(cellValue('date', '2026-12-02')).toEqual(new Date('2026-12-02T00:00:00.000Z'));
    expect(xlsxDate('2026-02-28')).toEqual(new Date(Date.UTC(2026, 1, 28)));
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n']) expect(cellValue('text', `${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(cellValue('text', 'Plain words')).toBe('Plain words');
    expect(cellValue('text', null)).toBeNull();
    expect(() => cellValue('money', '1,000.00')).toThrow(TypeError);
  });
});

describe('the first rows in order (firstInOrder)', () => {
  it('gives what a stable sort and a slice give, whatever the rows and the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), seq: fc.nat() }), { maxLength: 60 }), fc.option(fc.nat({ max: 70 }), { nil: null }), (rows, limit) => {
        const order = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(firstInOrder(rows, order, limit)).toEqual([...rows].sort(order).slice(0, limit ?? undefined));
      })
    );
  });
});

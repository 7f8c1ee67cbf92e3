import { splitDay } from './export-split';

const months = (...counts: number[]) => counts.map((entries, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, entries }));

describe('where a SQLite cost-ledger export is cut in two', () => {
  it('cuts at the month boundary that brings the first part nearest 45 % of the rows', () => {
    expect(splitDay(months(10_000, 10_000, 10_000, 10_000))).toBe('2026-03-01');
    expect(splitDay(months(30_000, 5_000, 5_000, 5_000))).toBe('2026-02-01');
    expect(splitDay(months(1_000, 1_000, 1_000, 40_000))).toBe('2026-04-01');
    // 42 % of the rows fall before February, 54 % before March: the main thread, which also sends the file, takes the smaller part.
    expect(splitDay(months(42_000, 12_000, 46_000))).toBe('2026-02-01');
  });

  it('reads an export in one part when it is small or in one month', () => {
    expect(splitDay(months(5_000, 5_000))).toBeNull();
    expect(splitDay(months(100_000))).toBeNull();
    expect(splitDay([])).toBeNull();
  });

  it('cuts a large export too: its second part waits in a ring of fixed size, not in memory that grows', () => {
    expect(splitDay(months(2_000_000, 3_000_000, 5_000_000))).toBe('2026-03-01');
  });

  it('takes other limits (the tests cut small exports)', () => {
    expect(splitDay(months(1, 1, 1), { min: 0 })).toBe('2026-02-01');
  });
});

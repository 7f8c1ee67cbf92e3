/**
 * The highlight report's pure parts: its words and figures (money exact from decimal strings,
 * indices, text the standard font can print, "and N more"), the facts it keeps (the window of
 * decisions and changes, gates as of a day), the order of risks and issues, and where the S-curve
 * puts its lines.
 */
import type { ChangeRequestSummary } from '../../../../shared/contracts/change-control';
import type { ProjectGovernance } from '../../../../shared/contracts/governance';
import { authorisedIn, dayOf, gatesAsOf, inWindow } from './facts';
import type { IssueRow, RiskRow } from './model';
import { chartGeometry, niceStep } from './pdf/chart-geometry';
import { byPriority, byScore } from './registers';
import { cut, index2, money, moreWords, pdfText, shorten, windowWords } from './words';

describe('words and figures', () => {
  it('writes money exactly from decimal strings, beyond what a float holds', () => {
    expect(money('12345.67', 'EUR')).toBe('12,345.67 EUR');
    expect(money('-4345.67', 'EUR')).toBe('-4,345.67 EUR');
    expect(money('90071992547409.93', 'EUR')).toBe('90,071,992,547,409.93 EUR');
    expect(money(null, 'EUR')).toBe('—');
  });

  it('writes indices to two decimals, n/a when undefined', () => {
    expect(index2(0.9233)).toBe('0.92');
    expect(index2(1)).toBe('1.00');
    expect(index2(null)).toBe('n/a');
  });

  it('cuts long lists and says how many more', () => {
    expect(cut([1, 2, 3, 4, 5, 6, 7], 5)).toEqual({ rows: [1, 2, 3, 4, 5], more: 2 });
    expect(cut([1, 2], 5)).toEqual({ rows: [1, 2], more: 0 });
    expect(moreWords(1, 'open risk')).toBe('and 1 more open risk');
    expect(moreWords(3, 'change')).toBe('and 3 more changes');
  });

  it('keeps what the standard font prints and makes the rest readable', () => {
    expect(pdfText('Zoë · 1,234.50 € — “quoted” – ok')).toBe('Zoë · 1,234.50 € — “quoted” – ok');
    expect(pdfText('Łukasz Żółć')).toBe('Lukasz Zólc');
    expect(pdfText('Tab\there\r\nline\u0007')).toBe('Tab here\nline');
    expect(pdfText('✓ done 🚀')).toBe('? done ?');
    expect(pdfText(null)).toBe('');
  });

  it('shortens long text at a word', () => {
    expect(shorten('one two three four five six', 14)).toBe('one two three…');
    expect(shorten('short', 14)).toBe('short');
  });

  it('says which period decisions and changes cover', () => {
    expect(windowWords({ from: '2026-02-28', to: '2026-03-31', basis: 'previous-report' })).toBe('after the previous status report (28 Feb 2026) up to 31 Mar 2026');
    expect(windowWords({ from: null, to: '2026-03-31', basis: 'no-previous-report' })).toBe('up to 31 Mar 2026 (there is no earlier status report)');
  });
});

describe('the facts kept', () => {
  const window = { from: '2026-02-28', to: '2026-03-31', basis: 'previous-report' as const };

  it('reads datetimes as Strapi returns them on either database', () => {
    expect(dayOf('2026-03-10T15:30:00.000Z')).toBe('2026-03-10');
    expect(dayOf(new Date('2026-03-10T23:30:00.000Z'))).toBe('2026-03-10');
    expect(dayOf(String(Date.parse('2026-03-10T15:30:00.000Z')))).toBe('2026-03-10');
    expect(dayOf(null)).toBeNull();
  });

  it('keeps the window open at its start and closed at its end', () => {
    expect(inWindow('2026-02-28', window)).toBe(false);
    expect(inWindow('2026-03-01', window)).toBe(true);
    expect(inWindow('2026-03-31', window)).toBe(true);
    expect(inWindow('2026-04-01', window)).toBe(false);
    expect(inWindow('1999-01-01', { ...window, from: null })).toBe(true);
  });

  it('keeps the changes approved in the window, oldest first', () => {
    const change = (title: string, decision: string | null, decisionDate: string | null) =>
      ({ reference: `CR-${title}`, title, decision, decisionDate, costImpact: '10.00' }) as unknown as ChangeRequestSummary;
    const rows = authorisedIn(
      [change('late', 'approved', '2026-03-30T09:00:00Z'), change('early', 'approved', '2026-03-01T09:00:00Z'), change('rejected', 'rejected', '2026-03-05T09:00:00Z'), change('before', 'approved', '2026-02-28T23:00:00Z'), change('none', null, null)],
      window,
      'OR-1'
    );
    expect(rows.map((row) => row.title)).toEqual(['early', 'late']);
    expect(rows[0]).toEqual({ reference: 'CR-early', title: 'early', costImpact: '10.00', authorisedOn: '2026-03-01', where: 'OR-1' });
  });

  it("takes each gate's latest decision held by asOf, and the conditions still open then", () => {
    const review = (decision: string | null, heldDate: string | null) => ({ decision, heldDate, decidedAt: heldDate ? `${heldDate}T10:00:00.000Z` : null });
    const governance = {
      nextGate: { gate: 3, name: 'investment decision', review: { scheduledDate: '2026-05-01' } },
      gates: [
        { gate: 1, name: 'business justification', reviews: [review('hold', '2026-01-05'), review('go', '2026-01-20')] },
        { gate: 2, name: 'delivery strategy', reviews: [review('go', '2026-04-10'), review(null, null)] },
      ],
      allConditions: [
        { gate: 1, text: 'done long ago', owner: null, dueDate: '2026-02-01', done: true, doneOn: '2026-02-01' },
        { gate: 1, text: 'done after asOf', owner: { fullName: 'Olly Owner' }, dueDate: '2026-03-01', done: true, doneOn: '2026-04-02' },
        { gate: 1, text: 'open', owner: null, dueDate: '2026-04-15', done: false, doneOn: null },
      ],
    } as unknown as ProjectGovernance;
    expect(gatesAsOf(governance, '2026-03-31')).toEqual({
      shown: true,
      decided: [{ gate: 1, name: 'business justification', decision: 'go', heldDate: '2026-01-20' }],
      next: { gate: 3, name: 'investment decision', scheduledDate: '2026-05-01' },
      openConditions: [
        { gate: 1, text: 'done after asOf', owner: 'Olly Owner', dueDate: '2026-03-01', overdue: true },
        { gate: 1, text: 'open', owner: null, dueDate: '2026-04-15', overdue: false },
      ],
    });
  });
});

describe('the order of the registers', () => {
  it('puts risks by score (p × i), then the nearest proximity, then title', () => {
    const risk = (title: string, score: number, proximity: string | null = null) => ({ title, score, proximity }) as RiskRow;
    const sorted = [risk('b', 12), risk('late', 20, '2026-09-01'), risk('a', 12), risk('soon', 20, '2026-04-01'), risk('none', 20)].sort(byScore);
    expect(sorted.map((r) => r.title)).toEqual(['soon', 'late', 'none', 'a', 'b']);
  });

  it('puts issues most urgent first, then the oldest raised', () => {
    const issue = (title: string, priority: string, raisedOn: string) => ({ title, priority, raisedOn }) as IssueRow;
    const sorted = [issue('low', 'low', '2026-01-01'), issue('new critical', 'critical', '2026-03-01'), issue('high', 'high', '2026-01-01'), issue('old critical', 'critical', '2026-01-01')].sort(byPriority);
    expect(sorted.map((i) => i.title)).toEqual(['old critical', 'new critical', 'high', 'low']);
  });
});

describe('where the S-curve goes', () => {
  const box = { x: 100, y: 50, width: 300, height: 100 };
  const points = [
    { month: '2026-01', date: '2026-01-31', pv: '10000.00', ev: '5000.00', ac: '9000.00' },
    { month: '2026-02', date: '2026-02-28', pv: '20000.00', ev: '15000.00', ac: '20000.00' },
    { month: '2026-03', date: '2026-03-15', pv: '32345.67', ev: '26172.84', ac: '28345.67' },
    { month: '2026-04', date: '2026-04-30', pv: '52345.67', ev: null, ac: null },
  ];

  it('steps the value axis in round numbers from zero past the highest value', () => {
    expect(niceStep(52345.67)).toBe(20000);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(0)).toBe(1);
    const { ticks } = chartGeometry(points, box, '2026-03-15');
    expect(ticks.map((tick) => tick.label)).toEqual(['0', '20,000', '40,000', '60,000']);
    expect(ticks[0].y).toBe(150);
    expect(ticks[3].y).toBe(50);
  });

  it('draws PV over every month and EV and AC up to asOf, one month per step', () => {
    const geometry = chartGeometry(points, box, '2026-03-15');
    expect(geometry.lines.pv.map(([x]) => x)).toEqual([100, 200, 300, 400]);
    expect(geometry.lines.ev).toHaveLength(3);
    expect(geometry.lines.ac).toHaveLength(3);
    // 20,000 of a 60,000 axis: a third of the way up from the bottom.
    expect(geometry.lines.pv[1][1]).toBeCloseTo(150 - 100 / 3);
    expect(geometry.asOfX).toBe(300);
    expect(geometry.months.map((m) => m.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026']);
  });

  it('thins the month labels of a long series and keeps the last', () => {
    const long = Array.from({ length: 30 }, (_, i) => {
      const month = `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      return { month, date: `${month}-28`, pv: String(i * 100), ev: null, ac: null };
    });
    const { months, asOfX } = chartGeometry(long, box, '2030-01-01');
    expect(months.length).toBeLessThanOrEqual(9);
    expect(months[0].label).toBe('Jan 2024');
    expect(months[months.length - 1].label).toBe('Jun 2026');
    expect(asOfX).toBeNull();
  });
});

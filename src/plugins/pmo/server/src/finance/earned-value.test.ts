import fc from 'fast-check';
import { parseIsoDate } from '../platform/dates';
import {
  deriveFigures,
  earnedValue,
  exact,
  formatFigures,
  formatIndex,
  formatMoney,
  indexValue,
  plannedValue,
  projectBaseline,
  projectFigures,
  rollUpBaseline,
  roundHalfAwayFromZero,
  sumBaselines,
  type ProjectFacts,
} from './earned-value';

const B = (value: number | string) => BigInt(value);
const date = (text: string) => parseIsoDate(text)!;
/** Money in minor units from a decimal written like the output: "40000.00" → 4000000. */
const minor = (text: string) => B(text.replace('.', ''));

const facts = (over: Partial<Record<keyof ProjectFacts, string | number | null>>): ProjectFacts => ({
  bac: minor(String(over.bac ?? '0.00')),
  plannedBeforeMonth: minor(String(over.plannedBeforeMonth ?? '0.00')),
  plannedInMonth: minor(String(over.plannedInMonth ?? '0.00')),
  actualCost: minor(String(over.actualCost ?? '0.00')),
  percentComplete: over.percentComplete === undefined ? null : (over.percentComplete as number | null),
});

describe('earned value of one project', () => {
  // BAC 100,000; 40 % complete; AC 50,000; PV 50,000 (all planned before asOf's month).
  const asOf = date('2026-03-10');
  const figures = projectFigures(
    facts({ bac: '100000.00', plannedBeforeMonth: '50000.00', actualCost: '50000.00', percentComplete: 40 }),
    asOf
  );

  it('computes every DESIGN.md figure, money as decimal strings', () => {
    expect(figures).toEqual({
      bac: '100000.00',
      pv: '50000.00',
      ev: '40000.00',
      ac: '50000.00',
      cv: '-10000.00',
      sv: '-10000.00',
      cpi: 0.8,
      spi: 0.8,
      eac: '125000.00', // BAC / CPI
      eacAtypical: '110000.00', // AC + (BAC − EV)
      eacCombined: '143750.00', // AC + (BAC − EV) / (CPI × SPI) = 50,000 + 60,000 / 0.64
      etc: '75000.00', // EAC − AC
      vac: '-25000.00', // BAC − EAC
      tcpi: 1.2, // (BAC − EV) / (BAC − AC)
    });
  });

  it('takes EV as BAC × percentComplete / 100, and 0 without a status report', () => {
    expect(formatMoney(earnedValue(minor('1234.56'), 50))).toBe('617.28');
    expect(formatMoney(earnedValue(minor('1234.56'), null))).toBe('0.00');
    expect(formatMoney(earnedValue(minor('1234.56'), 100))).toBe('1234.56');
    expect(() => earnedValue(B(100), 101)).toThrow(/percentComplete/);
  });
});

describe('null rules', () => {
  const asOf = date('2026-03-31');

  it('gives no CPI, EAC, ETC, VAC or combined EAC when actual cost is zero', () => {
    const figures = projectFigures(facts({ bac: '1000.00', plannedBeforeMonth: '500.00', percentComplete: 30 }), asOf);
    expect(figures).toMatchObject({ ac: '0.00', cpi: null, eac: null, etc: null, vac: null, eacCombined: null });
    expect(figures.spi).toBe(0.6);
    expect(figures.eacAtypical).toBe('700.00');
    expect(figures.tcpi).toBe(0.7); // (1000 − 300) / (1000 − 0)
  });

  it('gives no SPI nor combined EAC when planned value is zero, but keeps EAC', () => {
    const figures = projectFigures(facts({ bac: '1000.00', actualCost: '200.00', percentComplete: 10 }), asOf);
    expect(figures).toMatchObject({ pv: '0.00', spi: null, eacCombined: null, sv: '100.00' });
    expect(figures.cpi).toBe(0.5);
    expect(figures.eac).toBe('2000.00');
  });

  it('gives no EAC when CPI is zero (costs booked, nothing earned)', () => {
    const figures = projectFigures(facts({ bac: '1000.00', plannedBeforeMonth: '100.00', actualCost: '50.00' }), asOf);
    expect(figures).toMatchObject({ ev: '0.00', cpi: 0, spi: 0, eac: null, etc: null, vac: null, eacCombined: null });
    expect(figures.eacAtypical).toBe('1050.00');
  });

  it('gives no TCPI once actual cost reaches BAC', () => {
    const at = projectFigures(facts({ bac: '1000.00', actualCost: '1000.00', percentComplete: 90 }), asOf);
    const over = projectFigures(facts({ bac: '1000.00', actualCost: '1200.00', percentComplete: 90 }), asOf);
    expect([at.tcpi, over.tcpi]).toEqual([null, null]);
    const under = projectFigures(facts({ bac: '1000.00', actualCost: '999.99', percentComplete: 90 }), asOf);
    expect(under.tcpi).toBe(10000); // 100.00 / 0.01
  });

  it('answers all zeros and nulls for a project with nothing yet', () => {
    expect(projectFigures(facts({}), asOf)).toEqual({
      bac: '0.00', pv: '0.00', ev: '0.00', ac: '0.00', cv: '0.00', sv: '0.00', cpi: null, spi: null,
      eac: null, eacAtypical: '0.00', eacCombined: null, etc: null, vac: null, tcpi: null,
    });
  });
});

describe('planned value', () => {
  it('counts the month of asOf pro rata by days elapsed, asOf included (31-day month, the 10th)', () => {
    expect(formatMoney(plannedValue(B(0), minor('31000.00'), date('2026-03-10')))).toBe('10000.00');
    expect(formatMoney(plannedValue(minor('5000.00'), minor('31000.00'), date('2026-03-10')))).toBe('15000.00');
  });

  it('counts the month in full on its last day and 1/n on its first', () => {
    expect(formatMoney(plannedValue(B(0), minor('2800.00'), date('2026-02-28')))).toBe('2800.00');
    expect(formatMoney(plannedValue(B(0), minor('2800.00'), date('2026-02-01')))).toBe('100.00');
    expect(formatMoney(plannedValue(B(0), minor('2900.00'), date('2028-02-01')))).toBe('100.00'); // leap year
  });

  it('keeps pro rata exact until output: three thirds of a cent-odd amount add up', () => {
    // 100.00 over a 30-day month on the 10th is 33.333…: exact inside, rounded once on output.
    const april10 = plannedValue(B(0), minor('100.00'), date('2026-04-10'));
    expect(formatMoney(april10)).toBe('33.33');
    const total = sumBaselines([1, 2, 3].map(() => ({ bac: exact(0), pv: april10, ev: exact(0), ac: exact(0) })));
    expect(formatMoney(total.pv)).toBe('100.00'); // not 99.99
  });
});

describe('rounding only on output, half away from zero', () => {
  it('rounds half a cent up when positive and down when negative', () => {
    expect(roundHalfAwayFromZero({ n: B(1), d: B(2) })).toBe(B(1));
    expect(roundHalfAwayFromZero({ n: B(-1), d: B(2) })).toBe(B(-1));
    expect(roundHalfAwayFromZero({ n: B(5), d: B(2) })).toBe(B(3));
    expect(roundHalfAwayFromZero({ n: B(-5), d: B(2) })).toBe(B(-3));
    expect(roundHalfAwayFromZero({ n: B(49), d: B(100) })).toBe(B(0));
    expect(roundHalfAwayFromZero({ n: B(-49), d: B(100) })).toBe(B(0));
  });

  it('writes EV of half a cent as 0.01 and a CV of minus half a cent as -0.01', () => {
    // BAC 0.01 at 50 %: EV is half a cent. AC 0.01: CV is minus half a cent.
    const figures = projectFigures(facts({ bac: '0.01', actualCost: '0.01', percentComplete: 50 }), date('2026-01-15'));
    expect(figures.ev).toBe('0.01');
    expect(figures.cv).toBe('-0.01');
    expect(figures.cpi).toBe(0.5);
  });

  it('writes PV of half a cent from pro rata as 0.01, and -0.01 for a negative line', () => {
    // 0.15 over a 30-day month on the 1st is 0.005.
    expect(formatMoney(plannedValue(B(0), B(15), date('2026-04-01')))).toBe('0.01');
    expect(formatMoney(plannedValue(B(0), B(-15), date('2026-04-01')))).toBe('-0.01');
    expect(formatMoney(plannedValue(B(0), B(14), date('2026-04-01')))).toBe('0.00');
  });

  it('rounds indices to 4 decimals, half away from zero', () => {
    expect(formatIndex({ n: B(1), d: B(3) })).toBe('0.3333');
    expect(formatIndex({ n: B(2), d: B(3) })).toBe('0.6667');
    expect(formatIndex({ n: B(1), d: B(20000) })).toBe('0.0001'); // 0.00005
    expect(formatIndex({ n: B(-1), d: B(20000) })).toBe('-0.0001');
    expect(formatIndex({ n: B(3), d: B(1) })).toBe('3.0000');
  });

  it('stays exact far beyond what a double holds', () => {
    const bac = B('999999999999999999'); // 9,999,999,999,999,999.99
    const figures = projectFigures({ bac, plannedBeforeMonth: bac, plannedInMonth: B(0), actualCost: bac, percentComplete: 33 }, date('2026-01-01'));
    expect(figures.bac).toBe('9999999999999999.99');
    expect(figures.ev).toBe('3300000000000000.00'); // 329,999,999,999,999,999.67 minor units, rounded once
    expect(figures.cpi).toBe(0.33);
  });
});

describe('roll-up of programmes and portfolios', () => {
  const asOf = date('2026-06-30');
  // A: CPI 0.5 (EV 50 / AC 100). B: CPI 1.5 (EV 900 / AC 600). Average 1.0; from sums 950 / 700.
  const a = projectBaseline(facts({ bac: '100.00', plannedBeforeMonth: '100.00', actualCost: '100.00', percentComplete: 50 }), asOf);
  const b = projectBaseline(facts({ bac: '1000.00', plannedBeforeMonth: '600.00', actualCost: '600.00', percentComplete: 90 }), asOf);
  const programme = formatFigures(deriveFigures(sumBaselines([a, b])));

  it('sums BAC, PV, EV and AC over the projects', () => {
    expect(programme).toMatchObject({ bac: '1100.00', pv: '700.00', ev: '950.00', ac: '700.00' });
  });

  it('derives CPI and SPI from the sums, never averaging indices', () => {
    expect(formatFigures(deriveFigures(a)).cpi).toBe(0.5);
    expect(formatFigures(deriveFigures(b)).cpi).toBe(1.5);
    expect(programme.cpi).toBe(1.3571); // 950 / 700, not (0.5 + 1.5) / 2
    expect(programme.spi).toBe(1.3571);
    expect(programme.eac).toBe('810.53'); // 1100 × 700 / 950 = 810.526…
  });

  it('adds exact fractions: PV pro rata and EV fractions of a cent are rounded once, on the total', () => {
    // Three projects, each with PV 0.005 and EV 0.005: each shows 0.01, the total 0.02 (0.015 → 0.02).
    const tiny = projectBaseline(facts({ bac: '0.01', percentComplete: 50 }), asOf);
    const withPv = { ...tiny, pv: plannedValue(B(0), B(15), date('2026-04-01')) };
    expect(formatFigures(deriveFigures(withPv)).pv).toBe('0.01');
    const total = formatFigures(deriveFigures(sumBaselines([withPv, withPv, withPv])));
    expect(total.pv).toBe('0.02');
    expect(total.ev).toBe('0.02');
  });

  it('answers zeros and nulls for an empty programme', () => {
    expect(formatFigures(deriveFigures(sumBaselines([])))).toMatchObject({ bac: '0.00', cpi: null, spi: null, tcpi: null });
  });
});

describe('a roll-up from sums by percent complete (rollUpBaseline)', () => {
  const money = fc.bigInt({ min: B(-1e15), max: B(9007199254740991) * B(1000) });
  const facts = fc.record({
    bac: money,
    plannedBeforeMonth: money,
    plannedInMonth: money,
    actualCost: money,
    percentComplete: fc.option(fc.integer({ min: 0, max: 100 })),
  });

  it("equals adding every project's exact figures, whatever the projects and the day", () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 30 }), fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }), (projects, day) => {
        const asOf = date(day.toISOString().slice(0, 10));
        // What the database answers: the lines' sums grouped by their project's percent complete.
        const groups = new Map<number | null, { bac: bigint; plannedBeforeMonth: bigint; plannedInMonth: bigint }>();
        for (const p of projects) {
          const g = groups.get(p.percentComplete) ?? { bac: B(0), plannedBeforeMonth: B(0), plannedInMonth: B(0) };
          groups.set(p.percentComplete, { bac: g.bac + p.bac, plannedBeforeMonth: g.plannedBeforeMonth + p.plannedBeforeMonth, plannedInMonth: g.plannedInMonth + p.plannedInMonth });
        }
        const actualCost = projects.reduce((sum, p) => sum + p.actualCost, B(0));
        const rolled = rollUpBaseline([...groups].map(([percentComplete, g]) => ({ percentComplete, ...g })), actualCost, asOf);
        const added = sumBaselines(projects.map((p) => projectBaseline(p, asOf)));
        expect(rolled).toEqual(added);
        expect(formatFigures(deriveFigures(rolled))).toEqual(formatFigures(deriveFigures(added)));
      })
    );
  });

  it('refuses a percent complete outside 0–100', () => {
    expect(() => rollUpBaseline([{ percentComplete: 101, bac: B(1), plannedBeforeMonth: B(0), plannedInMonth: B(0) }], B(0), date('2026-03-10'))).toThrow(RangeError);
  });
});

describe('an index as the answers carry it (indexValue)', () => {
  it('is the number its 4-decimal text reads as, whatever the fraction', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(-10) ** BigInt(15), max: BigInt(10) ** BigInt(15) }), fc.bigInt({ min: BigInt(1), max: BigInt(10) ** BigInt(15) }), (n, d) => {
        expect(indexValue({ n, d })).toBe(Number(formatIndex({ n, d })));
      })
    );
    // Exactly half a ten-thousandth, both signs: rounded away from zero.
    expect([indexValue({ n: BigInt(16667), d: BigInt(20000) }), indexValue({ n: BigInt(-16667), d: BigInt(20000) })]).toEqual([0.8334, -0.8334]);
  });
});

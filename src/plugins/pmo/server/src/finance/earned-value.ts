/**
 * Earned value management (DESIGN.md, Finance). Pure: no Strapi import, no floating point on money.
 *
 * Where rounding happens: nowhere until output. Money is integer minor units (BigInt); PV and EV
 * are exact fractions of a minor unit (PV has the month's day count as denominator, EV has 100),
 * roll-ups add those fractions exactly, and every derived figure (CV, CPI, EAC, …) is computed
 * from the exact sums. Only `formatFigures` rounds: money to the minor unit and indices to
 * 4 decimals, half away from zero. So a displayed CV may differ by a cent from the displayed
 * EV − AC: both are the exact value rounded once.
 */
import type { EvmFigures } from '../../../shared/contracts/finance';
import { formatMinor } from '../../../shared/money';
import { daysInMonth, type CalendarDate } from '../platform/dates';

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const HUNDRED = BigInt(100);
const INDEX_SCALE = BigInt(10000);
const INDEX_DECIMALS = 4;

/** An exact quantity: n / d with d > 0 (money in minor units, or a ratio). */
export type Exact = { n: bigint; d: bigint };

const abs = (value: bigint) => (value < ZERO ? -value : value);
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [abs(a), abs(b)];
  while (y !== ZERO) [x, y] = [y, x % y];
  return x;
};
const reduce = (n: bigint, d: bigint): Exact => {
  if (d === ONE) return { n, d }; // a whole number of minor units: nothing to divide out
  if (d < ZERO) [n, d] = [-n, -d];
  const divisor = gcd(n, d) || ONE;
  return { n: n / divisor, d: d / divisor };
};

export const exact = (minor: bigint | number | string): Exact => ({ n: BigInt(minor), d: ONE });
/*
 * Most operands are whole minor units (BAC, AC, and their differences) or share a denominator
 * (PV's days in the month): those add without cross products, and a result over 1 needs no gcd.
 */
export const add = (a: Exact, b: Exact) => (a.d === b.d ? reduce(a.n + b.n, a.d) : reduce(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Exact, b: Exact) => (a.d === b.d ? reduce(a.n - b.n, a.d) : reduce(a.n * b.d - b.n * a.d, a.d * b.d));
export const mul = (a: Exact, b: Exact) => reduce(a.n * b.n, a.d * b.d);
/** a / b, or null when b is zero. */
export const div = (a: Exact, b: Exact): Exact | null => (b.n === ZERO ? null : reduce(a.n * b.d, a.d * b.n));
const isZero = (a: Exact) => a.n === ZERO;
/** a ≤ b */
export const atMost = (a: Exact, b: Exact) => a.n * b.d <= b.n * a.d;

/** n / d rounded to an integer, half away from zero. */
export function roundHalfAwayFromZero({ n, d }: Exact): bigint {
  const magnitude = (TWO * abs(n) + d) / (TWO * d);
  return n < ZERO ? -magnitude : magnitude;
}

/** What the database sums for one project as of a date (see repository.ts). */
export type ProjectFacts = {
  /** Budget at completion: every budget line but management reserve. */
  bac: bigint;
  /** The part of BAC in months that ended before asOf's month: planned in full. */
  plannedBeforeMonth: bigint;
  /** The part of BAC in asOf's own month: planned pro rata by days elapsed, asOf included. */
  plannedInMonth: bigint;
  /** Cost entries dated on or before asOf. */
  actualCost: bigint;
  /** percentComplete (0–100) of the latest status report on or before asOf; null without one. */
  percentComplete: number | null;
};

/** The four sums everything else derives from; roll-ups add these and nothing else. */
export type Baseline = { bac: Exact; pv: Exact; ev: Exact; ac: Exact };

/**
 * PV: months before asOf's month in full, asOf's month × elapsed days / days in the month. Over
 * the days in the month, unreduced: every project's PV as of one day then shares a denominator,
 * and a roll-up adds 10,000 of them without a gcd each (sumBaselines reduces once).
 */
export function plannedValue(beforeMonth: bigint, inMonth: bigint, asOf: CalendarDate): Exact {
  const days = BigInt(daysInMonth(asOf.year, asOf.month));
  return { n: beforeMonth * days + inMonth * BigInt(asOf.day), d: days };
}

/** EV: BAC × percentComplete / 100 (0 with no status report), over 100 unreduced, as PV is. */
export function earnedValue(bac: bigint, percentComplete: number | null): Exact {
  return { n: percentComplete === null ? ZERO : bac * BigInt(checkedPercent(percentComplete)), d: HUNDRED };
}

function checkedPercent(percentComplete: number): number {
  if (!Number.isInteger(percentComplete) || percentComplete < 0 || percentComplete > 100) {
    throw new RangeError(`percentComplete must be a whole number from 0 to 100, got ${percentComplete}`);
  }
  return percentComplete;
}

export function projectBaseline(facts: ProjectFacts, asOf: CalendarDate): Baseline {
  return {
    bac: exact(facts.bac),
    pv: plannedValue(facts.plannedBeforeMonth, facts.plannedInMonth, asOf),
    ev: earnedValue(facts.bac, facts.percentComplete),
    ac: exact(facts.actualCost),
  };
}

/** a + b, unreduced where they share a denominator (a sum of many reduces once, at the end). */
const plus = (a: Exact, b: Exact) => (a.d === b.d ? { n: a.n + b.n, d: a.d } : add(a, b));

/** Programme and portfolio: the sums of their projects' BAC, PV, EV and AC. */
export function sumBaselines(baselines: Iterable<Baseline>): Baseline {
  let [bac, pv, ev, ac] = [exact(ZERO), exact(ZERO), exact(ZERO), exact(ZERO)];
  let first = true;
  for (const b of baselines) {
    // The first project's denominators are the sum's, so the others' (the same) add without a gcd.
    [bac, pv, ev, ac] = first ? [b.bac, b.pv, b.ev, b.ac] : [plus(bac, b.bac), plus(pv, b.pv), plus(ev, b.ev), plus(ac, b.ac)];
    first = false;
  }
  return { bac: reduce(bac.n, bac.d), pv: reduce(pv.n, pv.d), ev: reduce(ev.n, ev.d), ac: reduce(ac.n, ac.d) };
}

/** What the database sums over a roll-up's budget lines that share a percent complete (see rollup-sql.ts). */
export type ProgressGroup = {
  /** percentComplete (0–100) of the lines' projects' latest status report; null: no report, so no EV. */
  percentComplete: number | null;
  bac: bigint;
  plannedBeforeMonth: bigint;
  plannedInMonth: bigint;
};

/**
 * The four sums of a roll-up from its budget lines grouped by their project's percent complete
 * (at most 102 groups) and its actual cost: exactly `sumBaselines` of every project's baseline,
 * with one division each. Σ PV = Σ before + (Σ in-month) × days elapsed / days in the month, as
 * every project shares asOf's fraction; Σ EV = Σ (BAC × percent) / 100 = (Σ per percent of
 * percent × Σ BAC) / 100. Reduced fractions are unique, so the figures derived are the same.
 */
export function rollUpBaseline(groups: Iterable<ProgressGroup>, actualCost: bigint, asOf: CalendarDate): Baseline {
  let [bac, before, inMonth, earned] = [ZERO, ZERO, ZERO, ZERO];
  for (const group of groups) {
    bac += group.bac;
    before += group.plannedBeforeMonth;
    inMonth += group.plannedInMonth;
    if (group.percentComplete !== null) earned += group.bac * BigInt(checkedPercent(group.percentComplete));
  }
  const pv = plannedValue(before, inMonth, asOf);
  return { bac: exact(bac), pv: reduce(pv.n, pv.d), ev: reduce(earned, HUNDRED), ac: exact(actualCost) };
}

export type ExactFigures = Baseline & {
  cv: Exact;
  sv: Exact;
  cpi: Exact | null;
  spi: Exact | null;
  eac: Exact | null;
  eacAtypical: Exact;
  eacCombined: Exact | null;
  etc: Exact | null;
  vac: Exact | null;
  tcpi: Exact | null;
};

/** a − b, unreduced (only rounded, or used in exact arithmetic that reduces). */
const minus = (a: Exact, b: Exact): Exact => (a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d });
/** a / b, unreduced with a positive denominator; null when b is zero. */
const per = (a: Exact, b: Exact): Exact | null => {
  if (b.n === ZERO) return null;
  const [n, d] = [a.n * b.d, a.d * b.n];
  return d < ZERO ? { n: -n, d: -d } : { n, d };
};

/**
 * The performance figures (DESIGN.md): CV, SV, CPI and SPI of a baseline; what the dashboard ranks
 * 10,000 projects by, so unreduced (a gcd each would be most of the dashboard's arithmetic): each
 * is exact, and rounding or further exact arithmetic gives what the reduced fraction would.
 */
export function performanceFigures({ pv, ev, ac }: Pick<Baseline, 'pv' | 'ev' | 'ac'>) {
  return {
    cv: minus(ev, ac),
    sv: minus(ev, pv),
    cpi: per(ev, ac), // null when AC = 0
    spi: per(ev, pv), // null when PV = 0
  };
}

/** DESIGN.md's formulas and null rules, exactly. */
export function deriveFigures(base: Baseline): ExactFigures {
  const { bac, ev, ac } = base;
  const { cv, sv, cpi, spi } = performanceFigures(base);
  const usable = (index: Exact | null): index is Exact => index !== null && !isZero(index);
  const remaining = sub(bac, ev);
  const eac = usable(cpi) ? div(bac, cpi) : null;
  const eacCombined = usable(cpi) && usable(spi) ? add(ac, div(remaining, mul(cpi, spi))!) : null;
  return {
    ...base,
    cv,
    sv,
    cpi,
    spi,
    eac,
    eacAtypical: add(ac, remaining),
    eacCombined,
    etc: eac && sub(eac, ac),
    vac: eac && sub(bac, eac),
    tcpi: atMost(bac, ac) ? null : div(remaining, sub(bac, ac)),
  };
}

/** Money as DESIGN.md writes it: "40000.00", rounded to the minor unit half away from zero. */
export function formatMoney(value: Exact): string {
  return formatMinor(roundHalfAwayFromZero(value));
}

/** An index rounded to 4 decimals half away from zero, as a fixed decimal string: "0.8333". */
export function formatIndex(value: Exact): string {
  const scaled = roundHalfAwayFromZero({ n: value.n * INDEX_SCALE, d: value.d });
  const sign = scaled < ZERO ? '-' : '';
  const digits = abs(scaled).toString().padStart(INDEX_DECIMALS + 1, '0');
  return `${sign}${digits.slice(0, -INDEX_DECIMALS)}.${digits.slice(-INDEX_DECIMALS)}`;
}

const money = (value: Exact | null) => (value === null ? null : formatMoney(value));
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An index as the answers carry it: a number with 4 decimals, or null. The rounded ten-thousandths,
 * when a double holds them exactly, divided by 10,000 is the double nearest that decimal (both
 * correctly rounded), as parsing `formatIndex`'s text gives; past that, the text is parsed.
 */
export function indexValue(value: Exact | null): number | null {
  if (value === null) return null;
  const scaled = roundHalfAwayFromZero({ n: value.n * INDEX_SCALE, d: value.d });
  return abs(scaled) <= SAFE ? Number(scaled) / Number(INDEX_SCALE) : Number(formatIndex(value));
}

/** The figures as the API answers them: money as decimal strings, indices as numbers, or null. */
export function formatFigures(figures: ExactFigures): EvmFigures {
  return {
    bac: formatMoney(figures.bac),
    pv: formatMoney(figures.pv),
    ev: formatMoney(figures.ev),
    ac: formatMoney(figures.ac),
    cv: formatMoney(figures.cv),
    sv: formatMoney(figures.sv),
    cpi: indexValue(figures.cpi),
    spi: indexValue(figures.spi),
    eac: money(figures.eac),
    eacAtypical: formatMoney(figures.eacAtypical),
    eacCombined: money(figures.eacCombined),
    etc: money(figures.etc),
    vac: money(figures.vac),
    tcpi: indexValue(figures.tcpi),
  };
}

/** Facts → figures for one project. */
export function projectFigures(facts: ProjectFacts, asOf: CalendarDate): EvmFigures {
  return formatFigures(deriveFigures(projectBaseline(facts, asOf)));
}

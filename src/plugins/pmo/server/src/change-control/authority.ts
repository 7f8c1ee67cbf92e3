/**
 * PRINCE2 change authority (DESIGN.md, Change control), pure: who decides a change from its cost
 * impact, the project's cost tolerance and the change authority limit. Money is integer minor
 * units (BigInt), so the boundaries are exact: a cost exactly at the tolerance is the project
 * manager's, one cent above is the change board's; exactly at the limit is still the board's,
 * one cent above is the PMO director's.
 */
import { formatMoney } from '../../../shared/money';

import { AUTHORITY_LEVELS, type AuthorityLevel } from '../../../shared/contracts/change-control';

export { AUTHORITY_LEVELS, type AuthorityLevel };

export const AUTHORITY_NAMES: Record<AuthorityLevel, string> = {
  'project-manager': 'the project manager',
  'change-board': 'the change board',
  'pmo-director': 'a PMO director',
};

/** The tolerance when a project has none recorded (the project.tolerances component's default). */
export const DEFAULT_COST_TOLERANCE_PERCENT = 10;

/** 100,000.00 in minor units: used when neither the programme nor the configuration sets a limit. */
export const DEFAULT_CHANGE_AUTHORITY_LIMIT = '10000000';

export type AuthorityFacts = {
  /** The cost impact in minor units; null while it is not assessed. */
  cost: bigint | null;
  /** The project's budget at completion: its budget lines, management reserve excluded. */
  bac: bigint;
  /** The project's cost tolerance in percent of BAC (tolerances.costPercent). */
  costPercent: number;
  /** Above this cost impact a PMO director decides. */
  limit: bigint;
};

const ZERO = BigInt(0);
const HUNDREDTHS_OF_PERCENT = BigInt(10000);

/** The percentage in hundredths (10.5 % → 1050), so the tolerance test stays in integers. */
function percentHundredths(percent: number): bigint {
  const value = Number.isFinite(percent) && percent > 0 ? percent : 0;
  return BigInt(Math.round(value * 100));
}

/** The cost tolerance in minor units, rounded down to the cent (for display: decisions use withinTolerance). */
export function costTolerance(bac: bigint, costPercent: number): bigint {
  const base = bac > ZERO ? bac : ZERO;
  return (base * percentHundredths(costPercent)) / HUNDREDTHS_OF_PERCENT;
}

/** cost ≤ BAC × percent / 100, compared exactly (no rounding of the tolerance). */
export function withinTolerance(cost: bigint, bac: bigint, costPercent: number): boolean {
  const base = bac > ZERO ? bac : ZERO;
  return cost * HUNDREDTHS_OF_PERCENT <= base * percentHundredths(costPercent);
}

/** Who decides the change: null while its cost impact is not assessed. */
export function authorityLevel(facts: AuthorityFacts): AuthorityLevel | null {
  if (facts.cost === null) return null;
  if (facts.cost > facts.limit) return 'pmo-director';
  if (withinTolerance(facts.cost, facts.bac, facts.costPercent)) return 'project-manager';
  return 'change-board';
}

/** Minor units as a person reads money: "1,234.50 EUR". */
const money = (minor: bigint, currency: string) => formatMoney({ minor: minor.toString() }, currency);

/** Why the change sits at its level, in words a PMO user reads, with money as "1,234.50 EUR". */
export function explainAuthority(facts: AuthorityFacts, currency: string): string {
  const level = authorityLevel(facts);
  if (level === null) return 'the cost impact is not assessed yet';
  const cost = money(facts.cost!, currency);
  const limit = money(facts.limit, currency);
  const tolerance = `${money(costTolerance(facts.bac, facts.costPercent), currency)} (${facts.costPercent}% of a budget of ${money(facts.bac, currency)})`;
  if (level === 'pmo-director') return `its cost impact of ${cost} is above the change authority limit of ${limit}`;
  if (level === 'project-manager') return `its cost impact of ${cost} is within the project's cost tolerance of ${tolerance}`;
  return `its cost impact of ${cost} is above the project's cost tolerance of ${tolerance} and within the change authority limit of ${limit}`;
}

/** The shortfall of the change budget for a cost, or null when the budget covers it. */
export function changeBudgetShortfall(remaining: bigint, cost: bigint): bigint | null {
  if (cost <= ZERO) return null;
  return remaining >= cost ? null : cost - remaining;
}

export function describeShortfall(remaining: bigint, cost: bigint, currency: string): string | null {
  const shortfall = changeBudgetShortfall(remaining, cost);
  if (shortfall === null) return null;
  return `The project's change budget has ${money(remaining, currency)} left and this change needs ${money(cost, currency)}: ${money(shortfall, currency)} short`;
}

/** `CR-<project code>-001`: three digits at least, more when a project passes 999 changes. */
export function changeReference(projectCode: string, number: number): string {
  return `CR-${projectCode}-${String(number).padStart(3, '0')}`;
}

/** A money value as the API carries it ("123450", 123450) → BigInt; null when absent. Throws on garbage. */
export function toMinor(value: unknown): bigint | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  throw new Error(`not a whole number of minor units: ${String(value)}`);
}

/**
 * Money is carried as integer minor units (cents) in strings, e.g. "123450" for 1234.50.
 * Pure: imported by the server and the admin panel alike. Arithmetic is BigInt, so sums stay
 * exact however large they grow; one amount is limited to ±MAX_MINOR (see below).
 */

export const MINOR_UNITS = 2;
const SCALE = BigInt(10 ** MINOR_UNITS);

/**
 * The largest amount PMO Hub accepts, in minor units: 2^53 − 1, i.e. 90,071,992,547,409.91
 * (DESIGN.md asks for at least 10,000,000,000,000.00). Beyond it an amount is refused rather
 * than stored altered: better-sqlite3 reads integers as doubles, which hold every whole number
 * only up to 2^53 − 1, so this is the range that is exact on SQLite and PostgreSQL alike.
 */
export const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);
/** The smallest (most negative) amount accepted: −(2^53 − 1) minor units. */
export const MIN_MINOR = -MAX_MINOR;

export type MoneyParseResult = { ok: true; minor: string } | { ok: false; error: string };

/** Why a value is not an accepted amount. */
export type MinorUnitsProblem = 'not-whole' | 'above' | 'below';
export type MinorUnitsCheck = { ok: true; minor: bigint } | { ok: false; problem: MinorUnitsProblem };

const GROUPED = /^\d{1,3}(,\d{3})+$/;
const PLAIN = /^\d+$/;
const WHOLE = /^-?\d+$/;

function inRange(minor: bigint): MinorUnitsCheck {
  if (minor > MAX_MINOR) return { ok: false, problem: 'above' };
  if (minor < MIN_MINOR) return { ok: false, problem: 'below' };
  return { ok: true, minor };
}

/**
 * Checks what the API accepts as stored money: an integer count of minor units within
 * ±MAX_MINOR, given as a string ("-123450"), a number or a BigInt. A number past 2^53 − 1 is
 * refused even when it looks whole: JSON has already rounded it (9007199254740993 arrives as
 * 9007199254740992).
 */
export function checkMinorUnits(value: unknown): MinorUnitsCheck {
  if (typeof value === 'bigint') return inRange(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { ok: false, problem: 'not-whole' };
    if (Number.isSafeInteger(value)) return { ok: true, minor: BigInt(value) };
    return { ok: false, problem: value > 0 ? 'above' : 'below' };
  }
  if (typeof value === 'string' && WHOLE.test(value)) return inRange(BigInt(value));
  return { ok: false, problem: 'not-whole' };
}

/** True for what the API accepts as stored money (see checkMinorUnits). */
export function isMinorUnits(value: unknown): boolean {
  return checkMinorUnits(value).ok;
}

/**
 * What a refused amount must be, in words for a person and in money rather than cents:
 * "must be at most 90,071,992,547,409.91".
 */
export function minorUnitsRule(problem: MinorUnitsProblem): string {
  if (problem === 'above') return `must be at most ${formatMinorGrouped(MAX_MINOR)}`;
  if (problem === 'below') return `must be at least ${formatMinorGrouped(MIN_MINOR)}`;
  return 'must be a whole number of cents ("123450" for 1,234.50)';
}

/**
 * Parses what a person types: `1234.50`, `1,234.50`, `-12`, `0.1`. Commas are accepted only as
 * thousands separators in groups of three; at most two decimals; within ±MAX_MINOR.
 */
export function parseMoneyInput(input: string): MoneyParseResult {
  const text = String(input).trim().replace(/\s+/g, '');
  if (text === '') return { ok: false, error: 'is empty' };
  let body = text;
  let negative = false;
  if (body.startsWith('-')) {
    negative = true;
    body = body.slice(1);
  } else if (body.startsWith('+')) {
    body = body.slice(1);
  }
  const [whole, fraction, ...rest] = body.split('.');
  if (rest.length > 0) return { ok: false, error: 'has more than one decimal point' };
  if (!(PLAIN.test(whole) || GROUPED.test(whole))) {
    return { ok: false, error: 'must be written like 1234.50 or 1,234.50' };
  }
  if (fraction !== undefined && !/^\d{1,2}$/.test(fraction)) {
    return { ok: false, error: `must have at most ${MINOR_UNITS} decimals` };
  }
  const magnitude =
    BigInt(whole.replace(/,/g, '')) * SCALE + BigInt((fraction ?? '').padEnd(MINOR_UNITS, '0'));
  const checked = inRange(negative ? -magnitude : magnitude);
  if (!checked.ok) return { ok: false, error: minorUnitsRule(checked.problem) };
  // -0 is 0: BigInt has no negative zero, so the string is "0".
  return { ok: true, minor: checked.minor.toString() };
}

function absBig(value: bigint): bigint {
  return value < BigInt(0) ? -value : value;
}

/** Minor units to a plain decimal string with a `.` point: "123450" → "1234.50". */
export function formatMinor(minor: string | number | bigint): string {
  const value = BigInt(minor);
  const sign = value < BigInt(0) ? '-' : '';
  const abs = absBig(value);
  const whole = abs / SCALE;
  const cents = (abs % SCALE).toString().padStart(MINOR_UNITS, '0');
  return `${sign}${whole.toString()}.${cents}`;
}

/** Minor units to a display string with thousands separators: "123450" → "1,234.50". */
export function formatMinorGrouped(minor: string | number | bigint): string {
  return groupThousands(formatMinor(minor));
}

/**
 * A plain decimal ("-1234567.50") with thousands separators ("-1,234,567.50"), of any size:
 * sums and other computed figures the server sends may lie beyond the range of one amount.
 */
export function groupThousands(decimal: string): string {
  const [whole, ...fraction] = decimal.split('.');
  return [whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','), ...fraction].join('.');
}

/** An amount as the server sends or stores it: minor units or a computed decimal, possibly none. */
export type Amount = string | number | bigint | null | undefined;

const MINOR_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^(-?\d+)(?:\.(\d+))?$/;

/**
 * Money as PMO Hub writes it for a person, on a page or in a server's message: grouped, two
 * decimals, the currency after ("1,234.50 EUR"), from integer minor units (`{ minor: "123450" }`,
 * DESIGN.md "Money") or a computed decimal string (`{ decimal: "1234.5" }`), exactly whatever the
 * size. "—" when there is no amount; a value that is neither comes back as it came (never a wrong
 * figure).
 */
export function formatMoney(amount: { minor: Amount } | { decimal: Amount }, currency?: string | null): string {
  const value = 'minor' in amount ? amount.minor : amount.decimal;
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  let figure = text;
  if ('minor' in amount && MINOR_TEXT.test(text)) figure = formatMinorGrouped(text);
  const decimal = 'decimal' in amount ? DECIMAL_TEXT.exec(text) : null;
  if (decimal) figure = groupThousands(`${decimal[1]}.${(decimal[2] ?? '').padEnd(MINOR_UNITS, '0')}`);
  return currency ? `${figure} ${currency}` : figure;
}

/**
 * Money is carried as integer minor units (cents) in strings, e.g. "123450" for 1234.50.
 * Pure: imported by the server and the admin panel alike. BigInt keeps every amount exact,
 * far past what a double can hold.
 */

export const MINOR_UNITS = 2;
const SCALE = BigInt(10 ** MINOR_UNITS);

/** The largest amount PMO Hub accepts, in minor units (DESIGN: at least 10,000,000,000,000.00). */
export const MAX_MINOR = BigInt('999999999999999999');

export type MoneyParseResult = { ok: true; minor: string } | { ok: false; error: string };

const GROUPED = /^\d{1,3}(,\d{3})+$/;
const PLAIN = /^\d+$/;

/**
 * Parses what a person types: `1234.50`, `1,234.50`, `-12`, `0.1`. Commas are accepted only as
 * thousands separators in groups of three; at most two decimals.
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
  const minor =
    BigInt(whole.replace(/,/g, '')) * SCALE + BigInt((fraction ?? '').padEnd(MINOR_UNITS, '0'));
  if (minor > MAX_MINOR) return { ok: false, error: 'is too large' };
  return { ok: true, minor: (negative && minor !== BigInt(0) ? -minor : minor).toString() };
}

/** True for what the API accepts as stored money: an integer count of minor units. */
export function isMinorUnits(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (typeof value === 'bigint') return true;
  return typeof value === 'string' && /^-?\d+$/.test(value) && absBig(BigInt(value)) <= MAX_MINOR;
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
  const plain = formatMinor(minor);
  const [whole, cents] = plain.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

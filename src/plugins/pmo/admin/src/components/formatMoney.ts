/**
 * Money as PMO Hub writes it for a person: grouped, two decimals, the currency after ("1,234.50
 * EUR"), from integer minor units ("123450", DESIGN.md "Money") or a computed decimal string
 * ("1234.50"), exactly whatever the size (shared/money.ts). Pure: the Money component shows it.
 */
import { formatMinorGrouped, groupThousands } from '../../../shared/money';

export type Amount = string | number | bigint | null | undefined;

const MINOR = /^-?\d+$/;
const DECIMAL = /^(-?\d+)(?:\.(\d+))?$/;

/**
 * `{ minor: "123450" }` or `{ decimal: "1234.5" }` as "1,234.50", followed by the currency when
 * given; "—" when there is no amount; a value that is neither as it came (never a wrong figure).
 */
export function formatMoney(amount: { minor: Amount } | { decimal: Amount }, currency?: string): string {
  const value = 'minor' in amount ? amount.minor : amount.decimal;
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  let figure = text;
  if ('minor' in amount && MINOR.test(text)) figure = formatMinorGrouped(text);
  const decimal = 'decimal' in amount ? DECIMAL.exec(text) : null;
  if (decimal) figure = groupThousands(`${decimal[1]}.${(decimal[2] ?? '').padEnd(2, '0')}`);
  return currency ? `${figure} ${currency}` : figure;
}

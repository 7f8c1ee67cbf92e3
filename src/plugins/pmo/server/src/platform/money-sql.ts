/**
 * The SQL sum of a money column, read back exactly as a decimal string of minor units ("0" when
 * there are no rows), on either database, whatever the total: every query that adds money up
 * selects `sumMinor(knex, column, alias)` and reads the alias with BigInt.
 *
 * - PostgreSQL: SUM(bigint) is a numeric, exact at any size; Strapi has pg parse numerics with
 *   parseFloat, so it is cast to text.
 * - SQLite: SUM of integers is exact up to 2^63 − 1 and raises "integer overflow" past it;
 *   1,025 amounts at the largest accepted (2^53 − 1) already pass it. So the column is added in
 *   two parts that cannot overflow, each row split at 10^9 (floor quotient and a remainder from
 *   0 to 10^9 − 1), and the two sums are written side by side as decimal text in SQL: the
 *   quotients carry the digits above the last nine, the remainders the last nine (and a carry).
 *   Each part stays within 2^63 for billions of rows. Reading `CAST(SUM(x) AS TEXT)` instead
 *   would be exact only below 2^63 and a 500 above it.
 */
import type { Knex } from 'knex';

/** Where each row is split: nine decimal digits, so the low part prints with %09d. */
const PART = '1000000000';

/** The SQLite expression; `{c}` stands for the column and becomes a bound identifier. */
function sqliteSum(): string {
  const remainder = `(({c} % ${PART}) + ${PART}) % ${PART}`; // 0 … 10^9 − 1, for negatives too
  const quotient = `({c} - ${remainder}) / ${PART}`; // exact: floor(x / 10^9)
  const high = `(SUM(${quotient}) + SUM(${remainder}) / ${PART})`;
  const low = `(SUM(${remainder}) % ${PART})`; // 0 … 10^9 − 1
  // total = high × 10^9 + low. A negative total with a low part above zero borrows one from the
  // high part so both parts carry the same sign and the digits can be written side by side.
  const borrow = `(${high} < 0 AND ${low} > 0)`;
  const head = `(${high} + ${borrow})`;
  const tail = `(${low} - ${PART} * ${borrow})`;
  return `COALESCE(CASE WHEN ${head} = 0 THEN CAST(${tail} AS TEXT) ELSE CAST(${head} AS TEXT) || printf('%09d', abs(${tail})) END, '0')`;
}

const SQLITE_SUM = sqliteSum();
const SQLITE_REFERENCES = SQLITE_SUM.split('{c}').length - 1;

/** `<exact sum of column as text> AS alias`, for a select list (column as `table.column`). */
export function sumMinor(knex: Knex, column: string, alias: string): Knex.Raw {
  if ((knex.client as { dialect?: string }).dialect === 'sqlite3') {
    return knex.raw(`${SQLITE_SUM.split('{c}').join('??')} AS ??`, [...new Array(SQLITE_REFERENCES).fill(column), alias]);
  }
  return knex.raw('CAST(COALESCE(SUM(??), 0) AS TEXT) AS ??', [column, alias]);
}

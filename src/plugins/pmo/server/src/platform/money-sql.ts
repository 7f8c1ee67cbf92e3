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
export const PART = '1000000000';

/** The low part of an amount (SQL expression `a`): its floor remainder by 10^9, 0 … 10^9 − 1, for negatives too. */
export const lowPart = (a: string) => `((${a} % ${PART}) + ${PART}) % ${PART}`;
/** The high part: floor(a / 10^9), exact (a − low part is a multiple of 10^9). */
export const highPart = (a: string) => `((${a}) - ${lowPart(a)}) / ${PART}`;

/**
 * An amount kept as two parts (high h, low l ≥ 0 of any size, as sumParts adds them) negated,
 * still with a low part of 0 or more: −(h × 10^9 + l) = (−h − c) × 10^9 + (c × 10^9 − l), where
 * c = ⌈l / 10^9⌉. Rows to take away from a sum of parts are added so.
 */
export const negatedParts = (high: string, low: string) => {
  const carry = `((${low} + ${PART} - 1) / ${PART})`;
  return { high: `(-(${high}) - ${carry})`, low: `(${carry} * ${PART} - (${low}))` };
};

/**
 * The SQLite expression of Σ high × 10^9 + Σ low as decimal text, given each row's high part and
 * its low part (0 or more, any size a sum of low parts keeps well inside 2^63).
 */
function sqliteSum(quotient: string, remainder: string): string {
  const high = `(SUM(${quotient}) + SUM(${remainder}) / ${PART})`;
  const low = `(SUM(${remainder}) % ${PART})`; // 0 … 10^9 − 1
  // total = high × 10^9 + low. A negative total with a low part above zero borrows one from the
  // high part so both parts carry the same sign and the digits can be written side by side.
  const borrow = `(${high} < 0 AND ${low} > 0)`;
  const head = `(${high} + ${borrow})`;
  const tail = `(${low} - ${PART} * ${borrow})`;
  return `COALESCE(CASE WHEN ${head} = 0 THEN CAST(${tail} AS TEXT) ELSE CAST(${head} AS TEXT) || printf('%09d', abs(${tail})) END, '0')`;
}

/** `{c}`-style tokens of a template become `??` bindings of the given columns, in order. */
function bindColumns(template: string, columns: Record<string, string>): [string, string[]] {
  const bindings: string[] = [];
  const sql = template.replace(/\{([a-z])\}/g, (_token, name: string) => {
    bindings.push(columns[name]);
    return '??';
  });
  return [sql, bindings];
}

const SQLITE_SUM = sqliteSum(highPart('{c}'), lowPart('{c}'));
const SQLITE_PARTS_SUM = sqliteSum('{h}', '{l}');
const isSqlite = (knex: Knex) => (knex.client as { dialect?: string }).dialect === 'sqlite3';

/** `<exact sum of column as text> AS alias`, for a select list (column as `table.column`). */
export function sumMinor(knex: Knex, column: string, alias: string): Knex.Raw {
  if (isSqlite(knex)) {
    const [sql, bindings] = bindColumns(SQLITE_SUM, { c: column });
    return knex.raw(`${sql} AS ??`, [...bindings, alias]);
  }
  return knex.raw('CAST(COALESCE(SUM(??), 0) AS TEXT) AS ??', [column, alias]);
}

/**
 * `<exact Σ high × 10^9 + Σ low as text> AS alias`: the sum of amounts kept as their two parts
 * (highPart, lowPart), e.g. finance's cost totals, whose rows are sums of parts themselves.
 */
export function sumParts(knex: Knex, high: string, low: string, alias: string): Knex.Raw {
  if (isSqlite(knex)) {
    const [sql, bindings] = bindColumns(SQLITE_PARTS_SUM, { h: high, l: low });
    return knex.raw(`${sql} AS ??`, [...bindings, alias]);
  }
  return knex.raw(`CAST(COALESCE(SUM(??), 0) * ${PART} + COALESCE(SUM(??), 0) AS TEXT) AS ??`, [high, low, alias]);
}

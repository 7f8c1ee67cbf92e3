/**
 * CSV lines half-built by SQLite, for the large exports on SQLite (csv-copy.ts is PostgreSQL's
 * whole-CSV path). The SELECT joins each row's cells into one text value, separated by the
 * unit separator (U+001F), with money already written as a decimal ("-1234.50"), so
 * better-sqlite3 hands JavaScript one string per row (`pluck`) instead of an array of cells:
 * creating one string instead of six was most of the time the export spent outside SQLite
 * (bench/README.md).
 *
 * The line writer then looks at the whole line once. A line with no quote, delimiter, CR or LF
 * anywhere and no cell starting with = + - @ or tab needs nothing but its separators turned into
 * the delimiter. Any other line is split at the separators and each cell written as csv.ts's row
 * writer does. So the bytes are the row writer's (tests/api/finance-exports-copy.test.ts).
 *
 * Text can hold any character, the separator too. A row whose text holds the separator (or whose
 * line would begin with U+001E) comes in a second form: U+001E, then the cells with each text
 * cell escaped (U+001E becomes U+001E "e", U+001F becomes U+001E "s"); the careful way undoes the
 * escapes. Every row pays for the check (`instr`), only those rows for the escaping. So the
 * separators of a line are always exactly the gaps between its cells.
 *
 * Where the caller names the column each cell reads (`sources`), the line is selected straight
 * from the query's own tables: SQLite does not flatten a subquery that sorts, and reading the
 * sorted rows back through one cost a third more.
 */
import type { Knex } from 'knex';
import { LINE_END, numberCell, textCell, type Delimiter } from './csv';
import type { CopyColumn } from './csv-copy';

/** What joins a line's cells in the SELECT, and what marks and escapes a line whose text holds it. */
const SEPARATOR = '\u001f';
const ESCAPE = '\u001e';
const SEPARATORS = /\u001f/g;
const ESCAPED = /\u001e([es])/g;
const unescape = (cell: string) => cell.replace(ESCAPED, (_, code: string) => (code === 'e' ? ESCAPE : SEPARATOR));

/**
 * Money as csv.ts and reports.ts write it, from minor units: the last two digits after a point,
 * at least one digit before it. `5` → `0.05`, `-123450` → `-1234.50`, NULL → empty. An integer
 * (a stored amount) is divided in SQL; text (a sum past 2^63 is text, money-sql.ts) is cut.
 */
function moneySql(ref: string): string {
  const text = `CAST(${ref} AS TEXT)`;
  const digits = `ltrim(${text}, '-')`;
  const fromText =
    `(CASE WHEN substr(${text}, 1, 1) = '-' THEN '-' ELSE '' END) || ` +
    `(CASE WHEN length(${digits}) <= 2 THEN '0.' || substr('00' || ${digits}, -2) ` +
    `ELSE substr(${digits}, 1, length(${digits}) - 2) || '.' || substr(${text}, -2) END)`;
  const fromInteger =
    `CASE WHEN ${ref} < 0 THEN '-' || (-${ref} / 100) || '.' || substr('0' || (-${ref} % 100), -2) ` +
    `ELSE (${ref} / 100) || '.' || substr('0' || (${ref} % 100), -2) END`;
  return `CASE typeof(${ref}) WHEN 'integer' THEN ${fromInteger} WHEN 'null' THEN '' ELSE ${fromText} END`;
}

const textSql = (ref: string) => `COALESCE(CAST(${ref} AS TEXT), '')`;
/** A cell between others: concatenation turns any value into its text, as CAST does, for less. */
const joinedTextSql = (ref: string) => `ifnull(${ref}, '')`;
const escapedSql = (ref: string) => `replace(replace(${textSql(ref)}, char(30), char(30) || 'e'), char(31), char(30) || 's')`;

/** Whether `knex` talks to SQLite through better-sqlite3 (the database this path is for). */
export const canBuildLines = (knex: Knex) => (knex.client as { driverName?: string }).driverName === 'better-sqlite3';

/**
 * `query` as a SELECT of one text column, `line`: the CSV's cells joined by U+001F, in the
 * query's row order. `sources` names the column each cell reads in `query` ("c.amount"): then
 * the line is selected from the query's own tables; otherwise from `query` as a subquery.
 */
export function lineSelect(knex: Knex, query: Knex.QueryBuilder, columns: readonly CopyColumn[], sources?: Record<string, string>): Knex.QueryBuilder {
  const refs = columns.map(({ column }) => knex.raw('??', [sources ? sources[column] : `csv_source.${column}`]).toQuery());
  const cell = (i: number, escaped: boolean) => {
    const { kind } = columns[i];
    if (kind === 'money') return moneySql(refs[i]);
    if (escaped && kind === 'text') return escapedSql(refs[i]);
    // One column alone must still come as text (pluck hands back the value as it is).
    return columns.length > 1 ? joinedTextSql(refs[i]) : textSql(refs[i]);
  };
  const joined = (escaped: boolean) => columns.map((_, i) => cell(i, escaped)).join(' || char(31) || ');
  const needsEscape = [
    // instr reads any value but a blob searched for a blob as text, as CAST would; NULL is no match.
    ...refs.filter((_, i) => columns[i].kind === 'text').map((ref) => `instr(${ref}, char(31))`),
    ...(columns[0]?.kind === 'text' ? [`substr(CAST(${refs[0]} AS TEXT), 1, 1) = char(30)`] : []),
  ];
  const line = needsEscape.length === 0 ? joined(false) : `CASE WHEN ${needsEscape.join(' OR ')} THEN char(30) || ${joined(true)} ELSE ${joined(false)} END`;
  if (sources) return query.clone().clearSelect().select(knex.raw(`${line} AS line`));
  return knex.from(query.as('csv_source')).select(knex.raw(`${line} AS line`));
}

/** The CSV line (with its CRLF) of each line that `lineSelect` reads. */
export function createLineWriter(columns: readonly CopyColumn[], delimiter: Delimiter = ',') {
  // Anything the row writer would change: quoting anywhere, or a formula start at a cell's start
  // (a negative amount starts with "-" too: it takes the careful way, and is left as it is); and
  // a line in the escaped form, which begins with U+001E.
  const careful = new RegExp(`^${ESCAPE}|["\\r\\n${delimiter}]|(?:^|${SEPARATOR})[=+\\-@\\t]`);
  const cells = columns.map((column) => (column.kind === 'text' ? (value: string) => textCell(value, delimiter) : numberCell));
  return (line: string): string => {
    if (!careful.test(line)) return line.replace(SEPARATORS, delimiter) + LINE_END;
    const escaped = line.startsWith(ESCAPE);
    const values = (escaped ? line.slice(1) : line).split(SEPARATOR);
    if (values.length !== cells.length) throw new TypeError(`a CSV line of ${values.length} cells for ${cells.length} columns`);
    let out = '';
    for (let i = 0; i < cells.length; i += 1) {
      if (i > 0) out += delimiter;
      out += cells[i](escaped && columns[i].kind === 'text' ? unescape(values[i]) : values[i]);
    }
    return out + LINE_END;
  };
}

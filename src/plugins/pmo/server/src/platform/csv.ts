/**
 * CSV writing for every export (finance, mentoring hours; DESIGN.md, Finance). Pure: no Strapi import.
 *
 * RFC 4180: CRLF line ends, a cell holding the delimiter, a double quote, CR or LF is quoted and
 * its quotes doubled. Formula injection: a text cell that begins with = + - @ tab CR or LF is
 * written with a leading ' so a spreadsheet shows it instead of evaluating it. Number cells
 * (money, indices, day counts) are written as plain numbers and never prefixed: "-5000.00"
 * stays a negative number. A column's kind, not its value, decides which rule applies.
 */

export type Delimiter = ',' | ';';
export type ColumnKind = 'text' | 'number';
export type Column = { name: string; kind: ColumnKind };
export type Cell = string | number | null | undefined;

export const DELIMITERS: readonly Delimiter[] = [',', ';'];
/** Byte order mark: lets spreadsheet programs recognise UTF-8. */
export const BOM = '\uFEFF';
export const LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES: Record<Delimiter, RegExp> = { ',': /[",\r\n]/, ';': /[";\r\n]/ };

/** Prefixes a ' to text a spreadsheet would read as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: only when needed, with inner quotes doubled. */
export function quote(text: string, delimiter: Delimiter = ','): string {
  return NEEDS_QUOTES[delimiter].test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function textCell(value: Cell, delimiter: Delimiter = ','): string {
  if (value === null || value === undefined) return '';
  return quote(neutraliseFormula(String(value)), delimiter);
}

/** A plain number, or empty for null. Anything else is a programming error, never written. */
export function numberCell(value: Cell): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value);
  if (!PLAIN_NUMBER.test(text)) throw new TypeError(`not a plain number for a CSV number column: ${JSON.stringify(text)}`);
  return text;
}

/** One CSV line (with its CRLF) per call, for the given columns and delimiter. */
export function createRowWriter(columns: readonly Column[], delimiter: Delimiter = ',') {
  const cells = columns.map((column) =>
    column.kind === 'number' ? numberCell : (value: Cell) => textCell(value, delimiter)
  );
  return (values: readonly Cell[]): string => {
    let line = '';
    for (let i = 0; i < cells.length; i += 1) {
      if (i > 0) line += delimiter;
      line += cells[i](values[i]);
    }
    return line + LINE_END;
  };
}

/** The header line: one row of the column names. */
export function headerLine(columns: readonly Column[], delimiter: Delimiter = ','): string {
  return columns.map((column) => textCell(column.name, delimiter)).join(delimiter) + LINE_END;
}

/**
 * Workbook helpers for PMO Hub's XLSX reports (exceljs), by the rules of the CSV exports
 * (platform/csv.ts): a column's kind decides how its cells are written, never the value.
 *
 * - text: a string; one that begins with = + - @ tab CR or LF gets a leading ' (the CSV rule,
 *   `neutraliseFormula`), so no spreadsheet reads it as a formula;
 * - money: a decimal string of the API ("40000.00") written as a number shown with two decimals
 *   and thousands separators (`#,##0.00`), never text;
 * - index: a number shown with four decimals; count: a whole number;
 * - date: `YYYY-MM-DD` written as a date (that day at UTC midnight, exceljs's serial), shown `d mmm yyyy`.
 *
 * Each cell is written by the platform's rules (platform/xlsx.ts `xlsxValue`, shared with the
 * register exports); what is the dashboard's own is the small in-memory workbook of table and
 * summary sheets.
 */
import ExcelJS from 'exceljs';
import { DATE_FORMAT, MONEY_FORMAT, XLSX_CONTENT_TYPE, xlsxValue, type XlsxKind as CellKind } from '../platform/xlsx';

export type XlsxKind = 'text' | 'money' | 'index' | 'count' | 'date';
export type XlsxColumn = { header: string; kind: XlsxKind; width?: number };
export type XlsxValue = string | number | null | undefined;

export { DATE_FORMAT, MONEY_FORMAT, XLSX_CONTENT_TYPE };
export const INDEX_FORMAT = '0.0000';

const FORMATS: Partial<Record<XlsxKind, string>> = { money: MONEY_FORMAT, index: INDEX_FORMAT, date: DATE_FORMAT, count: '0' };
const WIDTHS: Record<XlsxKind, number> = { text: 32, money: 16, index: 10, count: 10, date: 14 };
/** The platform's kind of cell for each of the dashboard's. */
const CELL_KIND: Record<XlsxKind, CellKind> = { text: 'text', money: 'money', index: 'decimal', count: 'integer', date: 'date' };

/** `YYYY-MM-DD` → that day at UTC midnight (what exceljs writes as the day's serial). */
export function xlsxDate(day: string): Date {
  return xlsxValue('date', day) as Date;
}

/** A cell's value by its column's kind (null stays empty). */
export function cellValue(kind: XlsxKind, value: XlsxValue): ExcelJS.CellValue {
  return xlsxValue(CELL_KIND[kind], value);
}

/**
 * A sheet of one table: a bold header row (frozen), then one row per item, each cell by its
 * column's kind and format. Names are cut to Excel's 31 characters.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: XlsxColumn[], rows: XlsxValue[][]) {
  const sheet = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width ?? WIDTHS[column.kind] }));
  sheet.getRow(1).font = { bold: true };
  for (const values of rows) {
    const row = sheet.addRow(columns.map((column, i) => cellValue(column.kind, values[i])));
    columns.forEach((column, i) => {
      const format = FORMATS[column.kind];
      if (format) row.getCell(i + 1).numFmt = format;
    });
  }
  return sheet;
}

/** A sheet of label–value pairs (a summary), each value by its own kind. */
export function addPairsSheet(workbook: ExcelJS.Workbook, name: string, pairs: Array<{ label: string; kind: XlsxKind; value: XlsxValue }>) {
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.columns = [{ width: 36 }, { width: 28 }];
  for (const pair of pairs) {
    const row = sheet.addRow([cellValue('text', pair.label), cellValue(pair.kind, pair.value)]);
    row.getCell(1).font = { bold: true };
    const format = FORMATS[pair.kind];
    if (format) row.getCell(2).numFmt = format;
  }
  return sheet;
}

/** A new workbook with PMO Hub as its creator. */
export function newWorkbook(title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PMO Hub';
  workbook.title = title;
  workbook.created = new Date();
  return workbook;
}

/** The workbook as the bytes of an .xlsx file. */
export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}


/**
 * XLSX writing for every export a person opens in a spreadsheet (the registers, the dashboard):
 * exceljs's streaming workbook writer, one row committed at a time, so memory stays flat whatever
 * the row count. The same rules as the CSV exports (platform/csv.ts), cell by cell:
 *
 * - text: a value beginning with = + - @ tab CR or LF gets a leading ' (formula injection), and is
 *   always written as text, never as a formula;
 * - integer: a whole number;
 * - money: a number with two decimals (`#,##0.00`), never text: "1234.50" is the number 1234.5
 *   shown as 1,234.50; given as a decimal string, it must be one ("12.3x" is a programming error);
 * - decimal: a number shown with `decimals` places (an index such as CPI with 4);
 * - date: `YYYY-MM-DD` as a real date (UTC midnight), shown `d mmm yyyy` (2 Dec 2026).
 *
 * Null and undefined leave the cell empty. The header row is bold and frozen.
 */
import { PassThrough, Readable } from 'stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './csv';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxKind = 'text' | 'integer' | 'money' | 'decimal' | 'date';
export type XlsxColumn = { name: string; kind: XlsxKind; width?: number; decimals?: number };
export type XlsxCell = string | number | null | undefined;
export type XlsxRows = AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>;
export type XlsxSheet = { name: string; columns: readonly XlsxColumn[]; rows: XlsxRows };

export const DATE_FORMAT = 'd mmm yyyy';
export const MONEY_FORMAT = '#,##0.00';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The number format a column's cells carry. */
export function numberFormat(column: XlsxColumn): string | undefined {
  switch (column.kind) {
    case 'money':
      return MONEY_FORMAT;
    case 'decimal':
      return column.decimals ? `0.${'0'.repeat(column.decimals)}` : '0';
    case 'integer':
      return '0';
    case 'date':
      return DATE_FORMAT;
    default:
      return undefined;
  }
}

function numberOf(value: string | number, kind: XlsxKind): number {
  const text = String(value).trim();
  if (typeof value === 'number' ? !Number.isFinite(value) : !DECIMAL.test(text)) {
    throw new TypeError(`not a number for an XLSX ${kind} column: ${JSON.stringify(value)}`);
  }
  return typeof value === 'number' ? value : Number(text);
}

/** The value exceljs stores for one cell of a column of `kind`. Pure. */
export function xlsxValue(kind: XlsxKind, value: XlsxCell): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'text':
      return neutraliseFormula(String(value));
    case 'integer': {
      const number = numberOf(value, kind);
      if (!Number.isInteger(number)) throw new TypeError(`not a whole number for an XLSX integer column: ${JSON.stringify(value)}`);
      return number;
    }
    case 'money':
    case 'decimal':
      return numberOf(value, kind);
    case 'date': {
      const match = DAY.exec(String(value));
      if (!match) throw new TypeError(`not a YYYY-MM-DD day for an XLSX date column: ${JSON.stringify(value)}`);
      return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    }
  }
}

const defaultWidth = (column: XlsxColumn) => column.width ?? (column.kind === 'text' ? Math.max(14, column.name.length + 2) : Math.max(12, column.name.length + 2));

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';

/** Waits for the reader when it falls behind: the archive is written into `out`. */
async function drained(out: PassThrough) {
  if (out.writableLength <= out.writableHighWaterMark || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}

/**
 * The workbook as a stream: each sheet's header, then its rows as they arrive. A failing row
 * source destroys the stream with its error (the response ends; nothing half-valid is kept).
 */
export function xlsxStream(sheets: XlsxSheet[], options: { creator?: string } = {}): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = options.creator ?? 'PMO Hub';
  workbook.created = new Date();

  async function write() {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
      worksheet.columns = sheet.columns.map((column) => ({
        header: column.name,
        key: column.name,
        width: defaultWidth(column),
        style: numberFormat(column) ? { numFmt: numberFormat(column) } : {},
      }));
      worksheet.getRow(1).font = { bold: true };
      worksheet.getRow(1).commit();
      let count = 0;
      for await (const row of sheet.rows as AsyncIterable<readonly XlsxCell[]>) {
        if (out.destroyed) return;
        worksheet.addRow(sheet.columns.map((column, index) => xlsxValue(column.kind, row[index]))).commit();
        count += 1;
        if (count % 200 === 0) await drained(out);
      }
      worksheet.commit();
    }
    await workbook.commit();
  }

  write().catch((error) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/**
 * How a database row becomes a row of one of the four CSV reports of DESIGN.md (their columns and
 * the filters each takes are the contract's: REPORT_COLUMNS, REPORT_FILTERS). Pure: no Strapi import.
 */
import { MINOR_UNITS } from '../../../shared/money';
import type { CalendarDate } from '../platform/dates';
import type { Cell } from '../platform/csv';
import { deriveFigures, formatIndex, formatMoney, projectBaseline, type ProjectFacts } from './earned-value';

/**
 * Minor units as text ("-123450") to a decimal string ("-1234.50"): the same as `formatMinor`
 * without a BigInt per cell, for exports of millions of rows.
 */
export function decimalFromMinorText(minor: string): string {
  const negative = minor.startsWith('-');
  const digits = (negative ? minor.slice(1) : minor).padStart(MINOR_UNITS + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -MINOR_UNITS)}.${digits.slice(-MINOR_UNITS)}`;
}

const money = (minor: unknown): Cell => (minor === null || minor === undefined ? null : decimalFromMinorText(String(minor)));

/** A datetime as Strapi returns it (Date on PostgreSQL, epoch ms on SQLite) to its UTC day. */
export function utcDay(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(/^-?\d+$/.test(String(value)) ? Number(value) : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** What the financial summary reads per project (see repository.projectFacts). */
export type SummaryRow = {
  code: string;
  name: string;
  programme_code: string | null;
  bac: string;
  planned_before_month: string;
  planned_in_month: string;
  actual_cost: string;
  percent_complete: number | string | null;
};

export function factsFromRow(row: SummaryRow): ProjectFacts {
  return {
    bac: BigInt(row.bac),
    plannedBeforeMonth: BigInt(row.planned_before_month),
    plannedInMonth: BigInt(row.planned_in_month),
    actualCost: BigInt(row.actual_cost),
    percentComplete: row.percent_complete === null ? null : Number(row.percent_complete),
  };
}

/** A financial-summary CSV row: indices with 4 fixed decimals, empty when null. */
export function summaryCells(row: SummaryRow, asOf: CalendarDate, asOfText: string, currency: string): Cell[] {
  const f = deriveFigures(projectBaseline(factsFromRow(row), asOf));
  const m = (value: typeof f.eac) => (value === null ? null : formatMoney(value));
  const i = (value: typeof f.cpi) => (value === null ? null : formatIndex(value));
  return [
    row.code, row.name, row.programme_code, currency, asOfText,
    m(f.bac), m(f.pv), m(f.ev), m(f.ac), m(f.cv), m(f.sv), i(f.cpi), i(f.spi), m(f.eac), m(f.etc), m(f.vac), i(f.tcpi),
  ];
}

/*
 * budget-outline, cost-ledger and change-log rows arrive as arrays in column order; the money
 * (and date) cells are rewritten in place: an export may write millions of rows, one array each.
 */
export function budgetOutlineCells(row: unknown[]): Cell[] {
  row[4] = money(row[4]);
  return row as Cell[];
}

export function costLedgerCells(row: unknown[]): Cell[] {
  row[3] = money(row[3]);
  return row as Cell[];
}

export function changeLogCells(row: unknown[]): Cell[] {
  row[5] = money(row[5]);
  row[6] = row[6] === null || row[6] === undefined ? null : String(row[6]);
  row[8] = utcDay(row[8]);
  return row as Cell[];
}

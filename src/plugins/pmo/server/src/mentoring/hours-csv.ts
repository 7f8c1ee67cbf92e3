/**
 * The mentoring hours export: one row per mentor and quarter, no notes, no topics, nothing from
 * inside a session. CSV writing (RFC 4180, formula-injection safe) is the platform's (platform/csv.ts). Pure.
 */
import { BOM, createRowWriter, headerLine, type Column, type Delimiter } from '../platform/csv';
import type { HoursRow } from '../../../shared/contracts/mentoring';

export const HOURS_COLUMNS: readonly Column[] = [
  { name: 'quarter', kind: 'text' },
  { name: 'mentor_name', kind: 'text' },
  { name: 'mentor_email', kind: 'text' },
  { name: 'sessions', kind: 'number' },
  { name: 'minutes', kind: 'number' },
  { name: 'hours', kind: 'number' },
];

export function hoursCsv(rows: HoursRow[], options: { delimiter: Delimiter; bom: boolean }) {
  const write = createRowWriter(HOURS_COLUMNS, options.delimiter);
  return [
    options.bom ? BOM : '',
    headerLine(HOURS_COLUMNS, options.delimiter),
    ...rows.map((row) => write([row.quarter, row.mentor.fullName, row.mentor.email, row.sessions, row.minutes, row.hours])),
  ].join('');
}

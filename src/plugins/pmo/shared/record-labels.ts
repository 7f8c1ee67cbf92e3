/**
 * What a status report or a budget line is called wherever Strapi lists it (the edit view's
 * header, a project's related items, the relation picker): its `label`, written by the server from
 * the project's code, the date and the category, in PMO Hub's one date format. Status reports and
 * budget lines have no name of their own, and Strapi would otherwise show their raw ISO date.
 * Pure: shared by the server, which stores the label, and anything that shows one.
 */
import { formatDay, formatMonth } from './calendar';
import { keyWords } from './words';
import { BUDGET_LINE_UID, STATUS_REPORT_UID } from './contracts/uids';

export { BUDGET_LINE_UID, STATUS_REPORT_UID };

/** The attribute that holds the label, on each labelled type. */
export const LABEL_FIELD = 'label';

/**
 * A stored date as `YYYY-MM-DD`, or null: the text Strapi stores and reads back, or a Date as a
 * database driver parses a date column (local midnight of that day).
 */
export function storedDay(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value !== 'string') return null;
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null;
}

const joined = (code: unknown, words: string) => {
  const prefix = typeof code === 'string' ? code.trim() : '';
  return prefix ? `${prefix} ${words}` : words.charAt(0).toUpperCase() + words.slice(1);
};

const withDate = (name: string, date: string | null) => (date ? `${name}, ${date}` : name);

/** "ERP-01 status report, 31 Mar 2026"; without a project "Status report, 31 Mar 2026". */
export function statusReportLabel({ code, asOf }: { code?: unknown; asOf?: unknown }): string {
  const day = storedDay(asOf);
  return withDate(joined(code, 'status report'), day ? formatDay(day) : null);
}

/** "ERP-01 Management reserve, Mar 2026"; without a project "Management reserve, Mar 2026". */
export function budgetLineLabel({ code, period, category }: { code?: unknown; period?: unknown; category?: unknown }): string {
  const day = storedDay(period);
  const words = typeof category === 'string' && category ? keyWords(category) : 'budget line';
  return withDate(joined(code, words), day ? formatMonth(day) : null);
}

/** Each labelled type: the attributes its label is made of (besides the project's code), and the label. */
export const LABELLED_TYPES: Record<string, { fields: readonly string[]; label: (row: Record<string, unknown>) => string }> = {
  [STATUS_REPORT_UID]: { fields: ['asOf'], label: statusReportLabel },
  [BUDGET_LINE_UID]: { fields: ['period', 'category'], label: budgetLineLabel },
};

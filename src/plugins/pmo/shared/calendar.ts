/** Calendar days written `YYYY-MM-DD`, with no time zone. Pure; shared by the server and the admin. */

export type CalendarDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date a `YYYY-MM-DD` string names, or null when it is malformed or impossible (2026-02-30). */
export function parseIsoDate(text: unknown): CalendarDate | null {
  if (typeof text !== 'string') return null;
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Today on this machine's clock (the server's, or the browser's), `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  return formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/* ---------------------------------------------------------------------------------------------
 * How a person reads dates: one format everywhere ("2 Dec 2026"; months "Sep 2026")
 * -------------------------------------------------------------------------------------------*/

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `2026-12-02` (or an ISO instant, read as its UTC day) as "2 Dec 2026"; "—" when there is none. */
export function formatDay(value: string | null | undefined): string {
  const date = value ? parseIsoDate(String(value).slice(0, 10)) : null;
  if (!date) return value ? String(value) : '—';
  return `${date.day} ${MONTH_NAMES[date.month - 1]} ${date.year}`;
}

/** `2026-09` or `2026-09-01` as "Sep 2026". */
export function formatMonth(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})/.exec(value) : null;
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return value ? String(value) : '—';
  return `${MONTH_NAMES[Number(match[2]) - 1]} ${match[1]}`;
}

/** A moment (ISO instant) as "2 Dec 2026, 14:05" in the reader's own time zone. */
export function formatMoment(value: string | Date | null | undefined): string {
  const date = value instanceof Date ? value : value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return '—';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getDate()} ${MONTH_NAMES[date.getMonth()]} ${date.getFullYear()}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The words and figures of a highlight report as a person reads them: RAG, decisions, priorities
 * and sources by name, money "12,345.67 EUR" exactly from finance's decimal strings (never a
 * float), indices to two decimals, dates "2 Dec 2026", long lists cut with "and N more", and
 * text made printable in the PDF's standard font. Pure: no Strapi import.
 */
import { formatDay, formatMonth } from '../../../../shared/calendar';
import { formatMoney } from '../../../../shared/money';
import { keyWords as sharedKeyWords } from '../../../../shared/words';
import type { Rag, ReportWindow } from './model';

export { formatDay, formatMonth };

export const RAG_WORDS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** A RAG, "Not reported" when the report gave none. */
export const ragWords = (rag: Rag | null | undefined): string => (rag ? RAG_WORDS[rag] : 'Not reported');

const GATE_DECISION_WORDS: Record<string, string> = {
  go: 'Go',
  'conditional-go': 'Conditional go',
  hold: 'Hold',
  recycle: 'Recycle',
  stop: 'Stop',
};
export const gateDecisionWords = (decision: string): string => GATE_DECISION_WORDS[decision] ?? sharedKeyWords(decision);

const SOURCE_WORDS: Record<string, string> = {
  'gate-review': 'Gate review',
  'change-request': 'Change request',
  meeting: 'Meeting',
  other: 'Other',
};
export const sourceWords = (source: string): string => SOURCE_WORDS[source] ?? sharedKeyWords(source);

/** Keys of enumerations (priority, severity, response, risk type) as words: "critical" → "Critical". */
export const keyWords = (key: string | null | undefined): string => (key ? sharedKeyWords(key) : '—');

/** Issue priorities, most urgent first: the order open issues are listed in. */
export const PRIORITY_ORDER = ['critical', 'high', 'medium', 'low'] as const;
export const priorityRank = (priority: string): number => {
  const index = (PRIORITY_ORDER as readonly string[]).indexOf(priority);
  return index === -1 ? PRIORITY_ORDER.length : index;
};

/** Money from a decimal string ("12345.67") as "12,345.67 EUR"; "—" when there is none. */
export const money = (decimal: string | null | undefined, currency: string): string => formatMoney({ decimal }, currency);

/** An index (CPI, SPI) to two decimals, "n/a" when it is undefined (no actual cost, no plan yet). */
export const index2 = (value: number | null | undefined): string => (value === null || value === undefined ? 'n/a' : value.toFixed(2));

/** A percentage complete, "45%"; "—" when none was given. */
export const percent = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${value}%`);

/** A day or "—". */
export const day = (value: string | null | undefined): string => formatDay(value ?? null);

/** The rows to print and how many are left out: "and 3 more". */
export function cut<T>(rows: T[], limit: number): { rows: T[]; more: number } {
  return rows.length > limit ? { rows: rows.slice(0, limit), more: rows.length - limit } : { rows, more: 0 };
}
export const moreWords = (more: number, noun: string, plural = `${noun}s`): string => `and ${more} more ${more === 1 ? noun : plural}`;

/** The period of "since the previous report", in words. */
export function windowWords(window: ReportWindow): string {
  const to = formatDay(window.to);
  if (window.basis === 'previous-report') return `after the previous status report (${formatDay(window.from)}) up to ${to}`;
  if (window.basis === 'month') return `after ${formatDay(window.from)} up to ${to} (the month to the as-of date: a programme has no status reports of its own)`;
  return `up to ${to} (there is no earlier status report)`;
}

/** What a section says when the caller may not read its source. */
export const HIDDEN_REASONS: Record<'status' | 'evm' | 'gates' | 'changes' | 'risks' | 'issues' | 'decisions', string> = {
  status: 'The status is not shown: you may not read status reports.',
  evm: 'Earned value is not shown: you may not read finance figures.',
  gates: 'Gates are not shown: you may not see governance.',
  changes: 'Changes are not shown: you may not read change requests.',
  risks: 'Risks are not shown: you may not read the risk register.',
  issues: 'Issues are not shown: you may not read the issue log.',
  decisions: 'Decisions are not shown: you may not read the decision log.',
};

/*
 * The PDF's standard font (Helvetica) writes Windows-1252: the printable ASCII, Latin-1 and these.
 * Anything else (a Polish Ł, a check mark, an emoji) would print as stray glyphs: a letter with an
 * accent the font lacks loses the accent, a few letters become their plain Latin form, the rest "?".
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const PLAIN: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h', ŀ: 'l', Ŀ: 'L', '\u2212': '-', '\u2192': '->', '\u2026': '…' };

const printable = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(char) || char === '\n';
};

/** Text the standard font can print: tabs as spaces, control characters dropped, the rest as above. */
export function pdfText(value: string | null | undefined): string {
  if (!value) return '';
  let out = '';
  for (const char of value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (printable(char)) out += char;
    else if (PLAIN[char]) out += PLAIN[char];
    else if (char.codePointAt(0)! < 0x20 || (char.codePointAt(0)! >= 0x7f && char.codePointAt(0)! < 0xa0)) continue;
    else {
      const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every(printable) ? base : '?';
    }
  }
  return out;
}

/** Long free text shortened at a word to at most `max` characters, with an ellipsis. */
export function shorten(value: string | null | undefined, max: number): string {
  const text = pdfText(value).trim();
  if (text.length <= max) return text;
  const cutAt = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cutAt > max * 0.6 ? cutAt : max - 1).trimEnd()}…`;
}

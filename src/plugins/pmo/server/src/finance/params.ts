/**
 * Query parameters of the earned-value and export routes, validated at the edge. Pure: a problem
 * is returned as data naming the parameter; the controller turns it into a 400.
 */
import { DELIMITERS, type Delimiter } from '../platform/csv';
import { formatIsoDate, parseIsoDate, today, type CalendarDate } from '../platform/dates';
import { REPORT_FILTERS, REPORT_NAMES, type ReportName } from './reports';

export type ParamProblem = { param: string; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ParamProblem };

export type AsOf = { date: CalendarDate; text: string };

export type ExportParams = {
  report: ReportName;
  asOf: AsOf;
  programme?: string;
  project?: string;
  from?: CalendarDate;
  to?: CalendarDate;
  delimiter: Delimiter;
  bom: boolean;
};

const OPTIONS = ['delimiter', 'bom'];
const KEY_MAX_LENGTH = 64;

class Problem extends Error {
  constructor(readonly param: string, message: string) {
    super(message);
  }
}

function single(query: Record<string, unknown>, param: string): string | undefined {
  const value = query[param];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new Problem(param, `${param} must be given once, as text`);
  return value;
}

function date(query: Record<string, unknown>, param: string): CalendarDate | undefined {
  const value = single(query, param);
  if (value === undefined) return undefined;
  const parsed = parseIsoDate(value);
  if (!parsed) throw new Problem(param, `${param} must be a real date written YYYY-MM-DD, got "${value.slice(0, 40)}"`);
  return parsed;
}

function refuseUnknown(query: Record<string, unknown>, allowed: readonly string[], hint: (param: string) => string) {
  const unknown = Object.keys(query).find((param) => !allowed.includes(param));
  if (unknown !== undefined) throw new Problem(unknown, hint(unknown));
}

function asOfOf(query: Record<string, unknown>, now: Date): AsOf {
  const date_ = date(query, 'asOf') ?? parseIsoDate(today(now))!;
  return { date: date_, text: formatIsoDate(date_) };
}

function parse<T>(work: () => T): Parsed<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: { param: error.param, message: error.message } };
    throw error;
  }
}

/** `?asOf=YYYY-MM-DD` of the earned-value routes; today (server clock) when absent. */
export function parseEvmQuery(query: Record<string, unknown>, now = new Date()): Parsed<AsOf> {
  return parse(() => {
    refuseUnknown(query, ['asOf'], (param) => `unknown parameter ${param}: earned value takes only asOf (YYYY-MM-DD)`);
    return asOfOf(query, now);
  });
}

/** Whole months of the budget outline: from the month of `from` to the month of `to`. */
export type OutlineRange = { from?: CalendarDate; to?: CalendarDate };

function range(query: Record<string, unknown>): OutlineRange {
  const from = date(query, 'from');
  const to = date(query, 'to');
  if (from && to && formatIsoDate(from) > formatIsoDate(to)) {
    throw new Problem('from', `from (${formatIsoDate(from)}) is after to (${formatIsoDate(to)})`);
  }
  return { from, to };
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` of the budget-outline routes, both optional. */
export function parseOutlineQuery(query: Record<string, unknown>): Parsed<OutlineRange> {
  return parse(() => {
    refuseUnknown(query, ['from', 'to'], (param) => `unknown parameter ${param}: the budget outline takes only from and to (YYYY-MM-DD)`);
    return range(query);
  });
}

/** `<report>.csv?asOf=&programme=&project=&from=&to=&delimiter=&bom=` of the export routes. */
export function parseExportQuery(report: unknown, query: Record<string, unknown>, now = new Date()): Parsed<ExportParams> {
  return parse(() => {
    if (typeof report !== 'string' || !(REPORT_NAMES as readonly string[]).includes(report)) {
      throw new Problem('report', `report must be one of ${REPORT_NAMES.join(', ')}, got "${String(report).slice(0, 60)}"`);
    }
    const name = report as ReportName;
    const filters = REPORT_FILTERS[name];
    const everyParam = ['asOf', 'programme', 'project', 'from', 'to'];
    refuseUnknown(query, [...filters, ...OPTIONS], (param) =>
      everyParam.includes(param)
        ? `${param} does not apply to ${name}, which takes ${[...filters, ...OPTIONS].join(', ')}`
        : `unknown parameter ${param}: ${name} takes ${[...filters, ...OPTIONS].join(', ')}`
    );

    const key = (param: string) => {
      const value = single(query, param);
      if (value === undefined) return undefined;
      if (value.trim() === '' || value.length > KEY_MAX_LENGTH) {
        throw new Problem(param, `${param} must be a ${param} code or documentId`);
      }
      return value.trim();
    };
    const { from, to } = range(query);

    const delimiter = single(query, 'delimiter') ?? ',';
    if (!(DELIMITERS as readonly string[]).includes(delimiter)) {
      throw new Problem('delimiter', `delimiter must be "," or ";", got "${delimiter.slice(0, 10)}"`);
    }
    const bom = single(query, 'bom');
    if (bom !== undefined && !['0', '1', 'true', 'false'].includes(bom)) {
      throw new Problem('bom', `bom must be 1 or 0, got "${bom.slice(0, 10)}"`);
    }

    return {
      report: name,
      asOf: asOfOf(query, now),
      programme: key('programme'),
      project: key('project'),
      from,
      to,
      delimiter: delimiter as Delimiter,
      bom: bom === '1' || bom === 'true',
    };
  });
}

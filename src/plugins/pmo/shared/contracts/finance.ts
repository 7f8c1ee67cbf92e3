/**
 * Finance's contract (DESIGN.md, Finance): the vocabulary of budgets and reports, the permission
 * names, and every route's input and answer: earned value by project, programme and portfolio,
 * the S-curve series, the budget outline and the CSV exports. The server validates with these
 * schemas; the admin's client is typed from them. Pure: no Strapi import.
 *
 * Query parameters keep finance's own words: a problem names the parameter (its path), an
 * unknown parameter is refused by name with what the route takes, a repeated one (`?a=1&a=2`) is
 * refused, an impossible date (2026-02-30) is refused, and `asOf` is today when absent.
 */
import { formatDay, formatIsoDate, parseIsoDate, today, type CalendarDate } from '../calendar';
import { fieldWords, listWords } from '../words';
import { BUDGET_LINE_UID, COST_ENTRY_UID } from './uids';
import { contract, dayWords, documentIdParams, isIsoDay, pagination, pagingQuery, queryBoolean, queryOnce, z } from './common';
import { codedRef, type CodedRef } from './refs';

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

export { BUDGET_LINE_UID, COST_ENTRY_UID };

/** See earned value, S-curves and budget outlines of projects, programmes and portfolios. */
export const FINANCE_READ = 'plugin::pmo.finance.read';
/** Download the CSV exports from the admin. */
export const EXPORTS_READ = 'plugin::pmo.exports.read';
/** The Content-API permission of the export route (controller `exports`, action `download`). */
export const EXPORTS_DOWNLOAD = 'plugin::pmo.exports.download';

/** The budget category kept out of BAC and of every plan built on it (DESIGN.md). */
export const MANAGEMENT_RESERVE = 'management-reserve';

/**
 * The categories of a budget line and of a cost entry, in the schemas' order (the content types'
 * `category` enumerations are checked against this list by finance.test.ts).
 */
export const BUDGET_CATEGORIES = ['labour', 'capex', 'opex', 'contingency', 'change', MANAGEMENT_RESERVE] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** The categories BAC is made of: every one but management reserve. */
export const BAC_CATEGORIES = BUDGET_CATEGORIES.filter(
  (category): category is Exclude<BudgetCategory, typeof MANAGEMENT_RESERVE> => category !== MANAGEMENT_RESERVE
);

/** CSV delimiters an export may use. */
export const DELIMITERS = [',', ';'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const REPORT_NAMES = ['financial-summary', 'budget-outline', 'cost-ledger', 'change-log'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** The filters an export may take; each report takes some of them. */
export const REPORT_FILTER_NAMES = ['asOf', 'programme', 'project', 'from', 'to'] as const;
export type ReportFilter = (typeof REPORT_FILTER_NAMES)[number];

/**
 * Filters each report takes besides `delimiter` and `bom`. `asOf` is the date of the earned
 * value; `from`/`to` bound the rows' own dates (budget period, cost date, decision date).
 */
export const REPORT_FILTERS: Record<ReportName, readonly ReportFilter[]> = {
  'financial-summary': ['asOf', 'programme', 'project'],
  'budget-outline': ['programme', 'project', 'from', 'to'],
  'cost-ledger': ['programme', 'project', 'from', 'to'],
  'change-log': ['programme', 'project', 'from', 'to'],
};

/** The options every export takes. */
export const EXPORT_OPTIONS = ['delimiter', 'bom'] as const;

/** A CSV column: text cells are quoted and guarded against formulas, number cells never. */
export type ReportColumn = { name: string; kind: 'text' | 'number' };

const text = (name: string): ReportColumn => ({ name, kind: 'text' });
const number = (name: string): ReportColumn => ({ name, kind: 'number' });

/** Each report's CSV columns, in order: the header row of the file. */
export const REPORT_COLUMNS: Record<ReportName, ReportColumn[]> = {
  'financial-summary': [
    text('project_code'), text('project_name'), text('programme_code'), text('currency'), text('as_of'),
    ...['bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'eac', 'etc', 'vac', 'tcpi'].map(number),
  ],
  'budget-outline': [text('project_code'), text('programme_code'), text('period'), text('category'), number('amount')],
  'cost-ledger': [text('date'), text('project_code'), text('category'), number('amount'), text('supplier'), text('reference')],
  'change-log': [
    text('reference'), text('project_code'), text('title'), text('type'), text('state'),
    number('cost_impact'), number('schedule_days'), text('decision'), text('decision_date'),
  ],
};

/** Reference codes and documentIds a filter may name are at most this long. */
const KEY_MAX_LENGTH = 64;

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

/** A project, programme or portfolio as an answer names it. */

/** Money as a decimal string ("40000.00", exact); indices as numbers with 4 decimals; null where undefined. */
export const evmFigures = z.object({
  bac: z.string(),
  pv: z.string(),
  ev: z.string(),
  ac: z.string(),
  cv: z.string(),
  sv: z.string(),
  cpi: z.number().nullable(),
  spi: z.number().nullable(),
  eac: z.string().nullable(),
  eacAtypical: z.string(),
  eacCombined: z.string().nullable(),
  etc: z.string().nullable(),
  vac: z.string().nullable(),
  tcpi: z.number().nullable(),
});
export type EvmFigures = z.infer<typeof evmFigures>;

/** One project's figures in a programme's or portfolio's roll-up. */
export const projectEvmRow = codedRef.extend({ programmeCode: z.string().nullable(), ...evmFigures.shape });
export type ProjectEvmRow = z.infer<typeof projectEvmRow>;

/** A project's indices and variances only, formatted as in ProjectEvmRow: what the dashboard ranks and buckets projects by. */
export type ProjectIndices = Pick<ProjectEvmRow, 'documentId' | 'code' | 'name' | 'cpi' | 'spi' | 'cv' | 'sv'>;

const asOfFigures = evmFigures.extend({ asOf: z.string(), currency: z.string() });

/**
 * Earned schedule (DESIGN.md, "People and planning"; finance/earned-schedule.ts): ES and AT in
 * months, SPI(t), SV(t) in months (4 decimals), IEAC(t) as a day `YYYY-MM-DD`; each null with no
 * PV or no EV. A programme's is read off its projects' summed PV curve at their summed EV.
 */
export const earnedSchedule = z.object({
  es: z.number().nullable(),
  at: z.number().nullable(),
  spiT: z.number().nullable(),
  svT: z.number().nullable(),
  ieacT: z.string().nullable(),
});
export type EarnedSchedule = z.infer<typeof earnedSchedule>;

export const projectEvm = asOfFigures.extend({ project: codedRef, ...earnedSchedule.shape });
export type ProjectEvm = z.infer<typeof projectEvm>;

/**
 * A roll-up: the sums of all its projects' BAC, PV, EV and AC, the rest derived from the sums;
 * `projects` is one page of its projects' own figures (`?page=&pageSize=&sort=`), `pagination`
 * says which and how many projects there are in all.
 */
export const programmeEvm = asOfFigures.extend({ programme: codedRef, projects: z.array(projectEvmRow), pagination, ...earnedSchedule.shape });
export type ProgrammeEvm = z.infer<typeof programmeEvm>;

/** A programme's own roll-up figures, in a portfolio's answer: what the finance overview lists. */
export const programmeEvmRow = codedRef.extend(evmFigures.shape);
export type ProgrammeEvmRow = z.infer<typeof programmeEvmRow>;
/** A portfolio's roll-up; with `?programmes=true`, every programme's own too (by name; DESIGN.md names `projects` only: `programmes` is PMO Hub's addition). */
export const portfolioEvm = asOfFigures.extend({ portfolio: codedRef, programmes: z.array(programmeEvmRow).optional(), projects: z.array(projectEvmRow), pagination });
export type PortfolioEvm = z.infer<typeof portfolioEvm>;

/** One month of an S-curve: `date` is the month's last day, or asOf in asOf's month; EV and AC null after asOf. */
export const seriesPoint = z.object({
  month: z.string(),
  date: z.string(),
  pv: z.string(),
  ev: z.string().nullable(),
  ac: z.string().nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

/** PV, EV and AC by month, with the figures as of asOf (whose EAC the chart projects). */
export const projectSeries = asOfFigures.extend({ project: codedRef, points: z.array(seriesPoint) });
export type ProjectSeries = z.infer<typeof projectSeries>;

export const programmeSeries = asOfFigures.extend({ programme: codedRef, points: z.array(seriesPoint) });
export type ProgrammeSeries = z.infer<typeof programmeSeries>;

/** A row of the budget outline: money by BAC category, their total (BAC) and the reserve beside it. */
export const outlineRow = z.object({ amounts: z.record(z.string(), z.string()), total: z.string(), managementReserve: z.string() });
export type OutlineRow = z.infer<typeof outlineRow>;

export const outlineMonth = outlineRow.extend({ month: z.string() });
export type OutlineMonth = z.infer<typeof outlineMonth>;

/** Months × categories; `categories` are the BAC ones in the schema's order (any unknown one after). */
export const budgetOutlineGrid = z.object({ categories: z.array(z.string()), months: z.array(outlineMonth), totals: outlineRow });
export type BudgetOutlineGrid = z.infer<typeof budgetOutlineGrid>;

const outlineOf = budgetOutlineGrid.extend({ currency: z.string(), from: z.string().nullable(), to: z.string().nullable() });

export const projectOutline = outlineOf.extend({ project: codedRef });
export type ProjectOutline = z.infer<typeof projectOutline>;

export const programmeOutline = outlineOf.extend({ programme: codedRef });
export type ProgrammeOutline = z.infer<typeof programmeOutline>;

/* ---------------------------------------------------------------------------------------------
 * Inputs: query parameters in finance's words
 * -------------------------------------------------------------------------------------------*/

/** The day figures are taken at: the parsed date and how the answer writes it. */
export type AsOf = { date: CalendarDate; text: string };

const asOfOf = (date: CalendarDate): AsOf => ({ date, text: formatIsoDate(date) });

/** Today on the server's clock, as the default asOf. */
export const todayAsOf = (): AsOf => asOfOf(parseIsoDate(today())!);

/** A real calendar day written YYYY-MM-DD. */
const dayParam = (param: string) =>
  queryOnce(param)
    .refine(isIsoDay, { error: (issue) => `${dayWords([param])}, not "${String(issue.input).slice(0, 40)}"` })
    .transform((value) => parseIsoDate(value)!);

const asOfParam = dayParam('asOf').transform(asOfOf);

/** A programme or project named by its code or documentId. */
const keyParam = (param: 'programme' | 'project') =>
  queryOnce(param)
    .refine((value) => value.trim() !== '' && value.length <= KEY_MAX_LENGTH, `Choose a ${param} (by its code)`)
    .transform((value) => value.trim());

const isDelimiter = (value: string): value is Delimiter => (DELIMITERS as readonly string[]).includes(value);

const delimiterParam = queryOnce('delimiter').refine(isDelimiter, {
  error: (issue) => `The column separator must be "," or ";", not "${String(issue.input).slice(0, 10)}"`,
});

const bomParam = queryOnce('bom')
  .refine((value) => ['0', '1', 'true', 'false'].includes(value), { error: (issue) => `The byte order mark must be 1 (for Excel) or 0, not "${String(issue.input).slice(0, 10)}"` })
  .transform((value) => value === '1' || value === 'true');

/**
 * A query string with these parameters only: any other is refused at its own path, in `words`.
 * Checked even when a known parameter is wrong, so every problem is named at once.
 */
function queryOf<S extends z.core.$ZodLooseShape>(shape: S, words: (param: string) => string) {
  return z.looseObject(shape).superRefine(
    (value, ctx) => {
      for (const param of Object.keys(value)) {
        if (!Object.prototype.hasOwnProperty.call(shape, param)) ctx.addIssue({ code: 'custom', path: [param], message: words(param), input: value[param] });
      }
    },
    { when: () => true }
  );
}

type Range = { from?: CalendarDate; to?: CalendarDate };

/** `from` after `to` is refused, naming `from`. */
function fromBeforeTo({ from, to }: Range, ctx: z.core.$RefinementCtx) {
  if (from && to && formatIsoDate(from) > formatIsoDate(to)) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `The period starts (${formatDay(formatIsoDate(from))}) after it ends (${formatDay(formatIsoDate(to))})`, input: from });
  }
}

/** `?asOf=YYYY-MM-DD` of the earned-value and series routes; today (server clock) when absent. */
export const evmQuery = queryOf({ asOf: asOfParam.optional() }, (param) => `Earned value takes only an as-of date, not "${param}"`)
  .transform(({ asOf }): { asOf: AsOf } => ({ asOf: asOf ?? todayAsOf() }));
export type EvmQuery = z.input<typeof evmQuery>;

/** How a roll-up's page of projects is ordered: by code (the default), or by name then code. */
export const ROLL_UP_SORTS = ['code', 'name'] as const;
export type RollUpSort = (typeof ROLL_UP_SORTS)[number];

/** Projects in a page of a programme's or portfolio's earned value when `pageSize` is not given. */
export const ROLL_UP_PAGE_SIZE = 50;

const isRollUpSort = (value: string): value is RollUpSort => (ROLL_UP_SORTS as readonly string[]).includes(value);

const rollUpFields = {
  asOf: asOfParam.optional(),
  ...pagingQuery,
  sort: queryOnce('sort')
    .refine(isRollUpSort, { error: (issue) => `Sort the projects by code or name, not "${String(issue.input).slice(0, 40)}"` })
    .optional(),
};
const rollUpPaging = ({ asOf, page, pageSize, sort }: { asOf?: AsOf; page?: number; pageSize?: number; sort?: string }) => ({
  asOf: asOf ?? todayAsOf(),
  page: page ?? 1,
  pageSize: pageSize ?? ROLL_UP_PAGE_SIZE,
  sort: (sort ?? 'code') as RollUpSort,
});

/**
 * `?asOf=&page=&pageSize=&sort=` of the programme and portfolio earned value: the totals are
 * over all the projects whatever the page; page 1 of 50 projects by code when absent.
 */
export const rollUpQuery = queryOf(rollUpFields, (param) => `Earned value takes only an as-of date, a page, a page size and a sort, not "${param}"`).transform(
  rollUpPaging
);
export type RollUpQuery = z.input<typeof rollUpQuery>;

/**
 * A portfolio's: the same, and `?programmes=true` for every programme's own figures as well
 * (`programmes`; the finance overview asks for them, other callers do not pay for them).
 */
export const portfolioRollUpQuery = queryOf(
  { ...rollUpFields, programmes: queryBoolean('programmes').optional() },
  (param) => `Earned value takes only an as-of date, a page, a page size, a sort and whether to add the programmes, not "${param}"`
).transform(({ programmes, ...paging }) => ({ ...rollUpPaging(paging), programmes: programmes ?? false }));
export type PortfolioRollUpQuery = z.input<typeof portfolioRollUpQuery>;

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` of the budget-outline routes, both optional: whole months from the month of `from` to that of `to`. */
export const outlineQuery = queryOf(
  { from: dayParam('from').optional(), to: dayParam('to').optional() },
  (param) => `The budget outline takes only the start and end of the period, not "${param}"`
)
  .superRefine(fromBeforeTo)
  .transform(({ from, to }): OutlineRange => ({ from, to }));
export type OutlineQuery = z.input<typeof outlineQuery>;
export type OutlineRange = Range;

const REPORT_CHOICE = `Choose one of the reports ${listWords(REPORT_NAMES.map((name) => `"${name}"`))}`;

const isReportName = (value: string): value is ReportName => (REPORT_NAMES as readonly string[]).includes(value);

/** `/exports/:report.csv`: one of the four reports. */
export const exportParams = z.object({
  report: z
    .string({ error: REPORT_CHOICE })
    .refine(isReportName, { error: (issue) => `${REPORT_CHOICE}, not "${String(issue.input).slice(0, 60)}"` }),
});

/** What an export is asked for, once its query is read for its report. */
export type ExportParams = Range & {
  report: ReportName;
  asOf: AsOf;
  programme?: string;
  project?: string;
  delimiter: Delimiter;
  bom: boolean;
};

/** An export's query string as a client writes it (each report takes some of the filters). */
export type ExportQuery = Partial<Record<ReportFilter | (typeof EXPORT_OPTIONS)[number], string>>;

const FILTER_SCHEMAS = {
  asOf: asOfParam.optional(),
  programme: keyParam('programme').optional(),
  project: keyParam('project').optional(),
  from: dayParam('from').optional(),
  to: dayParam('to').optional(),
};

/** `?<filters>&delimiter=&bom=` of one report: the filters it takes (REPORT_FILTERS), `,` and no BOM by default. */
function exportQueryOf(report: ReportName): z.ZodType<ExportParams, ExportQuery> {
  const filters = REPORT_FILTERS[report];
  const takes = listWords([...filters, ...EXPORT_OPTIONS].map(fieldWords), 'and');
  const shape = {
    // Only the report's filters (every one is optional, so the types are those of all of them).
    ...(Object.fromEntries(filters.map((filter) => [filter, FILTER_SCHEMAS[filter]])) as typeof FILTER_SCHEMAS),
    delimiter: delimiterParam.optional(),
    bom: bomParam.optional(),
  };
  return queryOf(shape, (param) =>
    (REPORT_FILTER_NAMES as readonly string[]).includes(param)
      ? `The ${fieldWords(param)} does not apply to this report, which takes the ${takes}`
      : `This report takes the ${takes}, not "${param}"`
  )
    .superRefine(fromBeforeTo)
    .transform((query) => ({
      report,
      // The day the figures are as of (financial-summary) or the day the file is made.
      asOf: query.asOf ?? todayAsOf(),
      programme: query.programme,
      project: query.project,
      from: query.from,
      to: query.to,
      delimiter: query.delimiter ?? ',',
      bom: query.bom ?? false,
    }));
}

/** Each report's query: the export route reads its query with the one its `report` names. */
export const exportQuery = Object.fromEntries(REPORT_NAMES.map((report) => [report, exportQueryOf(report)])) as Record<
  ReportName,
  z.ZodType<ExportParams, ExportQuery>
>;

/** The export route's query before its report is known: read by `exportQuery[report]`. */
const anyExportQuery = z.record(z.string(), z.unknown());

/* ---------------------------------------------------------------------------------------------
 * Routes (admin under /pmo; the export also under /api/pmo for API tokens)
 * -------------------------------------------------------------------------------------------*/

const evm = contract({ params: documentIdParams, query: evmQuery });
const rollUp = contract({ params: documentIdParams, query: rollUpQuery });
const portfolioRollUp = contract({ params: documentIdParams, query: portfolioRollUpQuery });
const outline = contract({ params: documentIdParams, query: outlineQuery });

export const financeRoutes = {
  /** GET /pmo/evm/projects/:documentId → ProjectEvm */
  projectEvm: evm,
  /** GET /pmo/evm/programmes/:documentId → ProgrammeEvm */
  programmeEvm: rollUp,
  /** GET /pmo/evm/portfolios/:documentId → PortfolioEvm */
  portfolioEvm: portfolioRollUp,
  /** GET /pmo/evm/projects/:documentId/series → ProjectSeries */
  projectSeries: evm,
  /** GET /pmo/evm/programmes/:documentId/series → ProgrammeSeries */
  programmeSeries: evm,
  /** GET /pmo/budget-outline/projects/:documentId → ProjectOutline */
  projectOutline: outline,
  /** GET /pmo/budget-outline/programmes/:documentId → ProgrammeOutline */
  programmeOutline: outline,
  /**
   * GET /pmo/exports/:report.csv and /api/pmo/exports/:report.csv → a CSV file (REPORT_COLUMNS).
   * The query depends on the report: read it with `exportQuery[params.report]`.
   */
  exportCsv: contract({ params: exportParams, query: anyExportQuery }),
};

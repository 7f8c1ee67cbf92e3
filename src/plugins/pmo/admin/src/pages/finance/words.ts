/**
 * Finance in words: the earned-value abbreviations spelled out, each export's name and what it
 * holds, its CSV columns as a person reads them, and a preview cell written like the rest of PMO
 * Hub (money `1,234.50 EUR`, days `2 Dec 2026`, months `Sep 2026`). The CSV file itself keeps its
 * documented column keys and plain values (DESIGN.md, Finance). Pure: no React, no Strapi.
 */
import { formatDay, formatMonth } from '../../../../shared/calendar';
import { BUDGET_CATEGORIES, REPORT_COLUMNS, type BudgetCategory, type ReportName } from '../../../../shared/contracts/finance';
import { formatMoney } from '../../components/formatMoney';

/** The earned-value abbreviations of the tables, with their full names. */
export const EVM_TERMS = {
  BAC: 'Budget at completion',
  PV: 'Planned value',
  EV: 'Earned value',
  AC: 'Actual cost',
  CV: 'Cost variance (EV − AC)',
  SV: 'Schedule variance (EV − PV)',
  CPI: 'Cost performance index (EV ÷ AC)',
  SPI: 'Schedule performance index (EV ÷ PV)',
  EAC: 'Estimate at completion (BAC ÷ CPI)',
  ETC: 'Estimate to complete (EAC − AC)',
  VAC: 'Variance at completion (BAC − EAC)',
  TCPI: 'To-complete performance index',
  ES: 'Earned schedule (the time at which the plan expected today’s EV)',
  AT: 'Actual time (months since the first budgeted month)',
  'SPI(t)': 'Schedule performance index in time (ES ÷ AT)',
  'SV(t)': 'Schedule variance in time (ES − AT)',
  'IEAC(t)': 'Independent estimate of the completion date',
} as const;
export type EvmTerm = keyof typeof EVM_TERMS;

/** A time in months as the earned-schedule summary writes it: "2.58 months", "1 month", "n/a". */
export function monthsWords(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined) return 'n/a';
  const text = Math.abs(value).toFixed(2).replace(/\.?0+$/, '');
  const sign = signed ? (value < 0 ? '−' : value > 0 ? '+' : '') : value < 0 ? '−' : '';
  return `${sign}${text} ${text === '1' ? 'month' : 'months'}${signed && value < 0 ? ' behind' : signed && value > 0 ? ' ahead' : ''}`;
}

/** A budget category as a person reads it: "Management reserve". */
const CATEGORY_LABELS: Record<BudgetCategory, string> = {
  labour: 'Labour',
  capex: 'Capex',
  opex: 'Opex',
  contingency: 'Contingency',
  change: 'Change',
  'management-reserve': 'Management reserve',
};
export const categoryLabel = (category: string) =>
  (BUDGET_CATEGORIES as readonly string[]).includes(category) ? CATEGORY_LABELS[category as BudgetCategory] : humanise(category);

/** Each report, in the words of the Exports page: its name and what finance gets in it. */
export const REPORT_WORDS: Record<ReportName, { title: string; description: string }> = {
  'financial-summary': {
    title: 'Financial summary',
    description:
      'Earned value of each project on the chosen date: project, programme, currency, budget at completion, planned value, earned value, actual cost, variances, performance indices and the estimates at and to completion.',
  },
  'budget-outline': {
    title: 'Budget outline',
    description: 'The budget of each project by month and category, management reserve included: project, programme, month, category and amount.',
  },
  'cost-ledger': {
    title: 'Cost ledger',
    description: 'Every cost entry, oldest first: date, project, category, amount, supplier and reference.',
  },
  'change-log': {
    title: 'Change log',
    description: 'Change requests with their impact and decision: reference, project, title, type, state, cost impact, schedule impact in days, decision and decision date.',
  },
};

type ColumnFormat = 'text' | 'money' | 'index' | 'day' | 'month' | 'category' | 'word' | 'days';

/** Every CSV column of every report: its header in words and how its cells read. */
export const COLUMN_WORDS: Record<string, { label: string; format: ColumnFormat }> = {
  project_code: { label: 'Project code', format: 'text' },
  project_name: { label: 'Project name', format: 'text' },
  programme_code: { label: 'Programme code', format: 'text' },
  currency: { label: 'Currency', format: 'text' },
  as_of: { label: 'As of', format: 'day' },
  bac: { label: 'Budget at completion', format: 'money' },
  pv: { label: 'Planned value', format: 'money' },
  ev: { label: 'Earned value', format: 'money' },
  ac: { label: 'Actual cost', format: 'money' },
  cv: { label: 'Cost variance', format: 'money' },
  sv: { label: 'Schedule variance', format: 'money' },
  cpi: { label: 'Cost performance index', format: 'index' },
  spi: { label: 'Schedule performance index', format: 'index' },
  eac: { label: 'Estimate at completion', format: 'money' },
  etc: { label: 'Estimate to complete', format: 'money' },
  vac: { label: 'Variance at completion', format: 'money' },
  tcpi: { label: 'To-complete performance index', format: 'index' },
  period: { label: 'Month', format: 'month' },
  category: { label: 'Category', format: 'category' },
  amount: { label: 'Amount', format: 'money' },
  date: { label: 'Date', format: 'day' },
  supplier: { label: 'Supplier', format: 'text' },
  reference: { label: 'Reference', format: 'text' },
  title: { label: 'Title', format: 'text' },
  type: { label: 'Type', format: 'word' },
  state: { label: 'State', format: 'word' },
  cost_impact: { label: 'Cost impact', format: 'money' },
  schedule_days: { label: 'Schedule impact', format: 'days' },
  decision: { label: 'Decision', format: 'word' },
  decision_date: { label: 'Decision date', format: 'day' },
};

/** A column's header in words; an unknown column in words from its key ("cost_centre" → "Cost centre"). */
export const columnLabel = (column: string) => COLUMN_WORDS[column]?.label ?? humanise(column);

/** The columns of a report in words, in the file's order. */
export const reportColumnLabels = (report: ReportName) => REPORT_COLUMNS[report].map((column) => columnLabel(column.name));

/** Words whose key is spelt otherwise, or reads as code: the workflow and decision keys in the change log. */
const WORDS: Record<string, string> = {
  authorize: 'Authorise',
  authorized: 'Authorised',
  canceled: 'Cancelled',
  'conditional-go': 'Conditional go',
  'on-hold': 'On hold',
};

/** "management-reserve" → "Management reserve", "on_hold" → "On hold". */
export function humanise(key: string): string {
  if (WORDS[key]) return WORDS[key];
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A preview cell as a person reads it: money with its currency, a day as `2 Dec 2026`, a month as
 * `Sep 2026`, a category or state in words. An empty cell stays empty; a cell that does not read
 * as its column expects is shown as it is in the file.
 */
export function previewCell(column: string, value: string, currency: string | undefined): string {
  if (value === '') return '';
  switch (COLUMN_WORDS[column]?.format) {
    case 'money':
      return /^-?\d+(\.\d+)?$/.test(value) ? formatMoney({ decimal: value }, currency) : value;
    case 'day':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDay(value.slice(0, 10)) : value;
    case 'month':
      return /^\d{4}-\d{2}$/.test(value) ? formatMonth(value) : value;
    case 'category':
      return categoryLabel(value);
    case 'word':
      return humanise(value);
    case 'days':
      return /^-?\d+$/.test(value) ? `${value} ${Math.abs(Number(value)) === 1 ? 'day' : 'days'}` : value;
    default:
      return value;
  }
}

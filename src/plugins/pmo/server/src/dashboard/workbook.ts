/**
 * The dashboard as an XLSX workbook (GET /pmo/exports/dashboard.xlsx): one sheet per section of
 * the answer the caller may read (a section they may not read has no sheet), in the page's words.
 * Cells follow xlsx.ts: money as numbers with two decimals, dates as dates, text guarded.
 */
import type ExcelJS from 'exceljs';
import { INDEX_BUCKETS, type DashboardAnswer } from '../../../shared/contracts/dashboard';
import type { CodedRef } from '../../../shared/contracts/refs';
import { addPairsSheet, addTableSheet, newWorkbook, type XlsxKind, type XlsxValue } from './xlsx';

const RAG_WORDS = { green: 'Green', amber: 'Amber', red: 'Red', none: 'No status report' } as const;

const BUCKET_WORDS: Record<string, string> = {
  'below-0.90': 'Below 0.90',
  '0.90-0.95': '0.90 to 0.95',
  '0.95-1.05': '0.95 to 1.05',
  'from-1.05': '1.05 or above',
  none: 'Nothing to compare yet',
};

const CADENCE_WORDS: Record<string, string> = { weekly: 'Weekly', fortnightly: 'Fortnightly', monthly: 'Monthly' };

const code = (ref: CodedRef | null) => ref?.code ?? null;
const name = (ref: CodedRef | null) => ref?.name ?? null;

/** What the figures cover, in words: "Portfolio Alderbank change (PF-1), manager Jo Bloggs". */
export function scopeWords(scope: DashboardAnswer['scope']): string {
  const parts = [
    scope.portfolio ? `Portfolio ${scope.portfolio.name} (${scope.portfolio.code})` : null,
    scope.programme ? `Programme ${scope.programme.name} (${scope.programme.code})` : null,
    scope.manager ? `manager ${scope.manager.fullName}` : null,
    scope.department ? `department ${scope.department.name}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Every project you may read';
}

export function dashboardWorkbook(answer: DashboardAnswer): ExcelJS.Workbook {
  const workbook = newWorkbook('Portfolio dashboard');
  const pairs: Array<{ label: string; kind: XlsxKind; value: XlsxValue }> = [
    { label: 'As of', kind: 'date', value: answer.asOf },
    { label: 'Scope', kind: 'text', value: scopeWords(answer.scope) },
    { label: 'Projects', kind: 'count', value: answer.scope.projects },
  ];
  if (answer.evm) {
    pairs.push(
      { label: `Budget at completion (${answer.evm.currency})`, kind: 'money', value: answer.evm.bac },
      { label: `Planned value (${answer.evm.currency})`, kind: 'money', value: answer.evm.pv },
      { label: `Earned value (${answer.evm.currency})`, kind: 'money', value: answer.evm.ev },
      { label: `Actual cost (${answer.evm.currency})`, kind: 'money', value: answer.evm.ac },
      { label: 'Cost performance index (CPI)', kind: 'index', value: answer.evm.cpi },
      { label: 'Schedule performance index (SPI)', kind: 'index', value: answer.evm.spi }
    );
  }
  addPairsSheet(workbook, 'Summary', pairs);

  addTableSheet(
    workbook,
    'Projects by state',
    [{ header: 'Lifecycle state', kind: 'text' }, { header: 'Projects', kind: 'count' }],
    answer.projectsByState.map((state) => [state.name, state.count])
  );

  if (answer.rag) {
    const rag = answer.rag;
    addTableSheet(
      workbook,
      'RAG',
      [
        { header: 'Overall RAG', kind: 'text' },
        { header: 'Projects', kind: 'count' },
        { header: 'A month earlier', kind: 'count' },
        { header: 'A month earlier, as of', kind: 'date' },
      ],
      (['red', 'amber', 'green', 'none'] as const).map((key) => [RAG_WORDS[key], rag[key], rag.previous[key], rag.previous.asOf])
    );
  }

  if (answer.evm && answer.worst) {
    const { cpi, spi } = answer.evm.distribution;
    addTableSheet(
      workbook,
      'CPI and SPI',
      [{ header: 'Index', kind: 'text' }, { header: 'Projects by CPI', kind: 'count' }, { header: 'Projects by SPI', kind: 'count' }],
      INDEX_BUCKETS.map((bucket) => [
        BUCKET_WORDS[bucket.key],
        cpi.find((b) => b.key === bucket.key)?.count ?? 0,
        spi.find((b) => b.key === bucket.key)?.count ?? 0,
      ])
    );
    addTableSheet(
      workbook,
      'Worst projects',
      [
        { header: 'Project code', kind: 'text', width: 16 },
        { header: 'Project', kind: 'text' },
        { header: 'CPI', kind: 'index' },
        { header: 'SPI', kind: 'index' },
        { header: `Cost variance (${answer.evm.currency})`, kind: 'money', width: 22 },
        { header: `Schedule variance (${answer.evm.currency})`, kind: 'money', width: 22 },
      ],
      answer.worst.map((row) => [row.code, row.title, row.cpi, row.spi, row.cv, row.sv])
    );
  }

  if (answer.heatmap) {
    // Probability down (5 at the top, as the page draws it), impact across.
    const cells = answer.heatmap.cells;
    addTableSheet(
      workbook,
      'Risk heat map',
      [{ header: 'Probability \\ impact', kind: 'count', width: 20 }, ...[1, 2, 3, 4, 5].map((impact) => ({ header: `Impact ${impact}`, kind: 'count' as const }))],
      [5, 4, 3, 2, 1].map((probability) => [probability, ...cells[probability - 1]])
    );
  }

  if (answer.criticalIssues) {
    addTableSheet(
      workbook,
      'Critical issues',
      [
        { header: 'Project code', kind: 'text', width: 16 },
        { header: 'Programme code', kind: 'text', width: 16 },
        { header: 'Issue', kind: 'text', width: 48 },
        { header: 'Owner', kind: 'text', width: 24 },
        { header: 'Raised on', kind: 'date' },
        { header: 'Target date', kind: 'date' },
        { header: 'Past its target date', kind: 'text', width: 12 },
      ],
      answer.criticalIssues.map((row) => [code(row.project), code(row.programme), row.title, row.owner, row.raisedOn, row.targetDate, row.overdue ? 'Yes' : 'No'])
    );
  }

  if (answer.overdueDocuments) {
    addTableSheet(
      workbook,
      'Overdue documents',
      [
        { header: 'What', kind: 'text', width: 16 },
        { header: 'Project code', kind: 'text', width: 16 },
        { header: 'Programme code', kind: 'text', width: 16 },
        { header: 'Title', kind: 'text', width: 48 },
        { header: 'Owner', kind: 'text', width: 24 },
        { header: 'Due', kind: 'date' },
        { header: 'Days overdue', kind: 'count', width: 14 },
      ],
      answer.overdueDocuments.map((row) => [
        row.kind === 'document' ? 'Document review' : 'Gate condition',
        code(row.project),
        code(row.programme),
        row.title,
        row.owner,
        row.dueDate,
        row.daysOverdue,
      ])
    );
  }

  if (answer.lateStatusReports) {
    addTableSheet(
      workbook,
      'Late status reports',
      [
        { header: 'Project code', kind: 'text', width: 16 },
        { header: 'Project', kind: 'text' },
        { header: 'Manager', kind: 'text', width: 24 },
        { header: 'Reports', kind: 'text', width: 14 },
        { header: 'Last report', kind: 'date' },
        { header: 'Report due', kind: 'date' },
        { header: 'Periods late', kind: 'count', width: 14 },
      ],
      answer.lateStatusReports.map((row) => [row.code, row.title, row.manager, CADENCE_WORDS[row.cadence] ?? row.cadence, row.lastReport, row.dueDate, row.periodsLate])
    );
  }

  if (answer.upcomingGateReviews) {
    addTableSheet(
      workbook,
      'Upcoming gate reviews',
      [
        { header: 'Project code', kind: 'text', width: 16 },
        { header: 'Project', kind: 'text' },
        { header: 'Gate', kind: 'count', width: 8 },
        { header: 'Review', kind: 'text', width: 48 },
        { header: 'Scheduled', kind: 'date' },
      ],
      answer.upcomingGateReviews.map((row) => [code(row.project), name(row.project), row.gate, row.title, row.scheduledDate])
    );
  }

  if (answer.lateDependencies) {
    addTableSheet(
      workbook,
      'Late dependencies',
      [
        { header: 'From project', kind: 'text', width: 18 },
        { header: 'To project', kind: 'text', width: 18 },
        { header: 'Dependency', kind: 'text', width: 48 },
        { header: 'Need by', kind: 'date' },
        { header: 'Days late', kind: 'count' },
      ],
      answer.lateDependencies.map((row) => [code(row.from), code(row.to), row.title, row.needBy, row.daysLate])
    );
  }

  return workbook;
}

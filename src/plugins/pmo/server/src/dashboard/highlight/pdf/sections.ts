/**
 * The highlight report's sections after its header: earned value and the S-curve, gates, the
 * programme's projects, top risks, open issues, decisions and authorised changes. Each section
 * the caller may not read says so in one line; long lists end with "and N more".
 */
import { HIGHLIGHT_LIMITS } from '../../../../../shared/contracts/reports';
import { formatMinor, parseMoneyInput } from '../../../../../shared/money';
import type { EvmSection, GateSection, HighlightReport, Listing, ReportWindow } from '../model';
import { HIDDEN_REASONS, cut, day, gateDecisionWords, index2, keyWords, money, moreWords, shorten, sourceWords, windowWords } from '../words';
import type { Cell, Column, Layout } from './layout';
import { drawSCurve } from './s-curve';

/** The "Project" column of a programme's lists, first. */
const withWhere = (programme: boolean, columns: Column[]): Column[] => (programme ? [{ header: 'Project', width: 1.4 }, ...columns] : columns);
const whereCell = (programme: boolean, where: string | undefined): Cell[] => (programme ? [where ?? ''] : []);

function hidden<T>(layout: Layout, section: Listing<T> | EvmSection | GateSection): section is Extract<typeof section, { shown: false }> {
  if (section.shown) return false;
  layout.note(section.reason);
  return true;
}

export function evmSection(layout: Layout, report: HighlightReport) {
  const evm = report.evm;
  layout.heading('Earned value', 120);
  if (hidden(layout, evm)) return;
  const f = evm.figures;
  const m = (value: string | null) => money(value, evm.currency);
  layout.table(
    [
      { header: 'Measure', width: 3.2 },
      { header: 'Value', width: 2.1, align: 'right' },
      { header: 'Measure', width: 3.2 },
      { header: 'Value', width: 1.6, align: 'right' },
    ],
    [
      ['BAC (budget at completion)', m(f.bac), 'CPI (cost performance index)', index2(f.cpi)],
      ['PV (planned value)', m(f.pv), 'SPI (schedule performance index)', index2(f.spi)],
      ['EV (earned value)', m(f.ev), 'EAC (estimate at completion)', m(f.eac)],
      ['AC (actual cost)', m(f.ac), 'VAC (variance at completion)', m(f.vac)],
    ],
    { size: 9 }
  );
  layout.paragraph(
    `CPI = EV ÷ AC, SPI = EV ÷ PV, EAC = BAC ÷ CPI, VAC = BAC – EAC; BAC leaves out management reserve. ` +
      `${report.kind === 'programme' ? "The programme's figures are the sums of its projects' BAC, PV, EV and AC, the indices derived from the sums." : ''}`,
    { size: 7.5, colour: '#666687' }
  );
  layout.subheading(report.kind === 'programme' ? 'Programme S-curve' : 'S-curve');
  if (evm.points.length) drawSCurve(layout, evm.points, evm.currency, report.asOf);
  else layout.note('No budget, cost or progress to draw yet.');
}

export function gateSection(layout: Layout, gates: GateSection) {
  layout.heading('Gates', 60);
  if (hidden(layout, gates)) return;
  if (gates.decided.length) {
    layout.table(
      [
        { header: 'Gate', width: 4 },
        { header: 'Decision', width: 2 },
        { header: 'Held on', width: 1.6 },
      ],
      gates.decided.map((row) => [`Gate ${row.gate} (${row.name})`, gateDecisionWords(row.decision), day(row.heldDate)])
    );
  } else {
    layout.note('No gate decided yet.');
  }
  layout.paragraph(
    gates.next
      ? `Next gate: Gate ${gates.next.gate} (${gates.next.name}), ${gates.next.scheduledDate ? `review scheduled for ${day(gates.next.scheduledDate)}` : 'review not yet scheduled'}.`
      : 'No gate ahead in the project’s current state.',
    { bold: true }
  );
  if (!gates.openConditions.length) {
    layout.note('No open conditions.');
    return;
  }
  const { rows, more } = cut(gates.openConditions, HIGHLIGHT_LIMITS.conditions);
  layout.subheading(`Open conditions (${gates.openConditions.length})`);
  layout.table(
    [
      { header: 'Gate', width: 0.8 },
      { header: 'Condition', width: 5 },
      { header: 'Owner', width: 2 },
      { header: 'Due', width: 1.8 },
    ],
    rows.map((row) => [row.gate ? `Gate ${row.gate}` : '—', shorten(row.text, 300), row.owner ?? '—', `${day(row.dueDate)}${row.overdue ? ' (overdue)' : ''}`]),
    { more: more ? moreWords(more, 'open condition') : undefined }
  );
}

export function projectsSection(layout: Layout, report: HighlightReport) {
  const projects = report.projects;
  if (!projects) return;
  layout.heading('Projects', 60);
  if (!projects.rows.length) {
    layout.note('The programme has no projects you may read.');
    return;
  }
  const count = `${projects.rows.length} project${projects.rows.length === 1 ? '' : 's'}`;
  if (projects.rag) {
    const counts = { green: 0, amber: 0, red: 0, none: 0 };
    for (const row of projects.rows) counts[row.rag ?? 'none'] += 1;
    layout.paragraph(
      `${count}: ${counts.green} green, ${counts.amber} amber, ${counts.red} red, ${counts.none} not reported (the overall RAG of each project's latest status report on or before ${day(report.asOf)}).`
    );
  } else {
    layout.paragraph(`${count}.`);
  }
  const { rows, more } = cut(projects.rows, HIGHLIGHT_LIMITS.projects);
  const columns: Column[] = [
    { header: 'Project', width: 3.6 },
    { header: 'State', width: 1.6 },
    ...(projects.rag ? [{ header: 'RAG', width: 1.3 }] : []),
    ...(projects.figures ? [{ header: 'CPI', width: 0.9, align: 'right' as const }, { header: 'SPI', width: 0.9, align: 'right' as const }] : []),
    ...(projects.gates ? [{ header: 'Next gate', width: 2.6 }] : []),
  ];
  layout.table(
    columns,
    rows.map((row): Cell[] => [
      `${row.code} · ${row.name}`,
      row.state ?? '—',
      ...(projects.rag ? [{ rag: row.rag }] : []),
      ...(projects.figures ? [index2(row.cpi), index2(row.spi)] : []),
      ...(projects.gates ? [row.nextGate ?? '—'] : []),
    ]),
    { more: more ? moreWords(more, 'project') : undefined }
  );
  if (!projects.rag) layout.note(HIDDEN_REASONS.status);
  if (!projects.figures) layout.note('CPI and SPI are not shown: you may not read finance figures.');
  if (!projects.gates) layout.note(HIDDEN_REASONS.gates);
}

export function risksSection(layout: Layout, report: HighlightReport) {
  const programme = report.kind === 'programme';
  layout.heading(programme ? 'Top risks of the programme and its projects' : 'Top risks', 60);
  if (hidden(layout, report.risks)) return;
  const all = report.risks.rows;
  if (!all.length) return layout.note('No open risks.');
  const { rows, more } = cut(all, HIGHLIGHT_LIMITS.risks);
  layout.paragraph(`The ${rows.length} highest of ${all.length} open risk${all.length === 1 ? '' : 's'} by score (probability × impact).`, { size: 8.5 });
  layout.table(
    withWhere(programme, [
      { header: 'Score', width: 0.9, align: 'right' },
      { header: 'Risk', width: 4 },
      { header: 'P × I', width: 0.9, align: 'center' },
      { header: 'Owner', width: 1.8 },
      { header: 'Response', width: 1.3 },
      { header: 'Proximity', width: 1.6 },
    ]),
    rows.map((row) => [
      ...whereCell(programme, row.where),
      String(row.score),
      `${shorten(row.title, 200)}${row.type === 'opportunity' ? ' (opportunity)' : ''}`,
      `${row.probability} × ${row.impact}`,
      row.owner ?? '—',
      keyWords(row.response),
      day(row.proximity),
    ]),
    { more: more ? moreWords(more, 'open risk') : undefined }
  );
}

export function issuesSection(layout: Layout, report: HighlightReport) {
  const programme = report.kind === 'programme';
  layout.heading(programme ? 'Open issues of the programme and its projects' : 'Open issues', 60);
  if (hidden(layout, report.issues)) return;
  const all = report.issues.rows;
  if (!all.length) return layout.note('No open issues.');
  const byPriority = ['critical', 'high', 'medium', 'low']
    .map((priority) => [priority, all.filter((row) => row.priority === priority).length] as const)
    .filter(([, count]) => count > 0)
    .map(([priority, count]) => `${count} ${priority}`);
  layout.paragraph(`${all.length} open issue${all.length === 1 ? '' : 's'}: ${byPriority.join(', ')}; most urgent first.`, { size: 8.5 });
  const { rows, more } = cut(all, HIGHLIGHT_LIMITS.issues);
  layout.table(
    withWhere(programme, [
      { header: 'Priority', width: 1.2 },
      { header: 'Issue', width: 4 },
      { header: 'Severity', width: 1.2 },
      { header: 'Owner', width: 1.8 },
      { header: 'Raised', width: 1.5 },
      { header: 'Target', width: 1.5 },
    ]),
    rows.map((row) => [...whereCell(programme, row.where), keyWords(row.priority), shorten(row.title, 200), keyWords(row.severity), row.owner ?? '—', day(row.raisedOn), day(row.targetDate)]),
    { more: more ? moreWords(more, 'open issue') : undefined }
  );
}

const periodLine = (layout: Layout, what: string, window: ReportWindow) => layout.paragraph(`${what} ${windowWords(window)}.`, { size: 8.5 });

export function decisionsSection(layout: Layout, report: HighlightReport) {
  const programme = report.kind === 'programme';
  layout.heading('Decisions since the previous report', 60);
  if (hidden(layout, report.decisions)) return;
  periodLine(layout, 'Decisions taken', report.window);
  const all = report.decisions.rows;
  if (!all.length) return layout.note('No decisions recorded in this period.');
  const { rows, more } = cut(all, HIGHLIGHT_LIMITS.decisions);
  layout.table(
    withWhere(programme, [
      { header: 'Decided on', width: 1.5 },
      { header: 'Decision', width: 5 },
      { header: 'By', width: 1.7 },
      { header: 'Source', width: 1.4 },
    ]),
    rows.map((row) => [...whereCell(programme, row.where), day(row.decidedOn), `${shorten(row.title, 200)}\n${shorten(row.decision, 280)}`, row.decidedBy ?? '—', sourceWords(row.source)]),
    { more: more ? moreWords(more, 'decision') : undefined }
  );
}

/** The exact sum of decimal strings, as a decimal string. */
function sumDecimals(values: Array<string | null>): string {
  let total = BigInt(0);
  for (const value of values) {
    const parsed = value === null ? null : parseMoneyInput(value);
    if (parsed?.ok) total += BigInt(parsed.minor);
  }
  return formatMinor(total);
}

export function changesSection(layout: Layout, report: HighlightReport, currency: string) {
  const programme = report.kind === 'programme';
  layout.heading('Changes authorised', 60);
  if (hidden(layout, report.changes)) return;
  periodLine(layout, 'Change requests authorised', report.window);
  const all = report.changes.rows;
  if (!all.length) return layout.note('No change authorised in this period.');
  const { rows, more } = cut(all, HIGHLIGHT_LIMITS.changes);
  layout.table(
    withWhere(programme, [
      { header: 'Reference', width: 2.3 },
      { header: 'Change', width: 4 },
      { header: 'Cost impact', width: 2, align: 'right' },
      { header: 'Authorised on', width: 1.6 },
    ]),
    rows.map((row) => [...whereCell(programme, row.where), row.reference ?? '—', shorten(row.title, 200), money(row.costImpact, currency), day(row.authorisedOn)]),
    { more: more ? moreWords(more, 'change') : undefined }
  );
  layout.paragraph(`Total cost impact of the ${all.length} change${all.length === 1 ? '' : 's'} authorised: ${money(sumDecimals(all.map((row) => row.costImpact)), currency)}.`, { bold: true, size: 9 });
}


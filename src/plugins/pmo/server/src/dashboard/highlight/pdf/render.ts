/**
 * A highlight report as an A4 PDF (pdfkit): the header (code and name, manager, sponsor,
 * programme or portfolio, lifecycle state, as-of date), the status (RAG chips and the
 * commentary of the latest status report), then the sections (sections.ts), and a footer on
 * every page. Answers the document, ended: a readable stream of the PDF's bytes.
 */
import type { HighlightReport } from '../model';
import { day, pdfText, percent, shorten } from '../words';
import { COLOURS, Layout, newDocument, type Doc } from './layout';
import { changesSection, decisionsSection, evmSection, gateSection, issuesSection, projectsSection, risksSection } from './sections';

const KIND_WORDS = { project: 'Project', programme: 'Programme' } as const;

function header(layout: Layout, report: HighlightReport) {
  const { doc } = layout;
  const { subject } = report;
  doc.rect(0, 0, doc.page.width, 6).fill(COLOURS.accent);
  doc.font('Helvetica-Bold').fontSize(10).fillColor(COLOURS.accent).text('Highlight report', layout.left, layout.y);
  doc.font('Helvetica').fontSize(9).fillColor(COLOURS.muted).text(`As of ${day(report.asOf)}`, layout.left, layout.y, { width: layout.width, align: 'right' });
  layout.y = doc.y + 4;
  doc.font('Helvetica-Bold').fontSize(19).fillColor(COLOURS.ink).text(pdfText(`${subject.code} · ${subject.name}`), layout.left, layout.y, { width: layout.width });
  layout.y = doc.y + 2;
  layout.paragraph(`${KIND_WORDS[report.kind]} highlight report as of ${day(report.asOf)}`, { colour: COLOURS.muted, size: 10 });
  layout.gap(2);
  const parent: [string, string] = report.kind === 'project' ? ['Programme', subject.parent ?? 'Not in a programme'] : ['Portfolio', subject.parent ?? 'Not in a portfolio'];
  const pairs: Array<[string, string]> = [
    parent,
    ['Manager', subject.manager ?? 'Not named'],
    ['Sponsor', subject.sponsor ?? 'Not named'],
  ];
  if (report.kind === 'project') pairs.push(['Lifecycle state', subject.state ?? 'Not started']);
  pairs.push(['As of', day(report.asOf)]);
  const latest = report.status?.shown ? report.status.latest : null;
  if (latest) pairs.push(['Status report', `${day(latest.asOf)}, ${percent(latest.percentComplete)} complete`]);
  layout.pairs(pairs, 2);
}

function statusSection(layout: Layout, report: HighlightReport) {
  layout.heading('Status', 80);
  if (!report.status) return;
  if (!report.status.shown) return layout.note(report.status.reason);
  const status = report.status.latest;
  if (!status) {
    layout.note(`No status report on or before ${day(report.asOf)}.`);
    return;
  }
  layout.chips([
    { label: 'Overall', rag: status.rag.overall },
    { label: 'Schedule', rag: status.rag.schedule },
    { label: 'Cost', rag: status.rag.cost },
    { label: 'Scope', rag: status.rag.scope },
  ]);
  layout.paragraph(`From the status report of ${day(status.asOf)} (${percent(status.percentComplete)} complete).`, { size: 8.5, colour: COLOURS.muted });
  layout.subheading('Summary');
  layout.paragraph(status.summary?.trim() ? status.summary : 'The status report gives no summary.', { italic: !status.summary?.trim() });
  layout.subheading('Next steps');
  layout.paragraph(status.nextSteps?.trim() ? status.nextSteps : 'The status report gives no next steps.', { italic: !status.nextSteps?.trim() });
}

/** The report drawn; `currency` is the organisation's (for changes when earned value is hidden). */
export function renderHighlightReport(report: HighlightReport, currency: string): Doc {
  const title = `Highlight report ${report.subject.code} ${day(report.asOf)}`;
  const doc = newDocument(title, `${report.subject.code} · ${report.subject.name}`);
  const layout = new Layout(doc);
  header(layout, report);
  if (report.kind === 'project') {
    statusSection(layout, report);
    evmSection(layout, report);
    if (report.gates) gateSection(layout, report.gates);
  } else {
    projectsSection(layout, report);
    evmSection(layout, report);
  }
  risksSection(layout, report);
  issuesSection(layout, report);
  decisionsSection(layout, report);
  changesSection(layout, report, currency);
  layout.footers(shorten(`PMO Hub · Highlight report · ${report.subject.code} ${report.subject.name} · as of ${day(report.asOf)}`, 120));
  doc.end();
  return doc;
}

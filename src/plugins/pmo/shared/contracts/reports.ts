/**
 * Reports' contract (DESIGN.md, "RAID, dashboard and reports"): the highlight report of a project
 * or programme as a PDF, `GET /pmo/reports/highlight/projects/:documentId.pdf` and
 * `.../programmes/:documentId.pdf`, as of a day (`?asOf=YYYY-MM-DD`, today when absent). The
 * route's path ends in `.pdf` after the parameter, so `documentId` arrives without it (Strapi's
 * router reads `:documentId.pdf` as the parameter and a literal suffix). Pure: no Strapi import.
 *
 * Who may download it: anyone with PMO Hub's access who may read the project or programme in the
 * Content Manager; each section shows only what the caller may also read elsewhere (earned value
 * with finance's read, gates with governance's, changes with change control's, the registers with
 * the Content Manager's read of the register). docs/reports.md says what it holds.
 */
import { formatIsoDate, parseIsoDate } from '../calendar';
import { todayAsOf, type AsOf } from './finance';
import { contract, documentIdParams, query, queryDay, z } from './common';
import { PMO_ACCESS } from './workflow';

export { PMO_ACCESS };
export type { AsOf };

/** The two kinds of highlight report, by the path segment that names them. */
export const HIGHLIGHT_LEVELS = ['projects', 'programmes'] as const;
export type HighlightLevel = (typeof HIGHLIGHT_LEVELS)[number];

/** How many rows a list of the report shows before "and N more". */
export const HIGHLIGHT_LIMITS = {
  /** Top risks by score (DESIGN.md: the top five). */
  risks: 5,
  /** Open issues, by priority. */
  issues: 8,
  /** Decisions since the previous status report. */
  decisions: 8,
  /** Changes authorised in the same window. */
  changes: 8,
  /** Open gate conditions. */
  conditions: 6,
  /** A programme's projects (the table goes on to a new page when needed). */
  projects: 40,
} as const;

/** `?asOf=YYYY-MM-DD`: the day the report is as of; today on the server's clock when absent. */
export const highlightQuery = query({ asOf: queryDay('asOf').optional() }).transform(
  ({ asOf }): { asOf: AsOf } => {
    if (!asOf) return { asOf: todayAsOf() };
    const date = parseIsoDate(asOf)!;
    return { asOf: { date, text: formatIsoDate(date) } };
  }
);
/** The query as a client writes it. */
export type HighlightQuery = z.input<typeof highlightQuery>;

export const reportsRoutes = {
  /** GET /pmo/reports/highlight/projects/:documentId.pdf → application/pdf */
  projectHighlight: contract({ params: documentIdParams, query: highlightQuery }),
  /** GET /pmo/reports/highlight/programmes/:documentId.pdf → application/pdf */
  programmeHighlight: contract({ params: documentIdParams, query: highlightQuery }),
};

/** The file name a highlight report is saved as: `highlight-PRJ-001-2026-12-02.pdf`. */
export function highlightFilename(code: string, asOf: string): string {
  const safe = code.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
  return `highlight-${safe}-${asOf}.pdf`;
}

/** The route's address for a project or programme (what the admin's download button calls). */
export function highlightPath(level: HighlightLevel, documentId: string, asOf?: string): string {
  const qs = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  return `/pmo/reports/highlight/${level}/${encodeURIComponent(documentId)}.pdf${qs}`;
}

/**
 * Typed client for the reports routes (shared/contracts/reports.ts): a project's or programme's
 * highlight report as a PDF, downloaded with the exports' streamed helper (`downloadExport`) so
 * the page shows its progress and where it was saved.
 */
import { highlightFilename, highlightPath, type HighlightLevel } from '../../../shared/contracts/reports';
import { PDF_FORMAT, downloadExport } from './finance';

export type { HighlightLevel };

/**
 * Downloads the highlight report of a project or programme as of a day (today when absent),
 * reporting bytes received; the file is named as the server names it, `highlight-<code>-<day>.pdf`.
 */
export function downloadHighlightReport(
  level: HighlightLevel,
  documentId: string,
  options: { asOf?: string; code?: string; today: string },
  onProgress: (bytes: number) => void,
  signal?: AbortSignal
) {
  const fallback = highlightFilename(options.code ?? 'report', options.asOf || options.today);
  return downloadExport(highlightPath(level, documentId, options.asOf || undefined), fallback, onProgress, signal, PDF_FORMAT);
}

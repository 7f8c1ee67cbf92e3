/**
 * The reports service: a project's or programme's highlight report gathered (project.ts,
 * programme.ts) and drawn as a PDF (pdf/render.ts), with the name it is saved under.
 */
import type { Core } from '@strapi/strapi';
import type { AsOf } from '../../../../shared/contracts/finance';
import { highlightFilename, type HighlightLevel } from '../../../../shared/contracts/reports';
import { currencyOf } from '../../platform/currency';
import type { Caller } from './access';
import type { HighlightReport } from './model';
import { renderHighlightReport } from './pdf/render';
import { programmeReport } from './programme';
import { projectReport } from './project';

export type HighlightFile = { filename: string; stream: NodeJS.ReadableStream };

export function createReportsService(strapi: Core.Strapi) {
  /** The report's data: what the PDF shows (tests and other reports may read it too). */
  async function highlight(level: HighlightLevel, caller: Caller, documentId: string, asOf: AsOf): Promise<HighlightReport> {
    return level === 'projects' ? projectReport(strapi, caller, documentId, asOf) : programmeReport(strapi, caller, documentId, asOf);
  }

  /** The report as a PDF stream and its file name, `highlight-PRJ-001-2026-12-02.pdf`. */
  async function highlightPdf(level: HighlightLevel, caller: Caller, documentId: string, asOf: AsOf): Promise<HighlightFile> {
    const report = await highlight(level, caller, documentId, asOf);
    return { filename: highlightFilename(report.subject.code, report.asOf), stream: renderHighlightReport(report, currencyOf(strapi)) };
  }

  return { highlight, highlightPdf };
}

export type ReportsService = ReturnType<typeof createReportsService>;

export function getReportsService(strapi: Core.Strapi): ReportsService {
  return strapi.plugin('pmo').service('reports') as ReportsService;
}

/**
 * Highlight reports, part of the dashboard capability (DESIGN.md, "RAID, dashboard and reports"): the highlight report of a project or
 * programme as a PDF, for a programme board or a portfolio director (docs/reports.md). It reads
 * the other capabilities through their services (peers.ts) and the registers by their shared
 * UIDs; it owns no content type. The routes need PMO Hub's access; what the caller may read of
 * the project or programme and of each source is checked in the service (access.ts).
 */
import { requirePermissions, type Capability } from '../../capability';
import { PMO_ACCESS, reportsRoutes as input } from '../../../../shared/contracts/reports';
import controller from './controller';
import { createReportsService } from './service';

const access = requirePermissions(PMO_ACCESS);

/** Folded into the dashboard capability (dashboard/index.ts). */
export const highlightReports: Pick<Capability, 'services' | 'controllers' | 'adminRoutes'> = {
  services: { reports: ({ strapi }) => createReportsService(strapi) },
  controllers: { reports: controller },
  adminRoutes: [
    { method: 'GET', path: '/reports/highlight/projects/:documentId.pdf', handler: 'reports.project', input: input.projectHighlight, config: access },
    { method: 'GET', path: '/reports/highlight/programmes/:documentId.pdf', handler: 'reports.programme', input: input.programmeHighlight, config: access },
  ],
};

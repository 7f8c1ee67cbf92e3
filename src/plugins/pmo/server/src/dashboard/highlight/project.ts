/**
 * A project's highlight report as data (model.ts): its header, the latest status report on or
 * before asOf and the one before it (whose date opens the window of decisions and changes),
 * finance's earned value and S-curve, governance's gates, the registers, and change control's
 * changes authorised in the window. Sections the caller may not read are marked hidden.
 */
import type { Core } from '@strapi/strapi';
import type { AsOf } from '../../../../shared/contracts/finance';
import { PROJECT_UID, STATUS_REPORT_UID } from '../../../../shared/contracts/uids';
import { toIsoDay } from '../../platform/dates';
import { createAccess, type Caller, type Row } from './access';
import { SUBJECT_POPULATE, authorisedIn, coded, gatesAsOf, hide, named, presentStatus } from './facts';
import type { ChangeRow, HighlightReport, Listing, ReportWindow } from './model';
import { peers, type Peers } from './peers';
import { registersOf } from './registers';

export async function projectReport(strapi: Core.Strapi, caller: Caller, documentId: string, asOf: AsOf): Promise<HighlightReport> {
  const access = createAccess(strapi, caller);
  const { sections } = access;
  const services: Peers = peers(strapi);
  const project = await access.subject(PROJECT_UID, documentId, { ...SUBJECT_POPULATE, programme: { select: ['code', 'name'] } });

  const reports = (await strapi.db.query(STATUS_REPORT_UID as never).findMany({
    where: { project: { id: project.id }, asOf: { $lte: asOf.text } },
    orderBy: [{ asOf: 'desc' }, { id: 'desc' }],
    limit: 2,
  } as never)) as Row[];
  const [latest, previous] = reports;
  const previousDay = previous ? toIsoDay(previous.asOf) : null;
  const window: ReportWindow = previousDay
    ? { from: previousDay, to: asOf.text, basis: 'previous-report' }
    : { from: null, to: asOf.text, basis: 'no-previous-report' };

  const stateOf = await services.lifecycleStates(PROJECT_UID);
  const evm = sections.evm ? await services.earnedValue().projectSeries(project.documentId, asOf) : null;
  const gates = sections.gates ? gatesAsOf(await services.governance().projectGovernance(project.documentId, caller.user), asOf.text) : hide('gates');
  const changes: Listing<ChangeRow> = sections.changes
    ? { shown: true, rows: authorisedIn(await services.changeControl().approvedBetween([project.documentId], window), window) }
    : hide('changes');

  return {
    kind: 'project',
    asOf: asOf.text,
    subject: {
      code: project.code,
      name: project.name,
      manager: named(project.manager),
      sponsor: named(project.sponsor),
      parent: coded(project.programme),
      state: stateOf(project.workflowState),
    },
    status: sections.status ? { shown: true, latest: latest ? presentStatus(latest) : null } : hide('status'),
    window,
    evm: evm ? { shown: true, currency: evm.currency, figures: evm, points: evm.points } : hide('evm'),
    gates,
    projects: null,
    ...(await registersOf(strapi, access, { projectIds: [project.id] }, window)),
    changes,
  };
}

/**
 * A programme's highlight report as data: its projects the caller may read, each with its
 * lifecycle state, the overall RAG of its latest status report on or before asOf (one set-based
 * query, platform/db.ts), its CPI and SPI (finance's roll-up) and its next gate (governance's
 * board); the programme's own earned value and S-curve (finance sums its projects); the risks,
 * issues and decisions of the programme and its projects; and the changes authorised on its
 * projects. A programme has no status reports of its own, so its window is the month up to asOf.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { AsOf, ProjectEvmRow } from '../../../../shared/contracts/finance';
import { PROGRAMME_UID, PROJECT_UID } from '../../../../shared/contracts/uids';
import { addCalendarMonths, toIsoDay } from '../../platform/dates';
import { latestStatusReports, withKnex } from '../../platform/db';
import { createAccess, type Caller, type Row } from './access';
import type { ChangeRow, HighlightReport, Listing, ProgrammeProjectRow, Rag, ReportWindow } from './model';
import { peers } from './peers';
import { SUBJECT_POPULATE, authorisedIn, coded, hide, named, rag } from './facts';
import { registersOf } from './registers';
import { day } from './words';

/** Each project's latest status report on or before asOf: its overall RAG and date, by project id. */
async function latestRag(strapi: Core.Strapi, projectIds: number[], asOf: string): Promise<Map<number, { rag: Rag | null; asOf: string | null }>> {
  const byProject = new Map<number, { rag: Rag | null; asOf: string | null }>();
  if (!projectIds.length) return byProject;
  const rows = (await withKnex(strapi, (knex: Knex) =>
    latestStatusReports(strapi, knex, {
      onOrBefore: asOf,
      columns: { overall: 'ragOverall', asOf: 'asOf' },
      narrow: (reports, projectColumn) => reports.whereIn(projectColumn, projectIds),
    })
  )) as Row[];
  for (const row of rows) byProject.set(Number(row.project_id), { rag: rag(row.overall), asOf: toIsoDay(row.asOf) });
  return byProject;
}

export async function programmeReport(strapi: Core.Strapi, caller: Caller, documentId: string, asOf: AsOf): Promise<HighlightReport> {
  const access = createAccess(strapi, caller);
  const { sections } = access;
  const services = peers(strapi);
  const programme = await access.subject(PROGRAMME_UID, documentId, { ...SUBJECT_POPULATE, portfolio: { select: ['code', 'name'] } });

  const projects = (await strapi.db.query(PROJECT_UID as never).findMany({
    where: access.readable(PROJECT_UID, { programme: { id: programme.id } }),
    select: ['id', 'documentId', 'code', 'name', 'workflowState'],
    orderBy: [{ code: 'asc' }],
  } as never)) as Row[];
  const ids = projects.map((project) => Number(project.id));
  const window: ReportWindow = { from: addCalendarMonths(asOf.text, -1), to: asOf.text, basis: 'month' };

  const stateOf = await services.lifecycleStates(PROJECT_UID);
  const status = sections.status ? await latestRag(strapi, ids, asOf.text) : new Map();
  // Every project's figures, not a page: the report lists all the programme's projects the caller may read.
  const everyProject = { page: 1, pageSize: Number.MAX_SAFE_INTEGER, sort: 'code' as const };
  const evm = sections.evm ? await services.earnedValue().programme(programme.documentId, asOf, everyProject) : null;
  const series = sections.evm ? await services.earnedValue().programmeSeries(programme.documentId, asOf) : null;
  const figures = new Map<string, ProjectEvmRow>((evm?.projects ?? []).map((row) => [row.documentId, row]));
  const board = sections.gates ? await services.governance().board(caller.user, { programme: programme.documentId, pageSize: Math.max(1, projects.length) }) : null;
  const cards = new Map((board?.projects ?? []).map((card) => [card.documentId, card]));

  const rows: ProgrammeProjectRow[] = projects.map((project) => {
    const next = cards.get(project.documentId)?.nextGate ?? null;
    const reported = status.get(Number(project.id));
    return {
      code: project.code,
      name: project.name,
      state: stateOf(project.workflowState),
      rag: reported?.rag ?? null,
      statusAsOf: reported?.asOf ?? null,
      cpi: figures.get(project.documentId)?.cpi ?? null,
      spi: figures.get(project.documentId)?.spi ?? null,
      nextGate: next ? `Gate ${next.gate} (${next.name})${next.review?.scheduledDate ? `, ${day(next.review.scheduledDate)}` : ''}` : null,
    };
  });

  let changes: Listing<ChangeRow> = hide('changes');
  if (sections.changes) {
    // One query for every project of the programme, then each project's under its code.
    const approved = await services.changeControl().approvedBetween(projects.map((project) => String(project.documentId)), window);
    const authorised: ChangeRow[] = projects.flatMap((project) =>
      authorisedIn(approved.filter((change) => change.project?.documentId === project.documentId), window, project.code)
    );
    changes = { shown: true, rows: authorised.sort((a, b) => a.authorisedOn.localeCompare(b.authorisedOn)) };
  }

  const codes = new Map(projects.map((project) => [Number(project.id), String(project.code)]));
  const where = (row: Row) => (row.project?.id && codes.has(Number(row.project.id)) ? codes.get(Number(row.project.id))! : 'Programme');

  return {
    kind: 'programme',
    asOf: asOf.text,
    subject: {
      code: programme.code,
      name: programme.name,
      manager: named(programme.manager),
      sponsor: named(programme.sponsor),
      parent: coded(programme.portfolio),
      state: null,
    },
    status: null,
    window,
    evm: series ? { shown: true, currency: series.currency, figures: series, points: series.points } : hide('evm'),
    gates: null,
    projects: { rows, figures: sections.evm, rag: sections.status, gates: sections.gates },
    ...(await registersOf(strapi, access, { projectIds: ids, programmeId: Number(programme.id), where }, window)),
    changes,
  };
}

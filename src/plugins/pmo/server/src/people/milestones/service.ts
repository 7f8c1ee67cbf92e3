/**
 * Milestones read for the slip trend of a project, the roadmap of a programme and milestones.csv.
 * Reads go through the query layer (a project's milestones, their forecast history) or, for the
 * export, one ordered knex query read a page at a time (platform/csv.ts writes it as it comes).
 */
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  MILESTONE_COLUMNS,
  MILESTONE_FORECAST_UID,
  MILESTONE_UID,
  lateReasons,
  type MilestoneRow,
  type MilestonesCsvQuery,
  type Roadmap,
  type SlipTrend,
} from '../../../../shared/contracts/milestones';
import { PROGRAMME_UID, PROJECT_UID } from '../../../../shared/contracts/uids';
import { BOM, createRowWriter, headerLine, type Cell } from '../../platform/csv';
import { columnsOf, latestStatusReports, withKnex } from '../../platform/db';
import { isCadence, periodsAfter } from '../../platform/reporting';
import { DEFAULT_REPORTING_CADENCE } from '../../../../shared/contracts/governance';
import { toIsoDay, todayIso } from '../../platform/dates';
import { errors } from '../../platform/errors';
import { slipTrendOf, type ForecastRecord } from './trend';

type Row = Record<string, any>;
type Named = { id: number; documentId: string; code: string; name: string } & Row;

const PAGE = 1000;

const ref = ({ documentId, code, name }: Named) => ({ documentId, code, name });

/** Milestones in timeline order: by forecast (else baseline, else actual), then name. */
const when = (m: MilestoneRow) => m.forecastDate ?? m.baselineDate ?? m.actualDate ?? '9999-12-31';
const byDate = (a: MilestoneRow, b: MilestoneRow) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : a.name.localeCompare(b.name));

const asMilestone = (row: Row): MilestoneRow => ({
  documentId: row.documentId,
  name: row.name,
  baselineDate: toIsoDay(row.baselineDate) ?? null,
  forecastDate: toIsoDay(row.forecastDate) ?? null,
  actualDate: toIsoDay(row.actualDate) ?? null,
  varianceDays: row.varianceDays ?? null,
});

export function createMilestoneService(strapi: Core.Strapi) {
  /** A project or programme named by its code or documentId; a 404 when there is none. */
  async function find(uid: string, noun: string, key: string, extra: string[] = []): Promise<Named> {
    const found = (await strapi.db.query(uid as never).findOne({
      where: { $or: [{ code: key }, { documentId: key }] },
      select: ['id', 'documentId', 'code', 'name', ...extra],
    } as never)) as Named | null;
    if (!found) throw new errors.NotFoundError(`There is no ${noun} "${key.slice(0, 60)}" (it may have been deleted)`);
    return found;
  }

  /** The milestones of the projects, by project id, in timeline order. */
  async function milestonesOf(projectIds: number[]): Promise<Map<number, MilestoneRow[]>> {
    const byProject = new Map<number, MilestoneRow[]>();
    if (!projectIds.length) return byProject;
    const rows = (await strapi.db.query(MILESTONE_UID as never).findMany({
      where: { project: { id: { $in: projectIds } } },
      select: ['documentId', 'name', 'baselineDate', 'forecastDate', 'actualDate', 'varianceDays'],
      populate: { project: { select: ['id'] } },
    } as never)) as Row[];
    for (const row of rows) {
      const id = row.project?.id as number | undefined;
      if (id === undefined) continue;
      byProject.set(id, [...(byProject.get(id) ?? []), asMilestone(row)]);
    }
    for (const list of byProject.values()) list.sort(byDate);
    return byProject;
  }

  /** Each project's latest status report day (its asOf), by project id. */
  async function lastReportDays(projectIds: number[]): Promise<Map<number, string>> {
    if (!projectIds.length) return new Map();
    const rows = (await withKnex(strapi, (knex) =>
      latestStatusReports(strapi, knex, { columns: { as_of: 'asOf' }, narrow: (query, column) => void query.whereIn(column, projectIds) })
    )) as Row[];
    return new Map(rows.map((row) => [Number(row.project_id), toIsoDay(row.as_of)!]));
  }

  async function slipTrend(projectKey: string, asOf: string): Promise<SlipTrend> {
    const project = await find(PROJECT_UID, 'project', projectKey, ['milestonesBaselinedOn']);
    const milestones = (await milestonesOf([project.id])).get(project.id) ?? [];
    const records = milestones.length
      ? ((await strapi.db.query(MILESTONE_FORECAST_UID as never).findMany({
          where: { milestoneDocumentId: { $in: milestones.map((m) => m.documentId) } },
          select: ['id', 'milestoneDocumentId', 'forecastDate', 'recordedOn'],
          orderBy: [{ recordedOn: 'asc' }, { id: 'asc' }],
        } as never)) as Row[])
      : [];
    const history: ForecastRecord[] = records.map((r) => ({
      id: Number(r.id),
      milestoneDocumentId: r.milestoneDocumentId,
      forecastDate: toIsoDay(r.forecastDate) ?? null,
      recordedOn: toIsoDay(r.recordedOn)!,
    }));
    const trend = slipTrendOf(milestones, history, asOf);
    return { project: ref(project), asOf, baselinedOn: toIsoDay(project.milestonesBaselinedOn) ?? null, ...trend };
  }

  async function roadmap(programmeKey: string, today: string): Promise<Roadmap> {
    const programme = await find(PROGRAMME_UID, 'programme', programmeKey);
    const projects = (await strapi.db.query(PROJECT_UID as never).findMany({
      where: { programme: { id: programme.id } },
      select: ['id', 'documentId', 'code', 'name', 'startDate', 'endDate', 'workflowState', 'reportingCadence'],
      orderBy: [{ startDate: 'asc' }, { code: 'asc' }],
    } as never)) as Named[];
    const milestones = await milestonesOf(projects.map((p) => p.id));
    const lastReports = await lastReportDays(projects.map((p) => p.id));
    const days: string[] = [];
    const answer = projects.map((project) => {
      const own = (milestones.get(project.id) ?? []).map((m) => {
        const reasons = lateReasons(m, today);
        days.push(...[m.baselineDate, m.forecastDate, m.actualDate].filter((d): d is string => d !== null));
        return { ...m, late: reasons.length > 0, lateReasons: reasons };
      });
      const startDate = toIsoDay(project.startDate) ?? null;
      const endDate = toIsoDay(project.endDate) ?? null;
      days.push(...[startDate, endDate].filter((d): d is string => d !== null));
      const cadence = isCadence(project.reportingCadence) ? project.reportingCadence : DEFAULT_REPORTING_CADENCE;
      const since = lastReports.get(project.id) ?? startDate;
      return {
        ...ref(project),
        startDate,
        endDate,
        state: project.workflowState ?? null,
        reportingCadence: cadence,
        nextReportDue: since ? periodsAfter(since, cadence, 1) : null,
        late: own.some((m) => m.late),
        milestones: own,
      };
    });
    days.sort();
    return { programme: ref(programme), today, from: days[0] ?? null, to: days[days.length - 1] ?? null, projects: answer };
  }

  /** milestones.csv: one row per milestone, by project code then timeline order. */
  function exportPage(knex: Knex, filter: { projectId?: number; programmeId?: number }, offset: number) {
    const m = columnsOf(strapi, MILESTONE_UID);
    const p = columnsOf(strapi, PROJECT_UID);
    const mp = m.link('project');
    const pp = p.link('programme');
    const query = knex(`${m.table} as m`)
      .join(`${mp.table} as mp`, `mp.${mp.owner}`, 'm.id')
      .join(`${p.table} as p`, 'p.id', `mp.${mp.target}`)
      .select({ project_code: `p.${p.column('code')}`, milestone: `m.${m.column('name')}`, variance_days: `m.${m.column('varianceDays')}` })
      .select({ baseline: `m.${m.column('baselineDate')}`, forecast: `m.${m.column('forecastDate')}`, actual: `m.${m.column('actualDate')}` });
    if (filter.projectId !== undefined) query.where('p.id', filter.projectId);
    if (filter.programmeId !== undefined) {
      query.whereIn('p.id', knex(pp.table).select(pp.owner).where(pp.target, filter.programmeId));
    }
    const forecast = `m.${m.column('forecastDate')}`;
    const baseline = `m.${m.column('baselineDate')}`;
    return query
      .orderBy(`p.${p.column('code')}`)
      .orderByRaw('COALESCE(??, ??) IS NULL, COALESCE(??, ??)', [forecast, baseline, forecast, baseline])
      .orderBy('m.id')
      .offset(offset)
      .limit(PAGE);
  }

  async function csv(query: MilestonesCsvQuery) {
    const filter: { projectId?: number; programmeId?: number } = {};
    const label: string[] = [];
    if (query.programme) {
      const programme = await find(PROGRAMME_UID, 'programme', query.programme);
      filter.programmeId = programme.id;
      label.push(programme.code);
    }
    if (query.project) {
      const project = await find(PROJECT_UID, 'project', query.project);
      filter.projectId = project.id;
      label.push(project.code);
    }
    const delimiter = query.delimiter ?? ',';
    const columns = MILESTONE_COLUMNS.map((column) => ({ ...column }));
    const write = createRowWriter(columns, delimiter);
    const cells = (row: Row): Cell[] => [row.project_code, row.milestone, toIsoDay(row.baseline), toIsoDay(row.forecast), toIsoDay(row.actual), row.variance_days];
    const read = (offset: number) => withKnex(strapi, (knex) => exportPage(knex, filter, offset)) as Promise<Row[]>;
    const first = await read(0);
    async function* lines() {
      yield (query.bom ? BOM : '') + headerLine(columns, delimiter);
      let batch = first;
      for (let offset = 0; ; ) {
        if (batch.length) yield batch.map((row) => write(cells(row))).join('');
        if (batch.length < PAGE) return;
        offset += PAGE;
        batch = await read(offset);
      }
    }
    const filename = `${['milestones', ...label, todayIso()].join('_').replace(/[^A-Za-z0-9._-]+/g, '_')}.csv`;
    return { filename, stream: Readable.from(lines(), { objectMode: false }) };
  }

  return { slipTrend, roadmap, csv };
}

export type MilestoneService = ReturnType<typeof createMilestoneService>;

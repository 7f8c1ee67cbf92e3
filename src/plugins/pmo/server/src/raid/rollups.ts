/**
 * The registers' roll-ups (DESIGN.md, "RAID, dashboard and reports"), each one set-based query:
 * the 5 × 5 heat map of open risks (current or residual), the top risks by score, open issues by
 * priority, the exposure per programme and the late dependencies. The dashboard reads them
 * through `strapi.plugin('pmo').service('raid')`; the heat-map and dependencies routes too.
 *
 * A risk's residual score is residual probability × residual impact when both are assessed, else
 * its current score (no response assessed yet: the risk stands where it is). A dependency is late
 * when it is marked late, or still open after its need-by date.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { formatDay } from '../../../shared/calendar';
import {
  DEFAULT_RISK_TOLERANCE,
  DEPENDENCY_UID,
  ESCALATED_STATE,
  ISSUE_PRIORITIES,
  ISSUE_UID,
  RISK_UID,
  type DependencyItem,
  type IssuePriority,
  type OpenIssue,
  type ProgrammeExposure,
  type RaidScope,
  type RiskType,
  type TopRisk,
} from '../../../shared/contracts/raid';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { columnsOf, withKnex } from '../platform/db';
import { daysBetween, toIsoDay, todayIso } from '../platform/dates';
import { createRegisterSql, holderOf, type UserAbility } from './sql';

type Row = Record<string, any>;
type Options = { ability?: UserAbility };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const count = (value: unknown) => Number(value ?? 0);

export function createRaidRollups(strapi: Core.Strapi) {
  const sql = createRegisterSql(strapi);

  /** The risk columns, and the residual probability and impact (falling back to the current ones) as SQL. */
  function riskColumns(knex: Knex) {
    const c = columnsOf(strapi, RISK_UID);
    const col = (attribute: string) => `r.${c.column(attribute)}`;
    const [rp, ri] = [col('residualProbability'), col('residualImpact')];
    const residual = (current: string, assessed: string) => knex.raw('CASE WHEN ?? IS NOT NULL AND ?? IS NOT NULL THEN ?? ELSE ?? END', [rp, ri, assessed, current]);
    return { c, col, residualP: residual(col('probability'), rp), residualI: residual(col('impact'), ri) };
  }

  function openRisks(knex: Knex, scope: RaidScope, options: Options) {
    const { c, col } = riskColumns(knex);
    const query = knex(`${c.table} as r`).where(col('status'), 'open');
    sql.narrow(knex, query, RISK_UID, 'r', scope, options.ability);
    return query;
  }

  /** `cells[probability − 1][impact − 1]`: the open risks in each cell. */
  async function heatmap(scope: RaidScope = {}, options: Options & { residual?: boolean } = {}): Promise<number[][]> {
    const rows = (await withKnex(strapi, (knex) => {
      const { col, residualP, residualI } = riskColumns(knex);
      const inner = openRisks(knex, scope, options);
      if (options.residual) inner.select({ p: residualP, i: residualI } as never);
      else inner.select({ p: col('probability'), i: col('impact') });
      return knex.from(inner.as('x')).select('x.p', 'x.i').count({ n: '*' }).groupBy('x.p', 'x.i');
    })) as Row[];
    const cells = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
    for (const row of rows) {
      const [p, i] = [Number(row.p), Number(row.i)];
      if (p >= 1 && p <= 5 && i >= 1 && i <= 5) cells[p - 1][i - 1] += count(row.n);
    }
    return cells;
  }

  /** The open risks with the highest scores (ties: the older first). */
  async function topRisks(
    scope: RaidScope = {},
    options: Options & { limit?: number; /** Only those above (true) or within (false) their project's tolerance. */ aboveTolerance?: boolean; escalated?: boolean } = {}
  ): Promise<TopRisk[]> {
    const rows = (await withKnex(strapi, (knex) => {
      const { query, column } = sql.registerRows(knex, RISK_UID, 'owner');
      query.where(column('status'), 'open');
      if (options.aboveTolerance !== undefined) {
        const above = knex.raw(`p.id IS NOT NULL AND COALESCE(??, 0) > COALESCE(??, ${DEFAULT_RISK_TOLERANCE})`, [
          column('score'),
          `p.${columnsOf(strapi, PROJECT_UID).column('riskTolerance')}`,
        ]);
        query.whereRaw(options.aboveTolerance ? '?' : 'NOT (?)', [above]);
      }
      if (options.escalated !== undefined) {
        query.whereRaw(`${options.escalated ? '' : 'NOT '}COALESCE(??, '') = '${ESCALATED_STATE}'`, [column('workflowState')]);
      }
      sql.narrow(knex, query, RISK_UID, 'r', scope, options.ability);
      query.select({
        document_id: column('documentId'),
        title: column('title'),
        type: column('type'),
        probability: column('probability'),
        impact: column('impact'),
        score: column('score'),
        residual_probability: column('residualProbability'),
        residual_impact: column('residualImpact'),
        state: column('workflowState'),
      });
      return query.orderByRaw('COALESCE(??, 0) DESC, r.id ASC', [column('score')]).limit(options.limit ?? 5);
    })) as Row[];
    return rows.map((row) => {
      const project = holderOf(row, 'project');
      const score = count(row.score);
      const tolerance = project ? count(row.risk_tolerance ?? DEFAULT_RISK_TOLERANCE) : null;
      const residual = row.residual_probability != null && row.residual_impact != null ? count(row.residual_probability) * count(row.residual_impact) : null;
      return {
        uid: RISK_UID,
        documentId: String(row.document_id),
        title: String(row.title),
        type: row.type as RiskType,
        probability: count(row.probability),
        impact: count(row.impact),
        score,
        residualScore: residual,
        project,
        programme: holderOf(row, 'programme'),
        owner: row.owner ?? null,
        riskTolerance: tolerance,
        aboveTolerance: tolerance !== null && score > tolerance,
        escalated: row.state === ESCALATED_STATE,
      };
    });
  }

  function openIssuesQuery(knex: Knex, scope: RaidScope, options: Options) {
    const c = columnsOf(strapi, ISSUE_UID);
    const query = knex(`${c.table} as r`).where(`r.${c.column('status')}`, 'open');
    sql.narrow(knex, query, ISSUE_UID, 'r', scope, options.ability);
    return { query, c };
  }

  /** How many open issues of each priority. */
  async function openIssuesByPriority(scope: RaidScope = {}, options: Options = {}): Promise<Record<IssuePriority, number>> {
    const rows = (await withKnex(strapi, (knex) => {
      const { query, c } = openIssuesQuery(knex, scope, options);
      const priority = `r.${c.column('priority')}`;
      return query.select({ priority }).count({ n: '*' }).groupBy(priority);
    })) as Row[];
    const counts = Object.fromEntries(ISSUE_PRIORITIES.map((priority) => [priority, 0])) as Record<IssuePriority, number>;
    for (const row of rows) if (row.priority in counts) counts[row.priority as IssuePriority] = count(row.n);
    return counts;
  }

  /** Open issues, the most pressing first (priority, then the oldest raised). */
  async function openIssues(scope: RaidScope = {}, options: Options & { priorities?: IssuePriority[]; limit?: number } = {}): Promise<OpenIssue[]> {
    const rows = (await withKnex(strapi, (knex) => {
      const { query, column } = sql.registerRows(knex, ISSUE_UID, 'owner');
      query.where(column('status'), 'open');
      if (options.priorities) query.whereIn(column('priority'), options.priorities);
      sql.narrow(knex, query, ISSUE_UID, 'r', scope, options.ability);
      query.select({
        document_id: column('documentId'),
        title: column('title'),
        priority: column('priority'),
        severity: column('severity'),
        raised_on: column('raisedOn'),
        target_date: column('targetDate'),
        state: column('workflowState'),
      });
      const rank = ISSUE_PRIORITIES.map((priority, index) => `WHEN '${priority}' THEN ${ISSUE_PRIORITIES.length - index}`).join(' ');
      return query.orderByRaw(`CASE ?? ${rank} ELSE 0 END DESC, ?? ASC, r.id ASC`, [column('priority'), column('raisedOn')]).limit(options.limit ?? 20);
    })) as Row[];
    return rows.map((row) => ({
      uid: ISSUE_UID,
      documentId: String(row.document_id),
      title: String(row.title),
      priority: row.priority as IssuePriority,
      severity: String(row.severity ?? ''),
      raisedOn: toIsoDay(row.raised_on),
      targetDate: toIsoDay(row.target_date),
      project: holderOf(row, 'project'),
      programme: holderOf(row, 'programme'),
      owner: row.owner ?? null,
      escalated: row.state === ESCALATED_STATE,
    }));
  }

  /** Per programme: its open risks (its own and its projects'), their scores, those above tolerance or escalated, and its open issues. */
  async function exposureByProgramme(scope: RaidScope = {}, options: Options & { /** Count open issues too (default). */ issues?: boolean } = {}): Promise<ProgrammeExposure[]> {
    const [risks, issues] = (await withKnex(strapi, async (knex) => {
      const { residualP, residualI } = riskColumns(knex);
      const { query, column } = sql.registerRows(knex, RISK_UID, null);
      query.where(column('status'), 'open');
      sql.narrow(knex, query, RISK_UID, 'r', scope, options.ability);
      query.select({
        score: column('score'),
        residual_score: knex.raw('(?) * (?)', [residualP, residualI]),
        above: knex.raw(`CASE WHEN p.id IS NOT NULL AND ?? > COALESCE(??, ${DEFAULT_RISK_TOLERANCE}) THEN 1 ELSE 0 END`, [
          column('score'),
          `p.${columnsOf(strapi, PROJECT_UID).column('riskTolerance')}`,
        ]),
        escalated: knex.raw(`CASE WHEN ?? = '${ESCALATED_STATE}' THEN 1 ELSE 0 END`, [column('workflowState')]),
      } as never);
      const programme = ['x.programme_document_id', 'x.programme_code', 'x.programme_name'];
      const byRisk = await knex
        .from(query.as('x'))
        .whereNotNull('x.programme_document_id')
        .select(programme)
        .count({ risks: '*' })
        .sum({ score: 'x.score', residual: 'x.residual_score', above: 'x.above', escalated: 'x.escalated' })
        .groupBy(programme);
      if (options.issues === false) return [byRisk, []];
      const issueRows = sql.registerRows(knex, ISSUE_UID, null);
      issueRows.query.where(issueRows.column('status'), 'open');
      sql.narrow(knex, issueRows.query, ISSUE_UID, 'r', scope, options.ability);
      const byIssue = await knex
        .from(issueRows.query.as('x'))
        .whereNotNull('x.programme_document_id')
        .select(programme)
        .count({ issues: '*' })
        .groupBy(programme);
      return [byRisk, byIssue];
    })) as [Row[], Row[]];
    const found = new Map<string, ProgrammeExposure>();
    const entry = (row: Row) => {
      const key = String(row.programme_document_id);
      if (!found.has(key)) {
        found.set(key, {
          programme: holderOf(row, 'programme')!,
          openRisks: 0,
          totalScore: 0,
          totalResidualScore: 0,
          aboveTolerance: 0,
          escalated: 0,
          openIssues: 0,
        });
      }
      return found.get(key)!;
    };
    for (const row of risks) {
      Object.assign(entry(row), {
        openRisks: count(row.risks),
        totalScore: count(row.score),
        totalResidualScore: count(row.residual),
        aboveTolerance: count(row.above),
        escalated: count(row.escalated),
      });
    }
    for (const row of issues) entry(row).openIssues = count(row.issues);
    return [...found.values()].sort((a, b) => b.totalScore - a.totalScore || a.programme.code.localeCompare(b.programme.code));
  }

  /** Dependencies with both projects, aliased `r`, `f` (needs) and `t` (delivers). */
  function dependencyRows(knex: Knex) {
    const c = columnsOf(strapi, DEPENDENCY_UID);
    const project = columnsOf(strapi, PROJECT_UID);
    const col = (attribute: string) => `r.${c.column(attribute)}`;
    const query = knex(`${c.table} as r`);
    sql.joinOne(query, DEPENDENCY_UID, 'r', 'fromProject', PROJECT_UID, 'f');
    sql.joinOne(query, DEPENDENCY_UID, 'r', 'toProject', PROJECT_UID, 't');
    const of = (alias: string) => ({
      [`${alias}_id`]: `${alias}.id`,
      [`${alias}_document_id`]: `${alias}.${project.column('documentId')}`,
      [`${alias}_code`]: `${alias}.${project.column('code')}`,
      [`${alias}_name`]: `${alias}.${project.column('name')}`,
    });
    query.select({ document_id: col('documentId'), description: col('description'), need_by: col('needBy'), status: col('status'), ...of('f'), ...of('t') });
    return { query, col };
  }

  const lateWhere = (col: (attribute: string) => string, asOf: string) => (where: Knex.QueryBuilder) =>
    where.where(col('status'), 'late').orWhere((open) => open.where(col('status'), 'open').where(col('needBy'), '<', asOf));

  function dependencyItem(row: Row, asOf: string): DependencyItem {
    const needBy = toIsoDay(row.need_by) ?? '';
    const late = row.status === 'late' || (row.status === 'open' && needBy < asOf);
    const ref = (alias: 'f' | 't') => ({ documentId: String(row[`${alias}_document_id`] ?? ''), code: String(row[`${alias}_code`] ?? ''), name: String(row[`${alias}_name`] ?? '') });
    const description = String(row.description ?? '');
    return {
      uid: DEPENDENCY_UID,
      documentId: String(row.document_id),
      title: clip(`${row.f_code ?? '?'} needs from ${row.t_code ?? '?'} by ${formatDay(needBy)}: ${description}`, 200),
      description,
      needBy,
      status: row.status,
      late,
      daysLate: late && needBy && needBy < asOf ? daysBetween(needBy, asOf) : 0,
      from: ref('f'),
      to: ref('t'),
    };
  }

  /** The late dependencies as of `asOf` (today) of these projects, either way (needing or delivering), the longest late first. */
  async function lateDependencies(options: Options & { projectIds?: number[]; asOf?: string; limit?: number } = {}): Promise<DependencyItem[]> {
    const asOf = options.asOf ?? todayIso();
    const rows = (await withKnex(strapi, (knex) => {
      const { query, col } = dependencyRows(knex);
      query.where(lateWhere(col, asOf));
      sql.narrow(knex, query, DEPENDENCY_UID, 'r', { projectIds: options.projectIds }, options.ability, ['fromProject', 'toProject']);
      query.orderBy([{ column: col('needBy'), order: 'asc' }, { column: 'r.id', order: 'asc' }]);
      return options.limit ? query.limit(options.limit) : query;
    })) as Row[];
    return rows.map((row) => dependencyItem(row, asOf));
  }

  /** One project's dependencies both ways (or only the late ones), a page at a time, by need-by date. */
  async function dependenciesOf(projectId: number, options: Options & { asOf: string; lateOnly: boolean; page: number; pageSize: number }) {
    const { rows, total } = (await withKnex(strapi, async (knex) => {
      const build = () => {
        const { query, col } = dependencyRows(knex);
        if (options.lateOnly) query.where(lateWhere(col, options.asOf));
        sql.narrow(knex, query, DEPENDENCY_UID, 'r', { projectIds: [projectId] }, options.ability, ['fromProject', 'toProject']);
        return { query, col };
      };
      const counted = build().query.clearSelect().count({ n: '*' });
      const [{ n }] = (await counted) as Row[];
      const { query, col } = build();
      const page = await query
        .orderBy([{ column: col('needBy'), order: 'asc' }, { column: 'r.id', order: 'asc' }])
        .offset((options.page - 1) * options.pageSize)
        .limit(options.pageSize);
      return { rows: page as Row[], total: count(n) };
    })) as { rows: Row[]; total: number };
    const items = rows.map((row) => ({ row, item: dependencyItem(row, options.asOf) }));
    return {
      needs: items.filter(({ row }) => Number(row.f_id) === projectId).map(({ item }) => item),
      neededBy: items.filter(({ row }) => Number(row.f_id) !== projectId).map(({ item }) => item),
      total,
    };
  }

  return { heatmap, topRisks, openIssuesByPriority, openIssues, exposureByProgramme, lateDependencies, dependenciesOf };
}

export type RaidRollups = ReturnType<typeof createRaidRollups>;

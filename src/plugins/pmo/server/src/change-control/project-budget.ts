/**
 * The project's money as change control and governance read it: BAC (summed by the database),
 * tolerance, the change authority limit, and the change budget (drawn with one conditional
 * update). Every query runs in the caller's transaction when there is one: on SQLite the pool
 * has one connection, so a query outside it would wait for it forever.
 */
import type { Core } from '@strapi/strapi';
import { BUDGET_LINE_UID, PROGRAMME_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import { MAX_MINOR, isMinorUnits } from '../../../shared/money';
import { budgetAtCompletion as projectBac, budgetsAtCompletion as projectBacs, withKnex } from '../platform/db';
import type { LimitSource } from '../../../shared/contracts/change-control';
import {
  DEFAULT_CHANGE_AUTHORITY_LIMIT,
  DEFAULT_COST_TOLERANCE_PERCENT,
  toMinor,
  type AuthorityFacts,
} from './authority';
import { findOneInTurn } from '../platform/read-in-turn';

export { BUDGET_LINE_UID, PROGRAMME_UID, PROJECT_UID };

export type ProjectRow = {
  id: number;
  documentId: string;
  code: string;
  name: string;
  changeBudget?: string | number | null;
  tolerances?: { costPercent?: number | string | null } | null;
  programme?: (Record<string, unknown> & { documentId: string; code: string }) | null;
};

function meta(strapi: Core.Strapi, uid: string) {
  return strapi.db.metadata.get(uid as never) as any;
}

export type { LimitSource };

/**
 * The configured change authority limit in minor units: plugin config `changeAuthorityLimit`,
 * else the environment variable PMO_CHANGE_AUTHORITY_LIMIT, else 100,000.00.
 */
export function configuredChangeAuthorityLimit(strapi: Core.Strapi): { limit: bigint; source: LimitSource } {
  const configured = strapi.config.get('plugin::pmo.changeAuthorityLimit') ?? process.env.PMO_CHANGE_AUTHORITY_LIMIT;
  if (configured === undefined || configured === null || configured === '') {
    return { limit: BigInt(DEFAULT_CHANGE_AUTHORITY_LIMIT), source: 'default' };
  }
  const text = String(configured).trim();
  if (!isMinorUnits(text) || text.startsWith('-')) {
    throw new Error(
      `changeAuthorityLimit (PMO_CHANGE_AUTHORITY_LIMIT) must be a whole number of cents from 0 to ${MAX_MINOR}, e.g. "10000000" for 100,000.00; got "${text}"`
    );
  }
  return { limit: BigInt(text), source: 'configuration' };
}

export function createProjectBudget(strapi: Core.Strapi) {
  /** The project with what authority needs: tolerances and programme (all its plain fields), read one query at a time. */
  function findProject(where: { documentId?: string; id?: number }): Promise<ProjectRow | null> {
    const filter = where.documentId !== undefined ? { documentId: where.documentId } : { id: where.id };
    return findOneInTurn<ProjectRow>(strapi, PROJECT_UID, filter, { tolerances: true, programme: true });
  }

  /** BAC in minor units: the project's budget lines, management reserve excluded. */
  const budgetAtCompletion = (projectId: number): Promise<bigint> => projectBac(strapi, projectId);

  /** The limit that applies to a project: its programme's when the programme sets one. */
  function limitFor(project: ProjectRow): { limit: bigint; source: LimitSource } {
    const programmeLimit = project.programme?.changeAuthorityLimit;
    const programmeHasLimit = !!(strapi.contentTypes as any)[PROGRAMME_UID]?.attributes?.changeAuthorityLimit;
    if (programmeHasLimit && programmeLimit !== null && programmeLimit !== undefined && programmeLimit !== '') {
      return { limit: toMinor(programmeLimit)!, source: 'programme' };
    }
    return configuredChangeAuthorityLimit(strapi);
  }

  function costPercentOf(project: ProjectRow): number {
    const raw = project.tolerances?.costPercent;
    const percent = raw === null || raw === undefined || raw === '' ? NaN : Number(raw);
    return Number.isFinite(percent) ? percent : DEFAULT_COST_TOLERANCE_PERCENT;
  }

  async function authorityFacts(project: ProjectRow, cost: bigint | null) {
    const { limit, source } = limitFor(project);
    const facts: AuthorityFacts = { cost, bac: await budgetAtCompletion(project.id), costPercent: costPercentOf(project), limit };
    return { facts, limitSource: source };
  }

  /**
   * `authorityFacts` of many (project, cost) pairs, in their order, with one query for every
   * project's BAC (lists and "my work" ask for a page of change requests at once).
   */
  async function authorityFactsMany(items: Array<{ project: ProjectRow; cost: bigint | null }>) {
    const bacs = await projectBacs(strapi, [...new Set(items.map((item) => Number(item.project.id)))]);
    return items.map(({ project, cost }) => {
      const { limit, source } = limitFor(project);
      const facts: AuthorityFacts = { cost, bac: bacs.get(Number(project.id)) ?? BigInt(0), costPercent: costPercentOf(project), limit };
      return { facts, limitSource: source };
    });
  }

  /** What is left of the project's change budget (0 when none is set). */
  function remainingChangeBudget(project: ProjectRow): bigint {
    return toMinor(project.changeBudget) ?? BigInt(0);
  }

  /**
   * Draws `cost` from the project's change budget with one conditional update, so two changes
   * drawn at the same moment can never take it below zero. False when it does not cover it.
   */
  async function drawChangeBudget(projectId: number, cost: bigint): Promise<boolean> {
    const project = meta(strapi, PROJECT_UID);
    const column = project.attributes.changeBudget.columnName ?? 'change_budget';
    const amount = cost.toString();
    const updated = await withKnex(strapi, (knex) =>
      knex(project.tableName)
        .where('id', projectId)
        .andWhere(column, '>=', knex.raw('CAST(? AS BIGINT)', [amount]))
        .update({ [column]: knex.raw('?? - CAST(? AS BIGINT)', [column, amount]) })
    );
    return Number(updated) === 1;
  }

  return { findProject, budgetAtCompletion, authorityFacts, authorityFactsMany, remainingChangeBudget, drawChangeBudget, costPercentOf, limitFor };
}

export type ProjectBudget = ReturnType<typeof createProjectBudget>;

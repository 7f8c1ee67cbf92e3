/**
 * What the dashboard covers: the projects its filters name (a portfolio or a programme, a
 * manager, a department: the projects whose manager belongs to it) among those the caller may
 * read, and the programmes whose own items (risks, issues, documents held by a programme) count.
 * Each is a subquery of ids, made afresh for every query that narrows by it, so the whole
 * dashboard is a handful of set-based queries whatever the number of projects.
 *
 * Read rights are the Content Manager's (the role's read action on each type, with its
 * conditions, as Strapi's own permission query writes them) and the plugin's actions.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { DashboardAnswer, DashboardFilters } from '../../../shared/contracts/dashboard';
import { DEPARTMENT_UID, PERSON_UID, PORTFOLIO_UID, PROGRAMME_UID, CONTENT_MANAGER } from '../../../shared/contracts/uids';
import { invalidField } from '../platform/errors';
import { dashboardTables } from './tables';

/** The admin user's CASL ability (`ctx.state.userAbility`). */
export type Ability = { can(action: string, subject?: string | null, field?: string): boolean };

/** A subquery of ids, made afresh at each call. */
export type Ids = () => Knex.QueryBuilder;

/** Whether the caller reads a type, and if only some of its items, the subquery of those. */
export type Readable = { can: false } | { can: true; only: Ids | null };

export type Scope = {
  /** The projects the dashboard covers. */
  projects: Ids;
  /**
   * Whether that is every project (no filter, no read condition): a query over all of them then
   * needs no narrowing, which spares the database a join with the whole project table.
   */
  all: boolean;
  /** The programmes whose own items count; null when none do (a manager or department filter). */
  programmes: Ids | null;
  /** How the answer names the filters. */
  named: Omit<DashboardAnswer['scope'], 'projects'>;
};

type Named = { id: number; documentId: string; code?: string; name?: string; fullName?: string };

export function createScopes(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection as unknown as Knex;

  /** The items of `uid` the caller may read: all, some (Strapi's permission query as a subquery), or none. */
  function readable(ability: Ability, uid: string): Readable {
    if (!ability.can(CONTENT_MANAGER.read, uid)) return { can: false };
    const permissions = strapi.service('admin::permission') as any;
    const manager = permissions.createPermissionsManager({ ability, action: CONTENT_MANAGER.read, model: uid });
    const where = (manager.getQuery() as Record<string, unknown> | null) ?? {};
    if (!Object.keys(where).length) return { can: true, only: null };
    return { can: true, only: () => (strapi.db.queryBuilder(uid as never) as any).select('id').where(where).getKnexQuery() };
  }

  async function find(uid: string, field: string, key: string, byCode: boolean, select: string[]): Promise<Named> {
    const where = byCode ? { $or: [{ documentId: key }, { code: key }] } : { documentId: key };
    const found = (await strapi.db.query(uid as never).findOne({ where, select: ['id', 'documentId', ...select] } as never)) as Named | null;
    if (!found) throw invalidField([field], `There is no such ${field}; choose one from the list`);
    return found;
  }

  /** The filters' items, each looked up once (a 400 naming the filter when one does not exist). */
  async function resolveFilters(filters: DashboardFilters) {
    const [portfolio, programme, manager, department] = await Promise.all([
      filters.portfolio ? find(PORTFOLIO_UID, 'portfolio', filters.portfolio, true, ['code', 'name']) : null,
      filters.programme ? find(PROGRAMME_UID, 'programme', filters.programme, true, ['code', 'name']) : null,
      filters.manager ? find(PERSON_UID, 'manager', filters.manager, false, ['fullName']) : null,
      filters.department ? find(DEPARTMENT_UID, 'department', filters.department, false, ['name']) : null,
    ]);
    return { portfolio, programme, manager, department };
  }

  /** The scope of a request: the caller may read `projects` (checked by the caller of this). */
  async function scopeOf(filters: DashboardFilters, projectsReadable: Ids | null): Promise<Scope> {
    const t = dashboardTables(strapi);
    const { portfolio, programme, manager, department } = await resolveFilters(filters);
    const p = t.project;
    const inPortfolio = (id: number) =>
      knex()(`${p.programme.table} as spp`)
        .join(`${t.programme.portfolio.table} as spf`, `spf.${t.programme.portfolio.owner}`, `spp.${p.programme.target}`)
        .where(`spf.${t.programme.portfolio.target}`, id)
        .select(`spp.${p.programme.owner}`);

    const projects: Ids = () => {
      const query = knex()(`${p.table} as sp`).select('sp.id');
      if (programme) query.whereIn('sp.id', knex()(p.programme.table).where(p.programme.target, programme.id).select(p.programme.owner));
      if (portfolio) query.whereIn('sp.id', inPortfolio(portfolio.id));
      if (manager) query.whereIn('sp.id', knex()(p.manager.table).where(p.manager.target, manager.id).select(p.manager.owner));
      if (department) {
        query.whereIn(
          'sp.id',
          knex()(`${p.manager.table} as spm`)
            .join(`${t.person.department.table} as sdp`, `sdp.${t.person.department.owner}`, `spm.${p.manager.target}`)
            .where(`sdp.${t.person.department.target}`, department.id)
            .select(`spm.${p.manager.owner}`)
        );
      }
      if (projectsReadable) query.whereIn('sp.id', projectsReadable());
      return query;
    };

    let programmes: Ids | null = null;
    if (!manager && !department) {
      if (programme) programmes = () => knex()(t.programme.table).where('id', programme.id).select('id');
      else if (portfolio) programmes = () => knex()(t.programme.portfolio.table).where(t.programme.portfolio.target, portfolio.id).select(t.programme.portfolio.owner);
      else programmes = () => knex()(t.programme.table).select('id');
    }

    // The chosen portfolio's programmes, for the page's links (a portfolio's items are reached through them).
    const portfolioProgrammes = portfolio
      ? ((await knex()(`${t.programme.portfolio.table} as lpf`)
          .join(`${t.programme.table} as lpg`, 'lpg.id', `lpf.${t.programme.portfolio.owner}`)
          .where(`lpf.${t.programme.portfolio.target}`, portfolio.id)
          .distinct({ document_id: `lpg.${t.programme.documentId}` })
          .orderBy('document_id')) as Array<{ document_id: string }>).map((row) => row.document_id)
      : [];
    const coded = (row: Named | null) => (row ? { documentId: row.documentId, code: row.code ?? '', name: row.name ?? '' } : null);
    return {
      projects,
      all: !programme && !portfolio && !manager && !department && !projectsReadable,
      programmes,
      named: {
        portfolio: coded(portfolio),
        programme: coded(programme),
        manager: manager ? { documentId: manager.documentId, fullName: manager.fullName ?? '' } : null,
        department: department ? { documentId: department.documentId, name: department.name ?? '' } : null,
        programmes: portfolioProgrammes,
      },
    };
  }

  return { readable, scopeOf };
}

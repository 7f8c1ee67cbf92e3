/**
 * The registers as SQL, for the roll-ups and the exports: one query per answer, whatever the
 * number of rows (set-based: joins and GROUP BY, never a query per item). A register's row is
 * joined to its project (and that project's programme), its own programme and its owner, and
 * narrowed to a scope (projects and programmes by database id) and to what the caller may read.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CONTENT_MANAGER, PERSON_UID, PROGRAMME_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import type { RaidScope } from '../../../shared/contracts/raid';
import { columnsOf } from '../platform/db';

/** The admin user's CASL ability (`ctx.state.userAbility`). */
export type UserAbility = { can(action: string, subject?: string, field?: string): boolean };

type Joined = {
  /** The register's row, aliased `r`, joined to its holders. */
  query: Knex.QueryBuilder;
  /** The register's own column of an attribute, `r.<column>`. */
  column: (attribute: string) => string;
};

export function createRegisterSql(strapi: Core.Strapi) {
  const attributesOf = (uid: string) => (strapi.db.metadata.get(uid as never) as { attributes: Record<string, { type?: string }> }).attributes;
  const hasRelation = (uid: string, field: string) => attributesOf(uid)[field]?.type === 'relation';

  /**
   * The items the caller may read, as a subquery of ids: null when they read every item (no
   * condition on their Content Manager read permission), as every PMO role does.
   */
  function readableIds(uid: string, ability: UserAbility | undefined): Knex.QueryBuilder | null {
    if (!ability) return null;
    const permissions = strapi.service('admin::permission') as any;
    const manager = permissions.createPermissionsManager({ ability, action: CONTENT_MANAGER.read, model: uid });
    const where = (manager.getQuery() as Record<string, unknown> | null) ?? {};
    if (!Object.keys(where).length) return null;
    return (strapi.db.queryBuilder(uid as never) as any).where(where).select('id').getKnexQuery() as Knex.QueryBuilder;
  }

  /**
   * Narrows `query` (the register aliased `alias`) to the scope: the items of its projects (by the
   * `projectFields` relations) and the programmes' own items; and to what the caller reads.
   */
  function narrow(knex: Knex, query: Knex.QueryBuilder, uid: string, alias: string, scope: RaidScope, ability?: UserAbility, projectFields = ['project']) {
    const { link } = columnsOf(strapi, uid);
    if (scope.projectIds || scope.programmeIds) {
      const sets: Knex.QueryBuilder[] = [];
      for (const field of scope.projectIds ? projectFields : []) {
        const l = link(field);
        sets.push(knex(l.table).select(l.owner).whereIn(l.target, scope.projectIds!));
      }
      if (scope.programmeIds && hasRelation(uid, 'programme')) {
        const l = link('programme');
        sets.push(knex(l.table).select(l.owner).whereIn(l.target, scope.programmeIds));
      }
      if (!sets.length) query.whereRaw('1 = 0');
      else query.where((where) => sets.forEach((set) => where.orWhereIn(`${alias}.id`, set)));
    }
    const readable = readableIds(uid, ability);
    if (readable) query.whereIn(`${alias}.id`, readable);
  }

  /** Joins a to-one relation of `from` (aliased `fromAlias`) to its target table, aliased `alias` (link table `${alias}l`). */
  function joinOne(query: Knex.QueryBuilder, uid: string, fromAlias: string, field: string, target: string, alias: string) {
    const l = columnsOf(strapi, uid).link(field);
    query.leftJoin(`${l.table} as ${alias}l`, `${alias}l.${l.owner}`, `${fromAlias}.id`);
    query.leftJoin(`${columnsOf(strapi, target).table} as ${alias}`, `${alias}.id`, `${alias}l.${l.target}`);
  }

  /**
   * A register (risks, issues, decisions, lessons) aliased `r`, joined to its project `p`, that
   * project's programme `pg`, its own programme `g` (where it has one) and its owner or decider
   * `o`, with their columns selected as `project_document_id`, `project_code`, `project_name`,
   * `risk_tolerance`, `programme_document_id`, `programme_code`, `programme_name` (its own
   * programme, else its project's) and `owner`.
   */
  function registerRows(knex: Knex, uid: string, personField: string | null): Joined {
    const own = columnsOf(strapi, uid);
    const project = columnsOf(strapi, PROJECT_UID);
    const programme = columnsOf(strapi, PROGRAMME_UID);
    const person = columnsOf(strapi, PERSON_UID);
    const query = knex(`${own.table} as r`);
    joinOne(query, uid, 'r', 'project', PROJECT_UID, 'p');
    joinOne(query, PROJECT_UID, 'p', 'programme', PROGRAMME_UID, 'pg');
    const ownProgramme = hasRelation(uid, 'programme');
    if (ownProgramme) joinOne(query, uid, 'r', 'programme', PROGRAMME_UID, 'g');
    if (personField) joinOne(query, uid, 'r', personField, PERSON_UID, 'o');
    const either = (column: string) => (ownProgramme ? knex.raw(`COALESCE(g.??, pg.??)`, [column, column]) : knex.raw('pg.??', [column]));
    query.select({
      project_document_id: `p.${project.column('documentId')}`,
      project_code: `p.${project.column('code')}`,
      project_name: `p.${project.column('name')}`,
      risk_tolerance: `p.${project.column('riskTolerance')}`,
    });
    query.select({
      programme_document_id: either(programme.column('documentId')),
      programme_code: either(programme.column('code')),
      programme_name: either(programme.column('name')),
    });
    if (personField) query.select({ owner: `o.${person.column('fullName')}` });
    return { query, column: (attribute) => `r.${own.column(attribute)}` };
  }

  return { readableIds, narrow, joinOne, registerRows, hasRelation };
}

export type RegisterSql = ReturnType<typeof createRegisterSql>;

/** A holder (project or programme) from a joined row's aliased columns, or null. */
export function holderOf(row: Record<string, unknown>, prefix: 'project' | 'programme') {
  const documentId = row[`${prefix}_document_id`];
  if (!documentId) return null;
  return { documentId: String(documentId), code: String(row[`${prefix}_code`] ?? ''), name: String(row[`${prefix}_name`] ?? '') };
}

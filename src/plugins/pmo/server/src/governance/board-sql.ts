/**
 * The governance board's projects in SQL: the filters (portfolio, programme, state, manager, the
 * manager's department, text, the latest status report's RAG), the order and the page are the
 * database's work, so a board of 10,000 projects reads one page of rows, its total and its count
 * per state: two queries whatever the number of projects.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { BOARD_PAGE_SIZE, type BoardQuery } from '../../../shared/contracts/governance';
import { DEPARTMENT_UID, PERSON_UID, PORTFOLIO_UID, PROGRAMME_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import { columnsOf, LATEST_REPORTS_TABLE } from '../platform/db';
import type { Row } from './present';

/** `%text%` for LIKE, its own `%`, `_` and `\` taken literally. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

export function boardSql(strapi: Core.Strapi) {
  const project = columnsOf(strapi, PROJECT_UID);
  const programme = columnsOf(strapi, PROGRAMME_UID);
  const portfolio = columnsOf(strapi, PORTFOLIO_UID);
  const person = columnsOf(strapi, PERSON_UID);
  const department = columnsOf(strapi, DEPARTMENT_UID);
  const inProgramme = project.link('programme');
  const managedBy = project.link('manager');
  const inPortfolio = programme.link('portfolio');
  const inDepartment = person.link('department');
  const stateColumn = `p.${project.column('workflowState')}`;

  /**
   * The projects whose latest status report has this overall RAG (`null`: a RAG given): an
   * indexed lookup in the latest reports the database keeps (platform/latest-reports.ts), not a
   * pass over every report (at 10,000 projects with 20 reports each a window over all reports
   * took 0.4 s, a correlated subquery per project 2.5 s).
   */
  const projectsWithLatestRag = (knex: Knex, rag: string | null) => {
    const projects = knex(`${LATEST_REPORTS_TABLE} as lr`).select('lr.project_id');
    return rag === null ? projects.whereNotNull('lr.rag_overall') : projects.where('lr.rag_overall', rag);
  };

  /** The projects the filters leave, joined to their programme (`g`) and manager (`m`). */
  function filtered(knex: Knex, filters: BoardQuery, initialState: string | null) {
    const query = knex(`${project.table} as p`)
      .leftJoin(`${inProgramme.table} as pg`, `pg.${inProgramme.owner}`, 'p.id')
      .leftJoin(`${programme.table} as g`, 'g.id', `pg.${inProgramme.target}`)
      .leftJoin(`${managedBy.table} as pm`, `pm.${managedBy.owner}`, 'p.id')
      .leftJoin(`${person.table} as m`, 'm.id', `pm.${managedBy.target}`);
    const byKey = (alias: string, codeColumn: string, key: string) =>
      query.where((where) => where.where(`${alias}.document_id`, key).orWhere(`${alias}.${codeColumn}`, key));
    if (filters.programme) byKey('g', programme.column('code'), filters.programme);
    if (filters.portfolio) {
      query
        .join(`${inPortfolio.table} as gf`, `gf.${inPortfolio.owner}`, 'g.id')
        .join(`${portfolio.table} as f`, 'f.id', `gf.${inPortfolio.target}`);
      byKey('f', portfolio.column('code'), filters.portfolio);
    }
    if (filters.state) {
      // A project with no state recorded yet stands in the lifecycle's first state.
      if (filters.state === initialState) query.where((where) => where.where(stateColumn, filters.state!).orWhereNull(stateColumn));
      else query.where(stateColumn, filters.state);
    }
    if (filters.manager) query.where('m.document_id', filters.manager);
    if (filters.department) {
      query
        .join(`${inDepartment.table} as md`, `md.${inDepartment.owner}`, 'm.id')
        .join(`${department.table} as d`, 'd.id', `md.${inDepartment.target}`)
        .where('d.document_id', filters.department);
    }
    const text = filters.q?.trim();
    if (text) {
      const pattern = containing(text);
      query.where((where) =>
        where
          .whereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [`p.${project.column('code')}`, pattern])
          .orWhereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [`p.${project.column('name')}`, pattern])
      );
    }
    // None: no report yet, or a latest report without a RAG.
    if (filters.rag === 'none') query.whereNotIn('p.id', projectsWithLatestRag(knex, null));
    else if (filters.rag) query.whereIn('p.id', projectsWithLatestRag(knex, filters.rag));
    return query;
  }

  /** Each order's terms: identifiers bound to `??`; a project without a programme or state sorts first. */
  const ORDER: Record<NonNullable<BoardQuery['sort']>, Array<[string, string[]]>> = {
    code: [['??', [`p.${project.column('code')}`]]],
    name: [['??', [`p.${project.column('name')}`]], ['??', [`p.${project.column('code')}`]]],
    programme: [["COALESCE(??, '')", [`g.${programme.column('code')}`]], ['??', [`p.${project.column('code')}`]]],
    state: [["COALESCE(??, '')", [stateColumn]], ['??', [`p.${project.column('code')}`]]],
  };

  /**
   * One page of the board's projects (rows shaped as the cards read them: programme and manager
   * nested), the number that match, and how many match in each state.
   */
  async function page(knex: Knex, filters: BoardQuery, initialState: string | null) {
    const pageNumber = filters.page ?? 1;
    const pageSize = filters.pageSize ?? BOARD_PAGE_SIZE;
    // One after the other: on PostgreSQL the caller's transaction holds one connection.
    const rows = (await filtered(knex, filters, initialState)
        .select({
          id: 'p.id',
          documentId: 'p.document_id',
          code: `p.${project.column('code')}`,
          name: `p.${project.column('name')}`,
          workflowState: stateColumn,
          programmeDocumentId: 'g.document_id',
          programmeCode: `g.${programme.column('code')}`,
          programmeName: `g.${programme.column('name')}`,
          managerDocumentId: 'm.document_id',
          managerName: `m.${person.column('fullName')}`,
          managerEmail: `m.${person.column('email')}`,
        })
        .modify((query) => [...ORDER[filters.sort ?? 'code'], ['??', ['p.id']] as [string, string[]]].forEach(([sql, ids]) => query.orderByRaw(sql, ids)))
        .offset((pageNumber - 1) * pageSize)
        .limit(pageSize)) as Row[];
    const byState = (await filtered(knex, filters, initialState)
      .select({ state: stateColumn })
      .count({ total: '*' })
      .groupBy(stateColumn)) as Array<{ state: string | null; total: string | number }>;
    const counts: Record<string, number> = {};
    let total = 0;
    for (const row of byState) {
      const key = row.state ?? initialState ?? '';
      counts[key] = (counts[key] ?? 0) + Number(row.total);
      total += Number(row.total);
    }
    const projects = rows.map((row) => ({
      id: Number(row.id),
      documentId: row.documentId,
      code: row.code,
      name: row.name,
      workflowState: row.workflowState,
      programme: row.programmeDocumentId ? { documentId: row.programmeDocumentId, code: row.programmeCode, name: row.programmeName } : null,
      manager: row.managerDocumentId ? { documentId: row.managerDocumentId, fullName: row.managerName, email: row.managerEmail } : null,
    }));
    return { projects, counts, pagination: { page: pageNumber, pageSize, total } };
  }

  return { page };
}

/**
 * What a route's filters cover, as a roll-up scope (database ids): a project's items; a
 * programme's own items and its projects'; a portfolio's programmes and their projects. A filter
 * names its item by documentId or code; one that names nothing is a 400 naming the parameter.
 */
import type { Core } from '@strapi/strapi';
import type { HeatmapQuery, RaidExportFilters, RaidScope } from '../../../shared/contracts/raid';
import { PORTFOLIO_UID, PROGRAMME_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import { invalidField } from '../platform/errors';

type Row = { id: number; documentId: string; code: string; name: string };
type Kind = 'project' | 'programme' | 'portfolio';

const UIDS: Record<Kind, string> = { project: PROJECT_UID, programme: PROGRAMME_UID, portfolio: PORTFOLIO_UID };

export function createScopes(strapi: Core.Strapi) {
  async function find(kind: Kind, key: string, param: string): Promise<Row> {
    const row = (await strapi.db.query(UIDS[kind] as never).findOne({
      where: { $or: [{ documentId: key }, { code: key }] },
      select: ['id', 'documentId', 'code', 'name'],
    } as never)) as Row | null;
    if (!row) throw invalidField([param], `Choose a ${kind}: there is none with the code "${key.slice(0, 60)}"`);
    return row;
  }

  const ids = (rows: Array<{ id: number }>) => rows.map((row) => row.id);

  async function projectsOf(programmeIds: number[]) {
    if (!programmeIds.length) return [];
    return ids((await strapi.db.query(PROJECT_UID as never).findMany({ where: { programme: { id: { $in: programmeIds } } }, select: ['id'] } as never)) as Row[]);
  }

  async function of(kind: Kind, row: Row): Promise<RaidScope> {
    if (kind === 'project') return { projectIds: [row.id] };
    if (kind === 'programme') return { projectIds: await projectsOf([row.id]), programmeIds: [row.id] };
    const programmeIds = ids((await strapi.db.query(PROGRAMME_UID as never).findMany({ where: { portfolio: { id: row.id } }, select: ['id'] } as never)) as Row[]);
    return { projectIds: await projectsOf(programmeIds), programmeIds };
  }

  return {
    find,
    /** The heat map's scope: a portfolio without a documentId is every item. */
    async heatmap(query: HeatmapQuery): Promise<RaidScope> {
      if (query.documentId === undefined) return {};
      return of(query.scope, await find(query.scope, query.documentId, 'documentId'));
    },
    /** The summary's scope, and what it names (null: everything). */
    async named(query: HeatmapQuery): Promise<{ scope: RaidScope; holder: { kind: Kind; documentId: string; code: string; name: string } | null }> {
      if (query.documentId === undefined) return { scope: {}, holder: null };
      const row = await find(query.scope, query.documentId, 'documentId');
      return { scope: await of(query.scope, row), holder: { kind: query.scope, documentId: row.documentId, code: row.code, name: row.name } };
    },
    /** An export's scope: the narrowest filter given (project, else programme, else portfolio), else everything. */
    async exports(filters: RaidExportFilters): Promise<{ scope: RaidScope; label: string[] }> {
      for (const kind of ['project', 'programme', 'portfolio'] as const) {
        const key = filters[kind];
        if (key === undefined) continue;
        const row = await find(kind, key, kind);
        return { scope: await of(kind, row), label: [row.code] };
      }
      return { scope: {}, label: [] };
    },
  };
}

export type Scopes = ReturnType<typeof createScopes>;

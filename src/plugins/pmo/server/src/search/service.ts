/**
 * Finds people, projects, programmes and portfolios for the admin's pickers (DESIGN.md, "Search
 * and lists"): by name, code or email, case and accents aside (fold.ts), best matches first,
 * among the items the caller may read in the Content Manager — the type, its fields and the
 * conditions of their role (Strapi's own permission query, the one the Content Manager applies).
 *
 * The database is asked tier by tier (exact code, exact name, code prefix, …: fold.ts
 * MATCH_TIERS), each query only for what is still missing, so the best matches are never crowded
 * out by many items that merely contain the query, and no query answers more than `limit` rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CONTENT_READ, SEARCH_UIDS, type SearchAnswer, type SearchQuery, type SearchType } from '../../../shared/contracts/search';
import { columnsOf } from '../platform/db';
import { forbidden } from '../platform/errors';
import { FOLDED_COLUMN_BINDINGS, MATCH_TIERS, fold, foldedColumnSql, matchRank, tierTest } from './fold';

/** The admin user's CASL ability (`ctx.state.userAbility`). */
export type UserAbility = { can(action: string, subject?: string, field?: string): boolean };

/** How a type is searched: the field a person reads (`label`), its code, other texts matched (not answered). */
type Searched = { label: string; code?: string; also?: string[]; noun: string };

const SEARCHED: Record<SearchType, Searched> = {
  person: { label: 'fullName', also: ['email'], noun: 'people' },
  project: { label: 'name', code: 'code', noun: 'projects' },
  programme: { label: 'name', code: 'code', noun: 'programmes' },
  portfolio: { label: 'name', code: 'code', noun: 'portfolios' },
};

type Row = Record<string, string | null> & { documentId: string };

/** Labels in a person's order: accents and case aside, then as written. */
const byLabel = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

export function createSearchService(strapi: Core.Strapi) {
  /** The caller's read conditions on the type, as a `where` (`{}` when they read every item). */
  function readableWhere(ability: UserAbility, uid: string): Record<string, unknown> {
    const permissions = strapi.service('admin::permission') as any;
    const manager = permissions.createPermissionsManager({ ability, action: CONTENT_READ, model: uid });
    return (manager.getQuery() as Record<string, unknown> | null) ?? {};
  }

  /** The ids of the rows one of whose folded `fields` passes the tier's test, as a subquery. */
  function matching(uid: string, fields: string[], test: { sql: string; value: string }): Knex.QueryBuilder {
    const { table, column } = columnsOf(strapi, uid);
    const knex = strapi.db.connection as unknown as Knex;
    const folded = foldedColumnSql((knex.client as { dialect?: string }).dialect === 'postgresql' ? 'postgres' : 'sqlite');
    return knex(table)
      .select('id')
      .where((where) => {
        for (const field of fields) {
          where.orWhereRaw(`${folded} ${test.sql}`, [...Array(FOLDED_COLUMN_BINDINGS).fill(column(field)), test.value]);
        }
      });
  }

  return {
    async search({ type, q, limit }: SearchQuery, ability: UserAbility): Promise<SearchAnswer> {
      const uid = SEARCH_UIDS[type];
      const searched = SEARCHED[type];
      const readable = (field: string) => ability.can(CONTENT_READ, uid, field);
      if (!ability.can(CONTENT_READ, uid) || !readable(searched.label)) {
        throw forbidden(`You may not read ${searched.noun}, so you cannot search them.`, { type });
      }
      // Only what the caller may read is matched: no finding a person by an email they cannot see.
      const fields = {
        code: searched.code && readable(searched.code) ? [searched.code] : [],
        label: [searched.label],
        also: (searched.also ?? []).filter(readable),
      };
      const query = fold(q);
      const where = readableWhere(ability, uid);

      const rows: Row[] = [];
      for (const tier of MATCH_TIERS) {
        const columns = tier.fields.flatMap((field) => fields[field]);
        if (rows.length >= limit) break;
        if (!columns.length) continue;
        const seen = rows.map((row) => row.documentId);
        const found = (await strapi.db.query(uid as never).findMany({
          select: ['documentId', ...fields.label, ...fields.code, ...fields.also],
          where: {
            $and: [
              where,
              { id: { $in: matching(uid, columns, tierTest(tier.test, query)) } },
              ...(seen.length ? [{ documentId: { $notIn: seen } }] : []),
            ],
          },
          orderBy: { [searched.label]: 'asc' },
          limit: limit - rows.length,
        })) as Row[];
        rows.push(...found);
      }

      const code = fields.code[0];
      const ranked = rows.map((row) => {
        const label = row[searched.label] ?? '';
        const rank = matchRank(query, { code: code ? row[code] : null, label, also: fields.also.map((field) => row[field]) });
        return { row, label, rank: rank ?? MATCH_TIERS.length };
      });
      ranked.sort((a, b) => a.rank - b.rank || byLabel(a.label, b.label));
      return {
        results: ranked.map(({ row, label }) => ({
          uid,
          documentId: row.documentId,
          label,
          ...(code && row[code] ? { code: row[code] as string } : {}),
        })),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

export function getSearchService(strapi: Core.Strapi): SearchService {
  return strapi.plugin('pmo').service('search') as SearchService;
}

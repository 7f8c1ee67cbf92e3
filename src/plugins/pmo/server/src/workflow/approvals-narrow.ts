/**
 * The votes one admin user may cast, narrowed by the database before anything is loaded
 * (approvals-waiting.ts, "my work"). A voted transition's actor rules and exclusions become
 * where-clauses on its instances where their kind allows: the states it leaves, the items whose
 * person field names the voter (when no role of theirs is an actor), not those whose excluded
 * field names them, not those they raised or moved there (`excludeRequester`). The SQL only
 * removes rows that certainly are not the voter's: the evaluator still judges every row it keeps.
 * Its guards narrow too where their type says in SQL which items they let through (`narrow` in
 * catalogue.ts: change control's `authority` and `budget`, the engine's `field` for plain
 * comparisons): the items of the target's type matching every guard's where-clause.
 *
 * When nothing but the database decides (a role of the voter is an actor, every guard exactly
 * expressed, one row per item, a dialect whose JSON says "already voted"), the transition is
 * `exact`: its count, its overdue count and its first rows in my work's order come from SQL, and
 * no target is loaded beyond the columns its title reads.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { WorkflowTransition } from '../../../shared/contracts/workflow';
import { columnsOf, withKnex } from '../platform/db';
import { addDays, workingDaysBetween } from '../platform/dates';
import type { Catalogue } from './catalogue';
import type { ActorFacts } from './evaluate';
import { INSTANCE_UID } from './records';

/** What a vote's item is called by (approvals-waiting.ts `titleOf`): the target's columns it reads. */
export const TITLE_FIELDS = ['reference', 'title', 'name', 'label', 'code'] as const;

/** Where one voted transition's instances may hold a vote of the voter's. */
export type Narrowing = {
  transition: WorkflowTransition;
  /** The items a person field of an actor rule names the voter in; null: any item (a role of theirs is an actor, or a rule SQL cannot follow). */
  only: string[] | null;
  /** The items an excluded field names the voter in. */
  except: string[];
  /** Where-clauses on the target's type its guards let through (every one must match). */
  guarded: Record<string, unknown>[];
  /** Whether the transition's actors, exclusions and votes are decided by SQL alone (see above). */
  exact: boolean;
};

/** The first rows of an exact transition, in my work's order, and how many there are in all. */
export type ExactVotes = {
  rows: Array<{ documentId: string; enteredAt: unknown; target: Record<string, unknown> }>;
  total: number;
  overdue: number;
};

/** Attribute types that are not a column of the item's own table. */
const NOT_COLUMNS = new Set(['relation', 'component', 'media', 'dynamiczone']);

/** A stored date-time as the instant it is: drivers answer a Date, an ISO string or milliseconds. */
export const instantOf = (value: unknown) => (value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value)));

/** Midnight (server time) at the start of a `YYYY-MM-DD` day. */
const midnight = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/**
 * The instant before which an item must have entered its state for a vote on it to be overdue on
 * `today` (waited more than `waitDays` working days): local midnight after the last such day.
 */
export function overdueBeforeOn(today: string, waitDays: number): Date {
  let lastOverdue = addDays(today, -1);
  while (workingDaysBetween(lastOverdue, today) <= waitDays) lastOverdue = addDays(lastOverdue, -1);
  return midnight(addDays(lastOverdue, 1));
}

export function createVoteNarrowing(strapi: Core.Strapi, catalogue: () => Catalogue) {
  const model = (uid: string) =>
    strapi.getModel(uid as never) as unknown as
      | { attributes: Record<string, { type: string; target?: string }>; options?: { draftAndPublish?: boolean }; pluginOptions?: { i18n?: { localized?: boolean } } }
      | undefined;

  /**
   * `project.manager` → `{ project: { manager: { documentId: { $in: ids } } } }`, or null when a
   * step is not a relation (the evaluator then finds no one there, but SQL cannot tell).
   */
  function pathWhere(uid: string, path: string, ids: string[]): Record<string, unknown> | null {
    const steps = path.split('.');
    let at = uid;
    for (const step of steps) {
      const attribute = model(at)?.attributes?.[step];
      if (!attribute || attribute.type !== 'relation' || !attribute.target) return null;
      at = attribute.target;
    }
    return steps.reduceRight<Record<string, unknown>>((inner, step) => ({ [step]: inner }), { documentId: { $in: ids } });
  }

  /** The items (documentIds) one of these person fields names the voter in; null when a field cannot be followed in SQL. */
  async function itemsNaming(uid: string, fields: string[], personIds: string[]): Promise<string[] | null> {
    if (!fields.length || !personIds.length) return [];
    const or = fields.map((field) => pathWhere(uid, field, personIds));
    if (or.some((clause) => clause === null)) return null;
    const rows = (await strapi.db.query(uid as never).findMany({ where: { $or: or }, select: ['documentId'] })) as Array<{ documentId: string }>;
    return [...new Set(rows.map((row) => row.documentId))];
  }

  /** `postgres`, `sqlite` or `mysql`. */
  const client = () => strapi.db.dialect.client as string;

  /** How the database narrows one voted transition's instances for this voter; null when it may name no one. */
  async function narrow(uid: string, transition: WorkflowTransition, voter: ActorFacts, labelShared: boolean): Promise<Narrowing | null> {
    const rules = transition.actors ?? [];
    const byRole = rules.length === 0 || rules.some((rule) => 'role' in rule && voter.roles.includes(rule.role));
    const fields = rules.flatMap((rule) => ('field' in rule ? [rule.field] : []));
    const only = byRole ? null : await itemsNaming(uid, fields, voter.personIds);
    if (only && !only.length) return null;
    // Draft and published rows (or locales) of one item may name different people; the evaluator reads one of them.
    const oneRow = !model(uid)?.options?.draftAndPublish && !model(uid)?.pluginOptions?.i18n?.localized;
    const excluded = oneRow ? await itemsNaming(uid, transition.approvals?.excludeFields ?? [], voter.personIds) : null;
    // Asked as no one in particular, as the reminders ask them.
    const guards = (transition.guards ?? []).map((guard) => catalogue().guard(guard.type)?.narrow?.(guard, { strapi, uid }) ?? null);
    const guarded = guards.flatMap((guard) => (guard ? [guard.where] : []));
    const exact = byRole && oneRow && excluded !== null && !labelShared && guards.every((guard) => guard?.exact) && ['postgres', 'sqlite'].includes(client());
    return { transition, only, except: excluded ?? [], guarded, exact };
  }

  /** The documentIds of the target's items every guard's where-clause lets through: a subquery, fresh for each use. */
  function guardedItems(uid: string, guarded: Record<string, unknown>[]) {
    return (strapi.db.queryBuilder(uid as never) as any).select('documentId').where({ $and: guarded }).getKnexQuery() as Knex.QueryBuilder;
  }

  /** Strapi's where for the instances of one narrowed transition (the voter's votes are the evaluator's to find). */
  function instanceWhere({ transition, only, except, guarded }: Narrowing, uid: string, voter: ActorFacts): Record<string, unknown> {
    const and: Record<string, unknown>[] = [{ state: { $in: transition.from } }];
    if (guarded.length) and.push({ targetDocumentId: { $in: guardedItems(uid, guarded) } });
    if (only) and.push({ targetDocumentId: { $in: only } });
    if (except.length) and.push({ targetDocumentId: { $notIn: except } });
    if (transition.approvals?.excludeRequester) {
      for (const field of ['enteredById', 'raisedById']) and.push({ $or: [{ [field]: null }, { [field]: { $ne: voter.id } }] });
    }
    return { $and: and };
  }

  /**
   * An exact transition's waiting votes: how many, how many overdue on `today` (waited more than
   * `waitDays` working days), and, oldest first, the rows that can be among the `first` of my
   * work's order: two queries whatever the number of votes.
   */
  async function exactVotes(
    workflow: { key: string; appliesTo: string },
    narrowing: Narrowing,
    voter: ActorFacts,
    { today, first, waitDays }: { today: string; first: number; waitDays: number }
  ): Promise<ExactVotes> {
    const { transition, except, guarded } = narrowing;
    const instance = columnsOf(strapi, INSTANCE_UID);
    const target = columnsOf(strapi, workflow.appliesTo);
    const i = (attribute: string) => `i.${instance.column(attribute)}`;
    const enteredAt = i('enteredAt');
    return withKnex(strapi, async (knex) => {
      const base = () => {
        const query = knex(`${instance.table} as i`)
          .join(`${target.table} as t`, `t.${target.column('documentId')}`, i('targetDocumentId'))
          .where(i('workflowKey'), workflow.key)
          .where(i('targetUid'), workflow.appliesTo)
          .whereIn(i('state'), transition.from)
          .whereNotNull(enteredAt);
        if (except.length) query.whereNotIn(i('targetDocumentId'), except);
        if (guarded.length) query.whereIn(i('targetDocumentId'), guardedItems(workflow.appliesTo, guarded));
        if (transition.approvals?.excludeRequester) {
          for (const field of ['enteredById', 'raisedById']) query.where((where) => where.whereNull(i(field)).orWhere(i(field), '<>', voter.id));
        }
        return query.whereRaw(...notVoted(i('votes'), transition.key, voter.id));
      };
      const overdueBefore = overdueBeforeOn(today, waitDays);
      // One pass: the rows, oldest first, that may be among the `first`: every row up to the
      // `first`-th and those of its due date (ordered by title, which only JavaScript compares as
      // my work does): the days that fall due on one day span at most three (Friday to Sunday),
      // so those entered within five days of it; and the count and overdue count of all.
      const ranked = base()
        .select({ documentId: i('targetDocumentId'), enteredAt })
        .select(
          knex.raw('ROW_NUMBER() OVER (ORDER BY ??, ??) AS rn', [enteredAt, 'i.id']),
          knex.raw('COUNT(*) OVER () AS total'),
          knex.raw('SUM(CASE WHEN ?? < ? THEN 1 ELSE 0 END) OVER () AS overdue', [enteredAt, overdueBefore]),
          knex.raw('NTH_VALUE(??, ?) OVER (ORDER BY ??, ?? ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS boundary', [enteredAt, Math.max(1, first), enteredAt, 'i.id'])
        );
      const titles = titleFields(workflow.appliesTo);
      for (const field of titles) ranked.select({ [field]: `t.${target.column(field)}` });
      const fiveDaysLater = client() === 'postgres' ? "?? + INTERVAL '5 days'" : `?? + ${5 * 86_400_000}`;
      // The counts once, on the first row (thousands of rows may come back).
      const found = (await knex
        .from(ranked.as('w'))
        .select(['w.documentId', 'w.enteredAt', ...titles.map((field) => `w.${field}`)])
        .select(knex.raw('CASE WHEN w.rn = 1 THEN w.total END AS total'), knex.raw('CASE WHEN w.rn = 1 THEN w.overdue END AS overdue'))
        .where((where) => where.whereNull('w.boundary').orWhereRaw(`?? < ${fiveDaysLater}`, ['w.enteredAt', 'w.boundary']))
        .orderBy('w.rn')) as Array<Record<string, unknown> & { documentId: string; enteredAt: unknown; total: unknown; overdue: unknown }>;
      return {
        rows: found.map(({ documentId, enteredAt: at, total: _total, overdue: _overdue, ...columns }) => ({ documentId, enteredAt: at, target: columns })),
        total: Number(found[0]?.total ?? 0),
        overdue: Number(found[0]?.overdue ?? 0),
      };
    });
  }

  /** The target's columns its title is made of (those it has). */
  function titleFields(uid: string): string[] {
    const attributes = model(uid)?.attributes ?? {};
    return TITLE_FIELDS.filter((field) => attributes[field] && !NOT_COLUMNS.has(attributes[field].type));
  }

  /** Not already voted for by the voter: the instance's votes on this transition name no vote of theirs. */
  function notVoted(votes: string, transitionKey: string, voterId: number): [string, unknown[]] {
    if (client() === 'postgres') return ['NOT COALESCE((?? -> ?) @> ?::jsonb, false)', [votes, transitionKey, JSON.stringify([{ id: voterId }])]];
    return [`NOT EXISTS (SELECT 1 FROM json_each(??, ?) AS v WHERE json_extract(v.value, '$.id') = ?)`, [votes, `$."${transitionKey.replace(/"/g, '')}"`, voterId]];
  }

  return { narrow, instanceWhere, exactVotes };
}

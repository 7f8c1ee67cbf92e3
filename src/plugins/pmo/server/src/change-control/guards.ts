/**
 * Change control's guards and effects for the workflow catalogue (configured by data):
 * `authority`          `{ "type": "authority", "levels": ["project-manager", "change-board"] }`
 *                      the change request's authorityLevel is one of these (who may decide it);
 * `budget`             `{ "type": "budget" }` the project's remaining change budget covers the cost impact;
 * `deriveAuthority`    `{ "type": "deriveAuthority" }` re-derives authorityLevel as the change goes for
 *                      authorisation (the project's budget may have moved since it was raised);
 * `drawChangeBudget`   `{ "type": "drawChangeBudget" }` takes the cost impact off the project's change
 *                      budget and adds a `change` budget line for it in the current month;
 * `recordDecision`     `{ "type": "recordDecision", "decision": "approved" }` records the decision, its
 *                      date and the deciders (the people of the admin users who voted or acted).
 */
import type { Core } from '@strapi/strapi';
import { unprocessable } from '../platform/errors';
import { currencyOf } from '../platform/currency';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { CHANGE_DECISIONS } from '../../../shared/contracts/change-control';
import { unknownSettings, type EffectType, type GuardContext, type GuardType } from '../workflow';
import { listWords } from '../../../shared/words';
import {
  AUTHORITY_LEVELS,
  AUTHORITY_NAMES,
  authorityLevel,
  describeShortfall,
  explainAuthority,
  toMinor,
  type AuthorityFacts,
  type AuthorityLevel,
} from './authority';
import { BUDGET_LINE_UID, createProjectBudget, type ProjectRow } from './project-budget';
import { findOneInTurn } from '../platform/read-in-turn';
import { CHANGE_REQUEST_UID } from './reference';
import { changeRequestSql } from './list-sql';

const unknownOptions = unknownSettings;

type ChangeRequestRow = {
  id: number;
  documentId: string;
  reference: string | null;
  title: string;
  authorityLevel: AuthorityLevel | null;
  impact?: { cost?: string | number | null } | null;
  project?: ProjectRow | null;
};

/** The change request with what its guards and effects read; inside the transition's transaction, one query at a time. */
function loadChangeRequest(strapi: Core.Strapi, documentId: string): Promise<ChangeRequestRow | null> {
  return findOneInTurn<ChangeRequestRow>(strapi, CHANGE_REQUEST_UID, { documentId }, { impact: true, project: { tolerances: true, programme: true } });
}

/**
 * Many change requests with what their guards read, by documentId (the first row of each, as
 * `findOne` reads): one query and its populates, however many there are. Only for `evaluateMany`,
 * which lists and "my work" ask outside any transaction (the populates run side by side).
 */
async function loadChangeRequests(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, ChangeRequestRow>> {
  const byId = new Map<string, ChangeRequestRow>();
  if (documentIds.length === 0) return byId;
  const rows = (await strapi.db.query(CHANGE_REQUEST_UID as never).findMany({
    where: { documentId: { $in: [...new Set(documentIds)] } },
    populate: { impact: true, project: { populate: { tolerances: true, programme: true } } },
    orderBy: [{ id: 'asc' }],
  } as never)) as ChangeRequestRow[];
  for (const row of rows) if (!byId.has(row.documentId)) byId.set(row.documentId, row);
  return byId;
}

function misapplied(context: GuardContext) {
  return context.uid === CHANGE_REQUEST_UID ? null : { ok: false, message: 'This check applies only to change requests; ask a PMO administrator to correct the workflow' };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function changeControlGuards(strapi: Core.Strapi): GuardType[] {
  const budget = createProjectBudget(strapi);

  const authorityGuard: GuardType = {
    type: 'authority',
    description: "The change request's authority level (derived from its cost impact) is one of the given levels",
    validate(config) {
      const problems = unknownOptions(config, ['levels']);
      const levels = config.levels;
      if (!Array.isArray(levels) || levels.length === 0 || !levels.every((level) => AUTHORITY_LEVELS.includes(level))) {
        problems.push(`choose who may decide among ${listWords(AUTHORITY_LEVELS.map((level) => AUTHORITY_NAMES[level]), 'and')}`);
      }
      return problems;
    },
    async evaluate(config, context) {
      const early = authorityAtOnce(config, context);
      if (early) return early;
      const level = context.target.authorityLevel as AuthorityLevel;
      const changeRequest = await loadChangeRequest(strapi, context.documentId);
      const facts = changeRequest?.project ? (await budget.authorityFacts(changeRequest.project, toMinor(changeRequest.impact?.cost))).facts : null;
      return authorityRefusal(level, facts);
    },
    /**
     * The same verdicts for many change requests with a fixed number of queries: those whose level
     * answers at once cost nothing; the others' change requests are read in one query (with their
     * projects) and their projects' BAC in one more.
     */
    async evaluateMany(config, contexts) {
      const verdicts = contexts.map((context) => authorityAtOnce(config, context));
      const pending = contexts.filter((_, i) => verdicts[i] === null);
      const changeRequests = await loadChangeRequests(strapi, pending.map((context) => context.documentId));
      const withProject = [...changeRequests.values()].filter((row) => row.project);
      const facts = await budget.authorityFactsMany(withProject.map((row) => ({ project: row.project!, cost: toMinor(row.impact?.cost) })));
      const factsOf = new Map(withProject.map((row, i) => [row.documentId, facts[i].facts]));
      return contexts.map((context, i) => verdicts[i] ?? authorityRefusal(context.target.authorityLevel as AuthorityLevel, factsOf.get(context.documentId) ?? null));
    },
    /** Exactly the change requests whose stored level is one of these (`authorityAtOnce` lets through no other). */
    narrow(config, { uid }) {
      return uid === CHANGE_REQUEST_UID ? { where: { authorityLevel: { $in: config.levels as AuthorityLevel[] } }, exact: true } : null;
    },
  };

  /** The verdict when it needs no query (misapplied, level allowed, or no level yet); null when the project's facts explain it. */
  function authorityAtOnce(config: Record<string, unknown>, context: GuardContext): { ok: boolean; message?: string } | null {
    const wrong = misapplied(context);
    if (wrong) return wrong;
    const levels = config.levels as AuthorityLevel[];
    const level = (context.target.authorityLevel ?? null) as AuthorityLevel | null;
    if (level && levels.includes(level)) return { ok: true };
    if (!level) {
      return { ok: false, message: 'The cost impact is not assessed yet, so no authority level is set: fill in the cost impact (0 if none)' };
    }
    return null;
  }

  /** Who decides instead, and why (the project's facts now), or that the level was set earlier. */
  function authorityRefusal(level: AuthorityLevel, facts: AuthorityFacts | null) {
    let why = '';
    if (facts) why = authorityLevel(facts) === level ? `: ${explainAuthority(facts, currencyOf(strapi))}` : ' (as set when it went for authorisation)';
    return { ok: false, message: `${capitalise(AUTHORITY_NAMES[level])} decides this change${why}` };
  }

  const budgetGuard: GuardType = {
    type: 'budget',
    description: "The project's remaining change budget covers the change's cost impact",
    validate: (config) => unknownOptions(config, []),
    async evaluate(_config, context) {
      return misapplied(context) ?? budgetVerdict(await loadChangeRequest(strapi, context.documentId));
    },
    /** The same verdicts for many change requests: their rows and projects in one query. */
    async evaluateMany(_config, contexts) {
      const changeRequests = await loadChangeRequests(strapi, contexts.filter((context) => !misapplied(context)).map((context) => context.documentId));
      return contexts.map((context) => misapplied(context) ?? budgetVerdict(changeRequests.get(context.documentId) ?? null));
    },
    /** Exactly the change requests `budgetVerdict` lets through, as a subquery (list-sql.ts `coveredByBudget`). */
    narrow(_config, { uid }) {
      return uid === CHANGE_REQUEST_UID ? { where: { id: { $in: changeRequestSql(strapi).coveredByBudget(strapi.db.connection as never) } }, exact: true } : null;
    },
  };

  function budgetVerdict(changeRequest: ChangeRequestRow | null): { ok: boolean; message?: string } {
    const cost = toMinor(changeRequest?.impact?.cost) ?? BigInt(0);
    if (!changeRequest?.project) return cost > BigInt(0) ? { ok: false, message: 'The change request has no project to draw on' } : { ok: true };
    const shortfall = describeShortfall(budget.remainingChangeBudget(changeRequest.project), cost, currencyOf(strapi));
    return shortfall ? { ok: false, message: shortfall } : { ok: true };
  }

  return [authorityGuard, budgetGuard];
}

export function changeControlEffects(strapi: Core.Strapi): EffectType[] {
  const budget = createProjectBudget(strapi);

  const deriveAuthority: EffectType = {
    type: 'deriveAuthority',
    description: "Derive the change request's authority level from its cost impact and the project's tolerance now",
    validate: (config) => unknownOptions(config, []),
    async apply(_config, { documentId }) {
      const changeRequest = await loadChangeRequest(strapi, documentId);
      if (!changeRequest?.project) return;
      const { facts } = await budget.authorityFacts(changeRequest.project, toMinor(changeRequest.impact?.cost));
      await strapi.db.query(CHANGE_REQUEST_UID as never).update({ where: { id: changeRequest.id }, data: { authorityLevel: authorityLevel(facts) } });
    },
  };

  const drawChangeBudget: EffectType = {
    type: 'drawChangeBudget',
    description: "Draw the cost impact from the project's change budget and add a change budget line for it",
    validate: (config) => unknownOptions(config, []),
    async apply(_config, { documentId, now, transition }) {
      const changeRequest = await loadChangeRequest(strapi, documentId);
      const cost = toMinor(changeRequest?.impact?.cost) ?? BigInt(0);
      if (!changeRequest?.project || cost <= BigInt(0)) return;
      const project = changeRequest.project;
      if (!(await budget.drawChangeBudget(project.id, cost))) {
        // Another change drew on the budget since the guard looked: the whole transition rolls back.
        const fresh = await budget.findProject({ id: project.id });
        const message = describeShortfall(fresh ? budget.remainingChangeBudget(fresh) : BigInt(0), cost, currencyOf(strapi)) ?? 'The change budget does not cover this change';
        throw unprocessable(`"${transition.label}" is not possible: ${message}`, { failures: [{ guard: 'budget', message }] });
      }
      await strapi.documents(BUDGET_LINE_UID as never).create({
        data: {
          project: project.documentId,
          period: `${now.slice(0, 7)}-01`,
          category: 'change',
          amount: cost.toString(),
          note: `${changeRequest.reference ?? 'Change'}: ${changeRequest.title}`.slice(0, 500),
        },
      } as never);
    },
  };

  const recordDecision: EffectType = {
    type: 'recordDecision',
    description: 'Record the decision, its date and who decided (the people of the approving admin users)',
    validate(config) {
      const problems = unknownOptions(config, ['decision']);
      if (!CHANGE_DECISIONS.includes(config.decision as never)) problems.push(`choose the decision to record: ${listWords([...CHANGE_DECISIONS], 'or')}`);
      return problems;
    },
    async apply(config, { documentId, now, votes, actor }) {
      const userIds = [...new Set(votes.length ? votes.map((vote) => vote.id) : [actor.id])];
      const users = (await strapi.db.query('admin::user').findMany({ where: { id: { $in: userIds } }, select: ['email'] })) as Array<{ email: string }>;
      const emails = users.map((user) => user.email).filter(Boolean);
      const people = emails.length
        ? ((await strapi.db.query(PERSON_UID as never).findMany({
            where: { $or: emails.map((email) => ({ email: { $eqi: email } })) },
            select: ['id'],
          })) as Array<{ id: number }>)
        : [];
      await strapi.db.query(CHANGE_REQUEST_UID as never).update({
        where: { documentId },
        data: { decision: config.decision, decisionDate: now, decidedBy: people.map((person) => person.id) },
      });
    },
  };

  return [deriveAuthority, drawChangeBudget, recordDecision];
}

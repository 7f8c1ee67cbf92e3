/**
 * Change requests on every Document Service write (Content Manager, Content API, plugin code):
 * a new one belongs to a project and gets the project's next reference in the same transaction;
 * `authorityLevel` is derived from the cost impact on every write; `raisedBy` defaults to the
 * person of the admin user raising it. What the audit relies on cannot be edited afterwards: the
 * reference, the project, the raiser once it left New, and the cost impact once it went for
 * authorisation. A reference, authority level or decision a client sends never gets here:
 * security/protected-fields.ts refuses it first (the checks below back that up).
 */
import type { Core } from '@strapi/strapi';
import { checkMinorUnits, minorUnitsRule } from '../../../shared/money';
import { errors, invalidField } from '../platform/errors';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { authorityLevel, toMinor } from './authority';
import { createProjectBudget, type ProjectRow } from './project-budget';
import { findOneInTurn } from '../platform/read-in-turn';
import { CHANGE_REQUEST_UID, nextReference } from './reference';
import { relationTarget, sameItem, type RelationRef } from '../platform/relation-input';
import { keyWords } from '../../../shared/words';

/** States in which the cost impact may still change: before it goes for authorisation. */
export const COST_EDITABLE_STATES = ['new', 'assess'];

/**
 * The cost impact of `impact` input: null when absent; refused unless whole cents, zero or more,
 * and at most the largest amount PMO Hub accepts (shared/money.ts).
 */
function costOf(impact: unknown): bigint | null {
  if (impact === undefined || impact === null || typeof impact !== 'object') return null;
  const cost = (impact as { cost?: unknown }).cost;
  if (cost === undefined || cost === null || cost === '') return null;
  const checked = checkMinorUnits(cost);
  if (checked.ok && checked.minor >= BigInt(0) && !String(cost).startsWith('-')) return checked.minor;
  if (!checked.ok && checked.problem === 'above') throw invalidField(['impact', 'cost'], `The cost impact ${minorUnitsRule('above')}`);
  throw invalidField(
    ['impact', 'cost'],
    'The cost impact must be zero or more, in whole cents ("123450" for 1,234.50); record savings under the benefits'
  );
}

export function registerChangeRequestMiddleware(strapi: Core.Strapi) {
  const budget = createProjectBudget(strapi);

  async function requireProject(ref: RelationRef | null | undefined) {
    if (!ref) {
      throw invalidField(['project'], 'Choose a project: a change request belongs to one project, which numbers its reference');
    }
    const project = await budget.findProject(ref);
    if (!project) throw invalidField(['project'], 'Choose a project: the one given does not exist (it may have been deleted)');
    return project;
  }

  async function derivedLevel(project: ProjectRow, cost: bigint | null) {
    return authorityLevel((await budget.authorityFacts(project, cost)).facts);
  }

  /** The person of the admin user making the request, matched by email. */
  async function requestingPerson(): Promise<string | null> {
    const user = strapi.requestContext.get()?.state?.user as { email?: string } | undefined;
    if (!user?.email) return null;
    const person = await strapi.db.query(PERSON_UID as never).findOne({ where: { email: { $eqi: user.email } }, select: ['documentId'] });
    return (person as { documentId?: string } | null)?.documentId ?? null;
  }

  /** A new change request (created or cloned): its reference and authority, in one transaction. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function raise(data: Record<string, unknown>, project: ProjectRow, cost: bigint | null, next: () => any): Promise<any> {
    delete data.reference;
    if (data.raisedBy === undefined || data.raisedBy === null) {
      const person = await requestingPerson();
      if (person) data.raisedBy = person;
    }
    return strapi.db.transaction(async ({ trx }) => {
      data.reference = await nextReference(strapi, trx as any, project);
      data.authorityLevel = await derivedLevel(project, cost);
      return next();
    });
  }

  strapi.documents.use(async (context, next) => {
    if (context.uid !== CHANGE_REQUEST_UID) return next();
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };

    if (context.action === 'create') {
      const data = (params.data ??= {});
      const project = await requireProject(relationTarget(data.project));
      return raise(data, project, costOf(data.impact), next);
    }

    if (context.action !== 'update' && context.action !== 'clone') return next();
    if (!params.documentId) return next();
    const stored = await findOneInTurn<Record<string, any>>(strapi, CHANGE_REQUEST_UID, { documentId: params.documentId }, {
      project: true,
      impact: true,
      raisedBy: true,
    });
    if (!stored) return next();
    const data = (params.data ??= {});

    if (context.action === 'clone') {
      const project = await requireProject(relationTarget(data.project) ?? (stored.project ? { id: stored.project.id } : null));
      Object.assign(data, { decision: null, decisionDate: null, decidedBy: [] });
      return raise(data, project, 'impact' in data ? costOf(data.impact) : toMinor(stored.impact?.cost), next);
    }

    if (data.reference !== undefined && data.reference !== null && data.reference !== '' && data.reference !== stored.reference) {
      throw invalidField(['reference'], `The reference stays ${stored.reference}: it is numbered when the change request is raised`);
    }
    delete data.reference;

    const projectRef = relationTarget(data.project);
    if (projectRef !== undefined && !(projectRef && stored.project && sameItem(projectRef, stored.project))) {
      throw invalidField(
        ['project'],
        `The project cannot change: ${stored.reference ?? 'this change request'} was raised on ${stored.project?.code ?? 'its project'}; raise a new change request on the other project`
      );
    }

    const state = stored.workflowState ?? 'new';
    const raisedByRef = relationTarget(data.raisedBy);
    if (raisedByRef !== undefined && state !== 'new') {
      const same = raisedByRef && stored.raisedBy ? sameItem(raisedByRef, stored.raisedBy) : !raisedByRef && !stored.raisedBy;
      if (!same) throw invalidField(['raisedBy'], 'Who raised it can change only while the change request is New (it decides who may not approve it)');
    }

    let cost = toMinor(stored.impact?.cost);
    if ('impact' in data) {
      const next = costOf(data.impact);
      if (next !== cost && !COST_EDITABLE_STATES.includes(state)) {
        throw invalidField(
          ['impact', 'cost'],
          `The cost impact can change only while the change request is New or in Assess (it is ${keyWords(state)}); reject it back to New to re-assess it`
        );
      }
      cost = next;
    }
    const project = stored.project ? await budget.findProject({ id: stored.project.id }) : null;
    data.authorityLevel = project ? await derivedLevel(project, cost) : null;
    return next();
  });
}

/**
 * Compliance assessments (DESIGN.md, "Workflows on any type, publishing and compliance"): record
 * one against the published checklist of a standard, read them, and the facts the `standards`
 * and `documents` guards and the compliance matrix read. Who sees what: `compliance.read` every
 * project; `compliance.read-own` the projects whose manager is the caller (by email).
 */
import type { Core } from '@strapi/strapi';
import {
  COMPLIANCE_ASSESSMENT_UID as ASSESSMENT_UID,
  COMPLIANCE_READ,
  COMPLIANCE_READ_OWN,
  type Assessment,
  type AssessmentList,
  type AssessmentInput,
  type StandardSummary,
} from '../../../shared/contracts/compliance';
import { PERSON_UID, PROJECT_UID, STANDARD_UID } from '../../../shared/contracts/uids';
import { pageOf } from '../../../shared/contracts/common';
import { standardsFor as applyingTo, statesOf } from '../../../shared/standards';
import { errors, forbidden, invalidField, invalidFields } from '../platform/errors';
import { toIsoDay } from '../platform/dates';
import { documentsAs } from '../security/protected-fields';
import { passedOf, resultsFor, scoreOf } from './scoring';

export type Row = Record<string, any>;
type Ability = { can(action: string, subject?: string | null): boolean };
export type Caller = { user: { id: number; email?: string | null }; ability: Ability };

/** Every project, or only those whose manager is one of these people. */
export type Scope = { all: true } | { all: false; managers: number[] };

export const today = () => new Date().toISOString().slice(0, 10);

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];

export function summarise(row: Row): StandardSummary {
  return {
    documentId: row.documentId,
    code: row.code,
    title: row.title,
    version: row.version ?? null,
    mandatory: !!row.mandatory,
    appliesToStates: statesOf(row.appliesToStates),
    requiredDocumentTypes: stringList(row.requiredDocumentTypes),
    checklist: ((row.checklist ?? []) as Row[])
      .filter((criterion) => criterion?.text)
      .map((criterion) => ({ text: String(criterion.text), mustMeet: criterion.mustMeet !== false })),
  };
}

/** "PM-01 Project governance". */
export const standardWords = (standard: { code: string; title: string }) => `${standard.code} ${standard.title}`;

export function createComplianceService(strapi: Core.Strapi) {
  const query = (uid: string) => strapi.db.query(uid as never);
  const assessments = () => documentsAs(strapi, 'compliance', ASSESSMENT_UID);

  /** The published standards, by code, with their checklists. */
  async function publishedStandards(): Promise<StandardSummary[]> {
    const rows = (await strapi.documents(STANDARD_UID as never).findMany({
      status: 'published',
      fields: ['code', 'title', 'version', 'mandatory', 'appliesToStates', 'requiredDocumentTypes'],
      populate: { checklist: true },
      sort: 'code:asc',
    } as never)) as Row[];
    return rows.map(summarise);
  }

  /**
   * The published standards applying to a state (their appliesToStates holds it), by code; with
   * `mandatory`, only the mandatory ones: what the `documents` and `standards` guards judge by.
   */
  async function standardsFor(state: string, options: { mandatory?: boolean } = {}): Promise<StandardSummary[]> {
    return applyingTo(await publishedStandards(), state, options);
  }

  async function scopeOf(caller: Caller): Promise<Scope> {
    if (caller.ability.can(COMPLIANCE_READ)) return { all: true };
    if (!caller.ability.can(COMPLIANCE_READ_OWN)) throw forbidden('You may not see compliance assessments');
    const email = caller.user.email;
    const people = email ? ((await query(PERSON_UID).findMany({ where: { email: { $eqi: email } }, select: ['id'] })) as Row[]) : [];
    return { all: false, managers: people.map((person) => person.id) };
  }

  /** A where clause on projects for a scope. */
  const projectsIn = (scope: Scope): Row => (scope.all ? {} : { manager: { id: { $in: scope.managers.length ? scope.managers : [-1] } } });

  function present(row: Row): Assessment {
    return {
      documentId: row.documentId,
      project: { documentId: row.project?.documentId ?? '', code: row.project?.code ?? '', name: row.project?.name ?? '' },
      standard: { documentId: row.standard?.documentId ?? '', code: row.standard?.code ?? '', title: row.standard?.title ?? '' },
      standardVersion: row.standardVersion ?? null,
      assessor: row.assessor ? { documentId: row.assessor.documentId, fullName: row.assessor.fullName, email: row.assessor.email ?? null } : null,
      assessedOn: toIsoDay(row.assessedOn) ?? '',
      results: Array.isArray(row.results) ? row.results : [],
      score: Number(row.score ?? 0),
      passed: !!row.passed,
    };
  }

  const POPULATE = {
    project: { select: ['documentId', 'code', 'name'] },
    standard: { select: ['documentId', 'code', 'title'] },
    assessor: { select: ['documentId', 'fullName', 'email'] },
  };

  /** Latest first: by the day assessed, then the order recorded. */
  const LATEST_FIRST = [{ assessedOn: 'desc' }, { id: 'desc' }];

  /** One page of the assessments the caller may see, latest first, filtered in SQL. */
  async function list(caller: Caller, filters: { project?: string; standard?: string; page?: number; pageSize?: number }): Promise<AssessmentList> {
    const scope = await scopeOf(caller);
    const where: Row = { project: { ...projectsIn(scope), ...(filters.project ? { documentId: filters.project } : {}) } };
    if (filters.standard) where.standard = { documentId: filters.standard };
    const { page, pageSize, offset, limit } = pageOf(filters);
    const [rows, total] = await Promise.all([
      query(ASSESSMENT_UID).findMany({ where, populate: POPULATE, orderBy: LATEST_FIRST, offset, limit } as never) as Promise<Row[]>,
      query(ASSESSMENT_UID).count({ where } as never),
    ]);
    return { results: rows.map(present), pagination: { page, pageSize, total } };
  }

  async function get(caller: Caller, documentId: string): Promise<Assessment> {
    const scope = await scopeOf(caller);
    const row = (await query(ASSESSMENT_UID).findOne({ where: { documentId }, populate: POPULATE } as never)) as Row | null;
    if (!row) throw new errors.NotFoundError('There is no such compliance assessment (it may have been deleted)');
    if (!scope.all) {
      const project = (await query(PROJECT_UID).findOne({ where: { documentId: row.project?.documentId ?? '', ...projectsIn(scope) }, select: ['id'] })) as Row | null;
      if (!project) throw forbidden('You may see the compliance assessments of the projects you manage only');
    }
    return present(row);
  }

  /** Records an assessment against the standard's published checklist; score and passed are derived here. */
  async function record(caller: Caller, input: AssessmentInput): Promise<Assessment> {
    const problems: Array<{ path: Array<string | number>; message: string }> = [];
    const project = (await query(PROJECT_UID).findOne({ where: { documentId: input.project }, select: ['id', 'documentId'] })) as Row | null;
    if (!project) problems.push({ path: ['project'], message: 'Choose a project: the one given does not exist' });
    const standardRow = (await strapi.documents(STANDARD_UID as never).findOne({
      documentId: input.standard,
      status: 'published',
      populate: { checklist: true },
    } as never)) as Row | null;
    if (!standardRow) problems.push({ path: ['standard'], message: 'Choose a published standard: the one given does not exist or is not published' });
    let assessor: Row | null = null;
    if (input.assessor) {
      assessor = (await query(PERSON_UID).findOne({ where: { documentId: input.assessor }, select: ['id', 'documentId'] })) as Row | null;
      if (!assessor) problems.push({ path: ['assessor'], message: 'Choose the assessor: the person given does not exist' });
    } else if (caller.user.email) {
      assessor = (await query(PERSON_UID).findOne({ where: { email: { $eqi: caller.user.email } }, select: ['id', 'documentId'] })) as Row | null;
    }
    const assessedOn = input.assessedOn ?? today();
    if (assessedOn > today()) problems.push({ path: ['assessedOn'], message: 'The assessment date cannot be in the future' });
    if (problems.length) throw invalidFields(problems);

    const standard = summarise(standardRow!);
    const joined = resultsFor(standard.checklist, input.results);
    if (joined.problems.length) throw invalidFields(joined.problems);
    if (standard.checklist.length === 0) throw invalidField(['standard'], `${standardWords(standard)} has no checklist criteria to assess`);

    const created = (await assessments().create({
      data: {
        project: project!.documentId,
        standard: standard.documentId,
        standardVersion: standard.version,
        assessor: assessor?.documentId ?? null,
        assessedOn,
        results: joined.results,
        score: scoreOf(joined.results),
        passed: passedOf(joined.results),
      },
    } as never)) as Row;
    return get({ ...caller, ability: { can: () => true } }, created.documentId);
  }

  /**
   * The latest assessment of each (project, standard) pair for these projects (by row id), keyed
   * `projectId:standardDocumentId`.
   */
  async function latestAssessments(projectIds: number[]): Promise<Map<string, Row>> {
    const latest = new Map<string, Row>();
    if (!projectIds.length) return latest;
    const rows = (await query(ASSESSMENT_UID).findMany({
      where: { project: { id: { $in: projectIds } } },
      select: ['id', 'documentId', 'standardVersion', 'assessedOn', 'score', 'passed', 'results'],
      populate: { project: { select: ['id'] }, standard: { select: ['documentId'] } },
      orderBy: LATEST_FIRST,
    } as never)) as Row[];
    for (const row of rows) {
      const key = `${row.project?.id}:${row.standard?.documentId}`;
      if (!latest.has(key)) latest.set(key, { ...row, assessedOn: toIsoDay(row.assessedOn) });
    }
    return latest;
  }

  return { publishedStandards, standardsFor, scopeOf, projectsIn, list, get, record, latestAssessments };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
export const getComplianceService = (strapi: Core.Strapi) => strapi.plugin('pmo').service('compliance') as ComplianceService;

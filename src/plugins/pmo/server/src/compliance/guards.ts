/**
 * Compliance's guards (DESIGN.md, the workflow engine and "Workflows on any type, publishing and
 * compliance"), configured by data:
 * `documents` `{ "type": "documents", "documentTypes"?: ["project-brief"] }` each document type
 *             (default: the required document types of the published standards whose
 *             appliesToStates holds the transition's target state) has a document of the project
 *             that is approved and not overdue for review;
 * `standards` `{ "type": "standards", "maxAgeDays"?: 365 }` every published mandatory standard
 *             applying to the target state has, as the project's latest assessment against it, a
 *             passed one no older than maxAgeDays.
 * Each failure names the standard, the criteria not met or the document type, in words.
 */
import type { Core } from '@strapi/strapi';
import { formatDay } from '../../../shared/calendar';
import { DEFAULT_MAX_AGE_DAYS, type ResultRow } from '../../../shared/contracts/compliance';
import { DOCUMENT_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import { keyWords, listWords } from '../../../shared/words';
import { addDays, toIsoDay } from '../platform/dates';
import { stateName, unknownSettings, type GuardContext, type GuardType } from '../workflow';
import { isOverdue, nextReviewDue } from './review-cycle';
import { unmetMustMeet } from './scoring';
import { getComplianceService, standardWords, today, type Row } from './service';

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function misapplied(context: GuardContext) {
  return context.uid === PROJECT_UID ? null : { ok: false, message: 'This check applies only to projects; ask a PMO administrator to correct the workflow' };
}

const quoted = (rows: ResultRow[]) => listWords(rows.map((row) => `"${row.criterion}"`), 'and');

export function complianceGuards(strapi: Core.Strapi): GuardType[] {
  const compliance = () => getComplianceService(strapi);

  const documents: GuardType = {
    type: 'documents',
    description: "The project's required documents are approved and not overdue for review (by default, those the standards for the next state require)",
    validate(config) {
      const problems = unknownSettings(config, ['documentTypes']);
      const types = config.documentTypes;
      if (types !== undefined && !(Array.isArray(types) && types.length > 0 && types.every((type) => typeof type === 'string' && KEY.test(type)))) {
        problems.push('choose at least one document type, or leave the types out to use those the standards require');
      }
      return problems;
    },
    evaluate: (config, context) => documents.evaluateMany!(config, [context]).then(([verdict]) => verdict),
    async evaluateMany(config, contexts) {
      const projects = contexts.filter((context) => !misapplied(context));
      // One transition's guard: the same next state, so the same standards, for every item.
      const target = contexts[0]?.transition.to;
      const requiredBy = new Map<string, string[]>();
      const configured = config.documentTypes as string[] | undefined;
      if (configured) configured.forEach((type) => requiredBy.set(type, []));
      else if (projects.length) {
        for (const standard of await compliance().standardsFor(target)) {
          for (const type of standard.requiredDocumentTypes) requiredBy.set(type, [...(requiredBy.get(type) ?? []), standard.code]);
        }
      }
      const rows = (requiredBy.size && projects.length
        ? await strapi.db.query(DOCUMENT_UID as never).findMany({
            where: { project: { documentId: { $in: projects.map((context) => context.documentId) } }, documentType: { $in: [...requiredBy.keys()] } },
            select: ['title', 'documentType', 'status', 'approvedAt', 'lastReviewedAt', 'reviewCycleDays', 'nextReviewDue'],
            populate: { project: { select: ['documentId'] } },
            orderBy: [{ id: 'asc' }],
          } as never)
        : []) as Row[];
      const day = today();
      return contexts.map((context) => {
        const wrong = misapplied(context);
        if (wrong) return wrong;
        if (requiredBy.size === 0) return { ok: true };
        const failures: string[] = [];
        const own = rows.filter((row) => row.project?.documentId === context.documentId);
        for (const [type, codes] of requiredBy) {
          const by = codes.length ? ` (required by ${listWords(codes, 'and')})` : '';
          const ofType = own.filter((row) => row.documentType === type && row.status !== 'superseded');
          const approved = ofType.filter((row) => row.status === 'approved');
          const due = (row: Row) => toIsoDay(row.nextReviewDue) ?? nextReviewDue(row);
          if (approved.some((row) => !isOverdue(due(row), day, row.status))) continue;
          const name = keyWords(type);
          if (approved.length) {
            const late = approved[0];
            failures.push(`${name}${by}: "${late.title}" was due for review on ${formatDay(due(late))}; review it first`);
          } else if (ofType.length) {
            failures.push(`${name}${by}: "${ofType[0].title}" is ${keyWords(String(ofType[0].status ?? 'draft')).toLowerCase()}, not approved`);
          } else {
            failures.push(`${name}${by}: the project has no such document`);
          }
        }
        if (!failures.length) return { ok: true };
        return { ok: false, message: `Before ${stateName(context.definition, target)}, approved documents are needed: ${failures.join('; ')}` };
      });
    },
  };

  const standards: GuardType = {
    type: 'standards',
    description: 'Every mandatory standard for the next state has a passed compliance assessment of the project, recent enough',
    validate(config) {
      const problems = unknownSettings(config, ['maxAgeDays']);
      const age = config.maxAgeDays;
      if (age !== undefined && !(typeof age === 'number' && Number.isInteger(age) && age >= 1 && age <= 3650)) {
        problems.push('the age of an assessment must be a whole number of days, from 1 to 3650');
      }
      return problems;
    },
    evaluate: (config, context) => standards.evaluateMany!(config, [context]).then(([verdict]) => verdict),
    async evaluateMany(config, contexts) {
      const projects = contexts.filter((context) => !misapplied(context));
      const target = contexts[0]?.transition.to;
      const maxAgeDays = (config.maxAgeDays as number | undefined) ?? DEFAULT_MAX_AGE_DAYS;
      const mandatory = projects.length ? await compliance().standardsFor(target, { mandatory: true }) : [];
      const rows = (mandatory.length
        ? await strapi.db.query(PROJECT_UID as never).findMany({ where: { documentId: { $in: projects.map((context) => context.documentId) } }, select: ['id', 'documentId'] })
        : []) as Row[];
      const idOf = new Map(rows.map((row) => [row.documentId as string, row.id as number]));
      const latest = mandatory.length ? await compliance().latestAssessments([...idOf.values()]) : new Map();
      const oldest = addDays(today(), -maxAgeDays);
      return contexts.map((context) => {
        const wrong = misapplied(context);
        if (wrong) return wrong;
        if (!mandatory.length) return { ok: true };
        const projectId = idOf.get(context.documentId);
        const failures: string[] = [];
        for (const standard of mandatory) {
          const assessment = latest.get(`${projectId}:${standard.documentId}`);
          const name = standardWords(standard);
          if (!assessment) {
            failures.push(`${name} has no compliance assessment for this project`);
          } else if (!assessment.passed) {
            const unmet = unmetMustMeet(Array.isArray(assessment.results) ? assessment.results : []);
            failures.push(
              `${name} was not passed on ${formatDay(assessment.assessedOn)}: must-meet ${unmet.length === 1 ? 'criterion' : 'criteria'} ${quoted(unmet)} not met`
            );
          } else if (assessment.assessedOn < oldest) {
            failures.push(`${name} was last assessed on ${formatDay(assessment.assessedOn)}, more than ${maxAgeDays} days ago; assess it again`);
          }
        }
        if (!failures.length) return { ok: true };
        return { ok: false, message: `Before ${stateName(context.definition, target)}: ${failures.join('; ')}` };
      });
    },
  };

  return [documents, standards];
}

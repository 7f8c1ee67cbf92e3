/**
 * Compliance's contract (DESIGN.md, "Workflows on any type, publishing and compliance"):
 * compliance assessments of a project against a standard's checklist, the compliance matrix of
 * projects × standards and its CSV export. The server validates with these schemas; the admin's
 * compliance page is typed from them.
 */
import { body, contract, documentIdParams, isoDay, noParams, noQuery, oneOf, pagination, pagingQuery, query, queryOnce, reference, says, text, z } from './common';
import { codedRef, personRef } from './refs';

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

export const COMPLIANCE_ASSESSMENT_UID = 'plugin::pmo.compliance-assessment';

/** See the compliance of every project (matrix, assessments, export). */
export const COMPLIANCE_READ = 'plugin::pmo.compliance.read';
/** See the compliance of the projects one manages (a project manager's). */
export const COMPLIANCE_READ_OWN = 'plugin::pmo.compliance.read-own';
/** Record a compliance assessment. */
export const COMPLIANCE_RECORD = 'plugin::pmo.compliance.record';

export const RESULTS = ['met', 'not-met', 'not-applicable'] as const;
export type CriterionResult = (typeof RESULTS)[number];

export const RESULT_WORDS: Record<CriterionResult, string> = { met: 'Met', 'not-met': 'Not met', 'not-applicable': 'Not applicable' };

/** The `standards` guard's default age limit for a passed assessment. */
export const DEFAULT_MAX_AGE_DAYS = 365;

/** The compliance export's columns (DESIGN.md), in order. */
export const COMPLIANCE_CSV_COLUMNS = [
  'project_code',
  'standard_code',
  'standard_version',
  'assessed_on',
  'score',
  'passed',
  'overdue_documents',
] as const;

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

export const criterion = z.object({ text: z.string(), mustMeet: z.boolean() });
export type Criterion = z.infer<typeof criterion>;

/** A published standard as compliance reads it: what the matrix heads and the form answers. */
export const standardSummary = z.object({
  documentId: z.string(),
  code: z.string(),
  title: z.string(),
  version: z.string().nullable(),
  mandatory: z.boolean(),
  appliesToStates: z.array(z.string()),
  requiredDocumentTypes: z.array(z.string()),
  checklist: z.array(criterion),
});
export type StandardSummary = z.infer<typeof standardSummary>;

export const resultRow = z.object({
  criterion: z.string(),
  mustMeet: z.boolean(),
  result: z.enum(RESULTS),
  evidence: z.string().nullable(),
});
export type ResultRow = z.infer<typeof resultRow>;

export const assessment = z.object({
  documentId: z.string(),
  project: codedRef,
  standard: z.object({ documentId: z.string(), code: z.string(), title: z.string() }),
  standardVersion: z.string().nullable(),
  assessor: personRef.nullable(),
  assessedOn: z.string(),
  results: z.array(resultRow),
  /** Met ÷ applicable criteria, as a whole percentage (rounded half up; 100 when none applies). */
  score: z.number(),
  /** Every must-meet criterion is met. */
  passed: z.boolean(),
});
export type Assessment = z.infer<typeof assessment>;

/** GET /pmo/compliance/assessments: one page of them, latest first. */
export const assessmentList = z.object({ results: z.array(assessment), pagination });
export type AssessmentList = z.infer<typeof assessmentList>;

export const matrixCell = z.object({
  standard: z.string(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  assessedOn: z.string().nullable(),
  standardVersion: z.string().nullable(),
  /** The latest assessment, for one click to it (null: never assessed). */
  assessment: z.string().nullable(),
});
export type MatrixCell = z.infer<typeof matrixCell>;

export const matrix = z.object({
  /** The day the answer was worked out for (overdue documents, ages). */
  asOf: z.string(),
  standards: z.array(standardSummary.omit({ checklist: true, appliesToStates: true, requiredDocumentTypes: true })),
  /** One page of the projects, by code (`?page=&pageSize=`). */
  rows: z.array(z.object({ project: codedRef, cells: z.array(matrixCell), overdueDocuments: z.number() })),
  /** The page of projects; `total` counts every project the filters and the caller's scope keep. */
  pagination,
});
export type Matrix = z.infer<typeof matrix>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

/** A portfolio or programme filter, by its code or documentId. */
const filterParam = (param: 'portfolio' | 'programme') =>
  queryOnce(param)
    .refine((value) => value.trim() !== '' && value.length <= 255, { error: () => says([param], `must name a ${param} by its code`, 'query') })
    .transform((value) => value.trim());

export const matrixQuery = query({ portfolio: filterParam('portfolio').optional(), programme: filterParam('programme').optional(), ...pagingQuery });
export type MatrixQuery = z.output<typeof matrixQuery>;

export const exportQuery = query({
  portfolio: filterParam('portfolio').optional(),
  programme: filterParam('programme').optional(),
  delimiter: queryOnce('delimiter')
    .refine((value) => value === ',' || value === ';', { error: (issue) => `The column separator must be "," or ";", not "${String(issue.input).slice(0, 10)}"` })
    .optional(),
  bom: queryOnce('bom')
    .refine((value) => ['0', '1', 'true', 'false'].includes(value), { error: (issue) => `The byte order mark must be 1 (for Excel) or 0, not "${String(issue.input).slice(0, 10)}"` })
    .transform((value) => value === '1' || value === 'true')
    .optional(),
});
export type ExportQuery = z.output<typeof exportQuery>;

export const assessmentsQuery = query({
  project: queryOnce('project').optional(),
  standard: queryOnce('standard').optional(),
  ...pagingQuery,
});

const answer = z.strictObject({
  result: oneOf('result', RESULTS),
  evidence: text('evidence', 2000).nullable().optional(),
});

/** POST /pmo/compliance/assessments: one answer per criterion of the standard's checklist, in its order. */
export const assessmentInput = body({
  project: reference('project', 'project'),
  standard: reference('standard', 'standard'),
  /** Default: the caller's own person (by email). */
  assessor: reference('assessor', 'assessor').optional(),
  /** Default: today. */
  assessedOn: isoDay('assessedOn').optional(),
  results: z.array(answer, { error: 'Answer the criteria of the standard (a list)' }).max(200, { error: 'A standard has at most 200 criteria' }),
});
export type AssessmentInput = z.output<typeof assessmentInput>;

export const complianceRoutes = {
  matrix: contract({ params: noParams, query: matrixQuery }),
  exportCsv: contract({ params: noParams, query: exportQuery }),
  standards: contract({ params: noParams, query: noQuery }),
  list: contract({ params: noParams, query: assessmentsQuery }),
  get: contract({ params: documentIdParams, query: noQuery }),
  record: contract({ params: noParams, query: noQuery, body: assessmentInput }),
};

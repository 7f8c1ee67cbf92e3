/**
 * RAID's contract (DESIGN.md, "RAID, dashboard and reports"): the registers' vocabulary (risk
 * types and responses, issue priorities, decision sources, lesson categories, dependency
 * statuses), the heat map, the late dependencies and the register exports (CSV and XLSX). The
 * server validates with these schemas; the admin and the dashboard are typed from them. Pure.
 */
import { contract, noParams, query, queryOnce, queryWholeNumber, says, z, isIsoDay, dayWords } from './common';
import { codedRef } from './refs';
import { DECISION_UID, DEPENDENCY_UID, ISSUE_UID, LESSON_UID, RISK_UID } from './uids';
import { listWords } from '../words';

export { DECISION_UID, DEPENDENCY_UID, ISSUE_UID, LESSON_UID, RISK_UID };

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

export const RAID_UIDS = [RISK_UID, ISSUE_UID, DECISION_UID, LESSON_UID, DEPENDENCY_UID] as const;

export const RISK_TYPES = ['threat', 'opportunity'] as const;
export type RiskType = (typeof RISK_TYPES)[number];

export const RISK_RESPONSES = ['avoid', 'reduce', 'transfer', 'share', 'accept', 'exploit', 'enhance'] as const;
export type RiskResponse = (typeof RISK_RESPONSES)[number];

/** The responses that fit each type of risk (PRINCE2, PMBOK): share and accept fit both. */
export const RESPONSES_BY_TYPE: Record<RiskType, readonly RiskResponse[]> = {
  threat: ['avoid', 'reduce', 'transfer', 'share', 'accept'],
  opportunity: ['exploit', 'enhance', 'share', 'accept'],
};

export const RISK_STATUSES = ['open', 'closed'] as const;
export const ISSUE_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IssuePriority = (typeof ISSUE_PRIORITIES)[number];
export const ISSUE_STATUSES = ['open', 'resolved', 'closed'] as const;
export const DECISION_SOURCES = ['gate-review', 'change-request', 'meeting', 'other'] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];
export const DEPENDENCY_STATUSES = ['open', 'met', 'late'] as const;

/** A project's risk tolerance when none is recorded (the schema's default). */
export const DEFAULT_RISK_TOLERANCE = 12;

/** The seeded workflows: a project's risk or issue escalated to its programme. */
export const RISK_ESCALATION = 'risk-escalation';
export const ISSUE_ESCALATION = 'issue-escalation';
/** The state of an item escalated to the programme, in both workflows. */
export const ESCALATED_STATE = 'escalated';

/** A score from 1 to 25: probability × impact, each 1 to 5; null while either is missing. */
export function riskScore(probability: unknown, impact: unknown): number | null {
  const p = Number(probability);
  const i = Number(impact);
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;
  return probability !== null && probability !== undefined && impact !== null && impact !== undefined && valid(p) && valid(i) ? p * i : null;
}

/** A score's band on the 5 × 5 grid: low (1–4), medium (5–12, up to the default tolerance), high (15–25). */
export type ScoreBand = 'low' | 'medium' | 'high';
export function scoreBand(score: number): ScoreBand {
  return score <= 4 ? 'low' : score <= DEFAULT_RISK_TOLERANCE ? 'medium' : 'high';
}

/* ---------------------------------------------------------------------------------------------
 * The heat map: GET /pmo/raid/heatmap
 * -------------------------------------------------------------------------------------------*/

export const HEATMAP_SCOPES = ['project', 'programme', 'portfolio'] as const;
export type HeatmapScope = (typeof HEATMAP_SCOPES)[number];

const scopeParam = queryOnce('scope').refine((value): value is HeatmapScope => (HEATMAP_SCOPES as readonly string[]).includes(value), {
  error: (issue) => `The scope must be project, programme or portfolio, not "${String(issue.input).slice(0, 40)}"`,
});

const keyParam = (param: string, noun: string) =>
  queryOnce(param)
    .refine((value) => value.trim() !== '' && value.length <= 255, { error: () => says([param], `must name the ${noun} (by its code)`, 'query') })
    .transform((value) => value.trim());

/** `?scope=project|programme|portfolio&documentId=&residual=0|1`: documentId names the project or programme (its code also); a portfolio without one is every portfolio. */
export const heatmapQuery = query({
  scope: scopeParam,
  documentId: keyParam('documentId', 'project, programme or portfolio').optional(),
  residual: queryOnce('residual')
    .refine((value) => ['0', '1', 'true', 'false'].includes(value), {
      error: (issue) => `Residual must be 1 (the scores after the responses) or 0 (the current scores), not "${String(issue.input).slice(0, 10)}"`,
    })
    .transform((value) => value === '1' || value === 'true')
    .optional(),
}).superRefine((value, ctx) => {
  if (value.scope !== 'portfolio' && value.documentId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['documentId'], message: `Choose the ${value.scope} whose heat map to show`, input: value.documentId });
  }
});
export type HeatmapQuery = z.output<typeof heatmapQuery>;

/** `cells[probability − 1][impact − 1]`: how many open risks sit in each cell. */
export const heatmapAnswer = z.object({ cells: z.array(z.array(z.number())) });
export type HeatmapAnswer = z.infer<typeof heatmapAnswer>;

/* ---------------------------------------------------------------------------------------------
 * Dependencies: GET /pmo/raid/dependencies
 * -------------------------------------------------------------------------------------------*/

const dayParam = (param: string) =>
  queryOnce(param).refine(isIsoDay, { error: (issue) => `${dayWords([param])}, not "${String(issue.input).slice(0, 40)}"` });

/** A project's dependencies both ways (it needs, it is needed by); `late=1` only the late ones as of `asOf` (today). */
export const dependenciesQuery = query({
  project: keyParam('project', 'project'),
  late: queryOnce('late')
    .refine((value) => ['0', '1', 'true', 'false'].includes(value), { error: () => 'Late must be 1 (only late dependencies) or 0 (all of them)' })
    .transform((value) => value === '1' || value === 'true')
    .optional(),
  asOf: dayParam('asOf').optional(),
  page: queryWholeNumber('page', 1, 100000).optional(),
  pageSize: queryWholeNumber('pageSize', 1, 100).optional(),
});
export type DependenciesQuery = z.output<typeof dependenciesQuery>;

/** One dependency as the registers answer it; `late` when open past its need-by date (or marked late). */
export const dependencyItem = z.object({
  uid: z.literal(DEPENDENCY_UID),
  documentId: z.string(),
  title: z.string(),
  description: z.string(),
  needBy: z.string(),
  status: z.enum(DEPENDENCY_STATUSES),
  late: z.boolean(),
  daysLate: z.number(),
  from: codedRef,
  to: codedRef,
});
export type DependencyItem = z.infer<typeof dependencyItem>;

export const dependenciesAnswer = z.object({
  asOf: z.string(),
  project: codedRef,
  /** What the project needs from others. */
  needs: z.array(dependencyItem),
  /** What other projects need from it. */
  neededBy: z.array(dependencyItem),
  pagination: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }),
});
export type DependenciesAnswer = z.infer<typeof dependenciesAnswer>;

/* ---------------------------------------------------------------------------------------------
 * Roll-ups the dashboard reads through the `raid` service (set-based queries)
 * -------------------------------------------------------------------------------------------*/

/** What a roll-up covers: the items of these projects and of these programmes (database ids); neither given: everything. */
export type RaidScope = { projectIds?: number[]; programmeIds?: number[] };

export type TopRisk = {
  uid: typeof RISK_UID;
  documentId: string;
  title: string;
  type: RiskType;
  probability: number;
  impact: number;
  score: number;
  residualScore: number | null;
  project: z.infer<typeof codedRef> | null;
  programme: z.infer<typeof codedRef> | null;
  owner: string | null;
  riskTolerance: number | null;
  aboveTolerance: boolean;
  escalated: boolean;
};

export type OpenIssue = {
  uid: typeof ISSUE_UID;
  documentId: string;
  title: string;
  priority: IssuePriority;
  severity: string;
  raisedOn: string | null;
  targetDate: string | null;
  project: z.infer<typeof codedRef> | null;
  programme: z.infer<typeof codedRef> | null;
  owner: string | null;
  escalated: boolean;
};

export type ProgrammeExposure = {
  programme: z.infer<typeof codedRef>;
  openRisks: number;
  /** The sum of the open risks' scores, and of their residual scores (a risk without a residual assessment counts at its score). */
  totalScore: number;
  totalResidualScore: number;
  aboveTolerance: number;
  escalated: number;
  openIssues: number;
};

/* ---------------------------------------------------------------------------------------------
 * The roll-ups page: GET /pmo/raid/summary
 * -------------------------------------------------------------------------------------------*/

/** How many top risks the summary lists. */
export const SUMMARY_TOP_RISKS = 10;

/** `?scope=project|programme|portfolio&documentId=&residual=0|1`, as the heat map's. */
export const summaryQuery = heatmapQuery;
export type SummaryQuery = HeatmapQuery;

/**
 * The "Risks and issues" page in one answer, within the caller's read rights: the heat map (current
 * or residual), the top risks by score, open issues by priority (null when the caller may not read
 * issues) and the exposure per programme, for a project, a programme, a portfolio or everything
 * (`scope` null).
 */
export type RaidSummaryAnswer = {
  scope: { kind: HeatmapScope; documentId: string; code: string; name: string } | null;
  residual: boolean;
  heatmap: { cells: number[][]; total: number };
  topRisks: TopRisk[];
  issuesByPriority: Record<IssuePriority, number> | null;
  /** Open issues are null when the caller may not read issues. */
  exposure: Array<Omit<ProgrammeExposure, 'openIssues'> & { openIssues: number | null }>;
};

/* ---------------------------------------------------------------------------------------------
 * Exports: GET /pmo/exports/<report>.csv and .xlsx
 * -------------------------------------------------------------------------------------------*/

export const RAID_REPORTS = ['risk-register', 'issue-log', 'decision-log', 'lessons'] as const;
export type RaidReport = (typeof RAID_REPORTS)[number];

export type RaidColumnKind = 'text' | 'integer' | 'date';
export type RaidColumn = { name: string; kind: RaidColumnKind };

const t = (name: string): RaidColumn => ({ name, kind: 'text' });
const n = (name: string): RaidColumn => ({ name, kind: 'integer' });
const d = (name: string): RaidColumn => ({ name, kind: 'date' });

/** The columns of each register export (DESIGN.md), in order. */
export const RAID_REPORT_COLUMNS: Record<RaidReport, RaidColumn[]> = {
  'risk-register': [
    t('project_code'), t('programme_code'), t('title'), t('type'), n('probability'), n('impact'), n('score'), n('residual_score'),
    t('response'), t('owner'), t('status'), d('proximity'),
  ],
  'issue-log': [t('project_code'), t('programme_code'), t('title'), t('priority'), t('severity'), t('owner'), d('raised_on'), d('target_date'), t('status')],
  'decision-log': [d('decided_on'), t('project_code'), t('programme_code'), t('title'), t('decision'), t('decided_by'), t('source')],
  lessons: [d('recorded_on'), t('project_code'), t('title'), t('category'), t('recommendation'), t('tags')],
};

/**
 * The Content-API permission of each register's CSV under /api/pmo/exports (an API token must
 * hold it): `plugin::pmo.raid.riskRegisterCsv`, … (Strapi names them by controller and action).
 */
export const RAID_EXPORT_PERMISSIONS: Record<RaidReport, string> = {
  'risk-register': 'plugin::pmo.raid.riskRegisterCsv',
  'issue-log': 'plugin::pmo.raid.issueLogCsv',
  'decision-log': 'plugin::pmo.raid.decisionLogCsv',
  lessons: 'plugin::pmo.raid.lessonsCsv',
};

/** Each register's content type: the caller must be allowed to read it. */
export const RAID_REPORT_UIDS: Record<RaidReport, string> = {
  'risk-register': RISK_UID,
  'issue-log': ISSUE_UID,
  'decision-log': DECISION_UID,
  lessons: LESSON_UID,
};

const filters = {
  portfolio: keyParam('portfolio', 'portfolio').optional(),
  programme: keyParam('programme', 'programme').optional(),
  project: keyParam('project', 'project').optional(),
};

/** `?portfolio=&programme=&project=&delimiter=&bom=` (codes or documentIds; `,` and no BOM by default). */
export const raidCsvQuery = query({
  ...filters,
  delimiter: queryOnce('delimiter')
    .refine((value): value is ',' | ';' => value === ',' || value === ';', {
      error: (issue) => `The column separator must be "," or ";", not "${String(issue.input).slice(0, 10)}"`,
    })
    .optional(),
  bom: queryOnce('bom')
    .refine((value) => ['0', '1', 'true', 'false'].includes(value), {
      error: (issue) => `The byte order mark must be 1 (for Excel) or 0, not "${String(issue.input).slice(0, 10)}"`,
    })
    .transform((value) => value === '1' || value === 'true')
    .optional(),
});
export type RaidCsvQuery = z.output<typeof raidCsvQuery>;

/** `?portfolio=&programme=&project=` of the XLSX files. */
export const raidXlsxQuery = query(filters);
export type RaidXlsxQuery = z.output<typeof raidXlsxQuery>;

export type RaidExportFilters = { portfolio?: string; programme?: string; project?: string };

/* ---------------------------------------------------------------------------------------------
 * Routes (admin, under /pmo)
 * -------------------------------------------------------------------------------------------*/

export const raidRoutes = {
  /** GET /pmo/raid/heatmap → HeatmapAnswer */
  heatmap: contract({ params: noParams, query: heatmapQuery }),
  /** GET /pmo/raid/summary → RaidSummaryAnswer */
  summary: contract({ params: noParams, query: summaryQuery }),
  /** GET /pmo/raid/dependencies → DependenciesAnswer */
  dependencies: contract({ params: noParams, query: dependenciesQuery }),
  /** GET /pmo/exports/<report>.csv (admin) and /api/pmo/exports/<report>.csv (API token) */
  exportCsv: contract({ params: noParams, query: raidCsvQuery }),
  /** GET /pmo/exports/<report>.xlsx */
  exportXlsx: contract({ params: noParams, query: raidXlsxQuery }),
};

/** The refusal of a response that does not fit the risk's type, in words; null when it fits. */
export function responseMismatch(type: RiskType, response: RiskResponse): string | null {
  if (RESPONSES_BY_TYPE[type].includes(response)) return null;
  const article = (noun: RiskType) => (noun === 'opportunity' ? 'an opportunity' : 'a threat');
  const other: RiskType = type === 'threat' ? 'opportunity' : 'threat';
  const name = response.charAt(0).toUpperCase() + response.slice(1);
  return `"${name}" is a response to ${article(other)}, not to ${article(type)}; for ${article(type)} choose ${listWords([...RESPONSES_BY_TYPE[type]], 'or')}`;
}

/**
 * Milestones and the roadmap (DESIGN.md, "People and planning"; docs/people.md): the milestone
 * type's UIDs and rules in words, schedule variance and lateness (pure), and the routes' inputs
 * and answers: the slip trend of a project, the roadmap of a programme and `milestones.csv`.
 * Pure: no Strapi import; the admin imports it too.
 */
import { contract, noParams, query, queryDay, queryOnce, says, z } from './common';
import { codedRef } from './refs';

export const MILESTONE_UID = 'api::milestone.milestone';
/** Each milestone's forecast as it was set, day by day: the slip trend reads it (hidden, kept by PMO Hub). */
export const MILESTONE_FORECAST_UID = 'plugin::pmo.milestone-forecast';

/** The Content-API permission of `GET /api/pmo/exports/milestones.csv` (controller `milestones`, action `download`). */
export const MILESTONES_DOWNLOAD = 'plugin::pmo.milestones.download';

/** The workflow effect the project lifecycle's gate 3 runs: milestone baselines frozen. */
export const BASELINE_MILESTONES_EFFECT = 'baselineMilestones';

/** The most months a slip trend covers (ten years). */
export const MAX_TREND_MONTHS = 120;

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;

/**
 * Schedule variance in calendar days: (actual, else forecast) − baseline; positive is late.
 * Null without a baseline or without either of the other two.
 */
export function varianceDays(baseline: string | null, forecast: string | null, actual: string | null): number | null {
  const achieved = actual ?? forecast;
  if (!baseline || !achieved) return null;
  return Math.round(dayNumber(achieved) - dayNumber(baseline));
}

/** Why a milestone is late: its forecast (or actual) is past its baseline, or it is not achieved and its forecast has passed. */
export type LateReason = 'slipped' | 'overdue';

/** The ways a milestone is late on `today`, none when it is on track. */
export function lateReasons(milestone: { baselineDate: string | null; forecastDate: string | null; actualDate: string | null }, today: string): LateReason[] {
  const reasons: LateReason[] = [];
  const variance = varianceDays(milestone.baselineDate, milestone.forecastDate, milestone.actualDate);
  if (variance !== null && variance > 0) reasons.push('slipped');
  if (!milestone.actualDate && milestone.forecastDate && milestone.forecastDate < today) reasons.push('overdue');
  return reasons;
}

/** `milestones.csv` (DESIGN.md), in order; dates are `YYYY-MM-DD`, variance_days a plain number. */
export const MILESTONE_COLUMNS = [
  { name: 'project_code', kind: 'text' },
  { name: 'milestone', kind: 'text' },
  { name: 'baseline', kind: 'text' },
  { name: 'forecast', kind: 'text' },
  { name: 'actual', kind: 'text' },
  { name: 'variance_days', kind: 'number' },
] as const;

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

export const milestoneRow = z.object({
  documentId: z.string(),
  name: z.string(),
  baselineDate: z.string().nullable(),
  forecastDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  varianceDays: z.number().nullable(),
});
export type MilestoneRow = z.infer<typeof milestoneRow>;

/** One milestone's forecast as it stood at each month's end (null: not forecast yet). */
export const trendMilestone = milestoneRow.extend({ forecasts: z.array(z.object({ month: z.string(), forecast: z.string().nullable() })) });
export type TrendMilestone = z.infer<typeof trendMilestone>;

/** `GET /pmo/milestones/slip-trend?project=`: months (`YYYY-MM`) and each milestone's forecast at their ends. */
export const slipTrend = z.object({
  project: codedRef,
  asOf: z.string(),
  baselinedOn: z.string().nullable(),
  months: z.array(z.string()),
  milestones: z.array(trendMilestone),
});
export type SlipTrend = z.infer<typeof slipTrend>;

export const roadmapMilestone = milestoneRow.extend({ late: z.boolean(), lateReasons: z.array(z.enum(['slipped', 'overdue'])) });
export type RoadmapMilestone = z.infer<typeof roadmapMilestone>;

export const roadmapProject = codedRef.extend({
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  state: z.string().nullable(),
  /** How often it reports its status (`weekly`, `fortnightly`, `monthly`). */
  reportingCadence: z.string(),
  /** The latest status report's asOf (else the project's start) plus one reporting period; null with neither. */
  nextReportDue: z.string().nullable(),
  /** A milestone of the project is late. */
  late: z.boolean(),
  milestones: z.array(roadmapMilestone),
});
export type RoadmapProject = z.infer<typeof roadmapProject>;

/** `GET /pmo/roadmap?programme=`: the programme's projects and milestones on one timeline from `from` to `to`. */
export const roadmap = z.object({
  programme: codedRef,
  today: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  projects: z.array(roadmapProject),
});
export type Roadmap = z.infer<typeof roadmap>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

const keyParam = (param: string, noun: string) =>
  queryOnce(param)
    .refine((value) => value.trim() !== '' && value.length <= 255, { error: () => says([param], `must name the ${noun} (by its code)`, 'query') })
    .transform((value) => value.trim());

const delimiter = queryOnce('delimiter')
  .refine((value): value is ',' | ';' => value === ',' || value === ';', {
    error: (issue) => `The column separator must be "," or ";", not "${String(issue.input).slice(0, 10)}"`,
  })
  .optional();

const bom = queryOnce('bom')
  .refine((value) => ['0', '1', 'true', 'false'].includes(value), {
    error: (issue) => `The byte order mark must be 1 (for Excel) or 0, not "${String(issue.input).slice(0, 10)}"`,
  })
  .transform((value) => value === '1' || value === 'true')
  .optional();

/** `?project=<code or documentId>&asOf=YYYY-MM-DD` (asOf: today by default). */
export const slipTrendQuery = query({ project: keyParam('project', 'project'), asOf: queryDay('asOf').optional() });
export type SlipTrendQuery = z.output<typeof slipTrendQuery>;

/** `?programme=<code or documentId>&today=YYYY-MM-DD` (today: the server's, unless given to look from another day). */
export const roadmapQuery = query({ programme: keyParam('programme', 'programme'), today: queryDay('today').optional() });
export type RoadmapQuery = z.output<typeof roadmapQuery>;

/** `?programme=&project=&delimiter=&bom=` of milestones.csv. */
export const milestonesCsvQuery = query({
  programme: keyParam('programme', 'programme').optional(),
  project: keyParam('project', 'project').optional(),
  delimiter,
  bom,
});
export type MilestonesCsvQuery = z.output<typeof milestonesCsvQuery>;

export const milestoneRoutes = {
  /** GET /pmo/milestones/slip-trend → SlipTrend */
  slipTrend: contract({ params: noParams, query: slipTrendQuery }),
  /** GET /pmo/roadmap → Roadmap */
  roadmap: contract({ params: noParams, query: roadmapQuery }),
  /** GET /pmo/exports/milestones.csv and /api/pmo/exports/milestones.csv */
  exportCsv: contract({ params: noParams, query: milestonesCsvQuery }),
};

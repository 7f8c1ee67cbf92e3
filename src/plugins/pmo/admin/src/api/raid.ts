/**
 * The registers' routes for the "Risks and issues" page (server/src/raid/), typed by the shared
 * contract (shared/contracts/raid.ts): the summary of a scope, the register exports' paths, and
 * the Content Manager lists each figure clicks through to.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

import {
  ISSUE_PRIORITIES,
  RAID_REPORTS,
  type HeatmapScope,
  type IssuePriority,
  type RaidReport,
  type RaidSummaryAnswer,
  type TopRisk,
} from '../../../shared/contracts/raid';
import { ISSUE_UID, RISK_UID } from '../../../shared/contracts/uids';
import { call, type PmoApiError } from './client';
import { contentItem, contentList } from './dashboard';

export { ISSUE_PRIORITIES, RAID_REPORTS };
export type { IssuePriority, RaidReport, RaidSummaryAnswer, TopRisk };

/** The page's scope as its URL holds it: a portfolio, a programme of it, a project of that; none is everything. */
export type RaidFilters = { portfolio?: string; programme?: string; project?: string };

/** The narrowest filter chosen, as the summary route's scope; null when none is (every register item). */
export function scopeOf(filters: RaidFilters): { scope: HeatmapScope; documentId: string } | null {
  for (const scope of ['project', 'programme', 'portfolio'] as const) {
    if (filters[scope]) return { scope, documentId: filters[scope]! };
  }
  return null;
}

export function useRaidSummary(filters: RaidFilters, residual: boolean) {
  const { get } = useFetchClient();
  const chosen = scopeOf(filters);
  const params: Record<string, string> = chosen ? { scope: chosen.scope, documentId: chosen.documentId } : { scope: 'portfolio' };
  if (residual) params.residual = '1';
  return useQuery<RaidSummaryAnswer, PmoApiError>(
    ['pmo', 'raid', 'summary', params],
    () => call(() => get<RaidSummaryAnswer>('/pmo/raid/summary', { params })),
    { retry: false, keepPreviousData: true }
  );
}

/** A register export's admin path for the scope: `/pmo/exports/risk-register.csv?programme=…`. */
export function raidExportPath(report: RaidReport, format: 'csv' | 'xlsx', filters: RaidFilters) {
  const chosen = scopeOf(filters);
  const query = chosen ? `?${new URLSearchParams({ [chosen.scope]: chosen.documentId }).toString()}` : '';
  return `/pmo/exports/${report}.${format}${query}`;
}

/* ---------------------------------------------------------------------------------------------
 * Where each figure leads: the register in the Content Manager, filtered as the figure counts
 * -------------------------------------------------------------------------------------------*/

const eq = (documentId: string) => ({ documentId: { $eq: documentId } });

/** Register items held in the scope: a project's; a programme's own and its projects'; a portfolio's programmes' and their projects'. */
function heldIn(filters: RaidFilters): Array<Record<string, unknown>> {
  const chosen = scopeOf(filters);
  if (!chosen) return [];
  if (chosen.scope === 'project') return [{ project: eq(chosen.documentId) }];
  if (chosen.scope === 'programme') return [{ $or: [{ project: { programme: eq(chosen.documentId) } }, { programme: eq(chosen.documentId) }] }];
  return [{ $or: [{ project: { programme: { portfolio: eq(chosen.documentId) } } }, { programme: { portfolio: eq(chosen.documentId) } }] }];
}

const OPEN = { status: { $eq: 'open' } };

export const raidLinks = {
  /** The open risks of a heat-map cell; residually, those assessed there, or unassessed and there now. */
  cell: (filters: RaidFilters, residual: boolean, probability: number, impact: number) => {
    const now = [{ probability: { $eq: probability } }, { impact: { $eq: impact } }];
    const place = residual
      ? [
          {
            $or: [
              { $and: [{ residualProbability: { $eq: probability } }, { residualImpact: { $eq: impact } }] },
              { $and: [...now, { $or: [{ residualProbability: { $null: true } }, { residualImpact: { $null: true } }] }] },
            ],
          },
        ]
      : now;
    return contentList(RISK_UID, [...place, OPEN, ...heldIn(filters)]);
  },
  /** Every open risk of the scope. */
  openRisks: (filters: RaidFilters) => contentList(RISK_UID, [OPEN, ...heldIn(filters)]),
  risk: (documentId: string) => contentItem(RISK_UID, documentId),
  /** The open issues of a priority in the scope. */
  issues: (filters: RaidFilters, priority: IssuePriority) => contentList(ISSUE_UID, [{ priority: { $eq: priority } }, OPEN, ...heldIn(filters)]),
  /** A programme's open risks or issues (its own and its projects'). */
  programmeRisks: (programme: string) => contentList(RISK_UID, [OPEN, ...heldIn({ programme })]),
  programmeIssues: (programme: string) => contentList(ISSUE_UID, [OPEN, ...heldIn({ programme })]),
};

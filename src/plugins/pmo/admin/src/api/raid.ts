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
import { registerList, type Flat } from '../utils/contentLinks';
import { contentItem } from './dashboard';

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

/**
 * Register items held in the scope, as alternatives: a project's; a programme's own and its
 * projects'; a portfolio's through its programmes (those the summary found holding open items:
 * a deeper path would not survive the admin's URL parsing).
 */
function heldIn(filters: RaidFilters, programmes: string[]): Flat[] {
  const chosen = scopeOf(filters);
  if (!chosen) return [{}];
  if (chosen.scope === 'project') return [{ project: { documentId: chosen.documentId } }];
  const ids = chosen.scope === 'programme' ? [chosen.documentId] : programmes;
  if (!ids.length) return [{ id: { $null: true } }];
  return ids.flatMap((documentId) => [{ project: { programme: { documentId } } }, { programme: { documentId } }]);
}

const OPEN = [{ status: 'open' }];

export const raidLinks = (filters: RaidFilters, answer: RaidSummaryAnswer) => {
  const programmes = answer.exposure.map((row) => row.programme.documentId);
  const scope = heldIn(filters, programmes);
  return {
    /** The open risks of a heat-map cell; after the responses, those assessed there, or not assessed and there now. */
    cell: (residual: boolean, probability: number, impact: number) => {
      const now = { probability, impact };
      const place = residual
        ? [
            { residualProbability: probability, residualImpact: impact },
            { ...now, residualProbability: { $null: true } },
            { ...now, residualImpact: { $null: true } },
          ]
        : [now];
      return registerList(RISK_UID, [place, OPEN, scope]);
    },
    /** Every open risk of the scope. */
    openRisks: () => registerList(RISK_UID, [OPEN, scope]),
    risk: (documentId: string) => contentItem(RISK_UID, documentId),
    /** The open issues of a priority in the scope. */
    issues: (priority: IssuePriority) => registerList(ISSUE_UID, [[{ priority }], OPEN, scope]),
    /** A programme's open risks or issues (its own and its projects'). */
    programmeRisks: (programme: string) => registerList(RISK_UID, [OPEN, heldIn({ programme }, [])]),
    programmeIssues: (programme: string) => registerList(ISSUE_UID, [OPEN, heldIn({ programme }, [])]),
  };
};

export type RaidLinks = ReturnType<typeof raidLinks>;

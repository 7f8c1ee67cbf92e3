/**
 * Typed client for the milestone routes (/pmo/roadmap, /pmo/milestones/slip-trend), over Strapi's
 * fetch client, typed by the shared contract (shared/contracts/milestones.ts). Programmes come
 * from the Content Manager (every PMO role reads them).
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

import type { Roadmap, RoadmapMilestone, RoadmapProject, SlipTrend, TrendMilestone } from '../../../shared/contracts/milestones';
import { PmoApiError, call } from './client';

export type { Roadmap, RoadmapMilestone, RoadmapProject, SlipTrend, TrendMilestone };

export function useRoadmap(programme: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<Roadmap, PmoApiError>(
    ['pmo', 'roadmap', programme ?? ''],
    () => call(() => get<Roadmap>('/pmo/roadmap', { params: { programme } })),
    { enabled: Boolean(programme), retry: false, keepPreviousData: true }
  );
}

export function useSlipTrend(project: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<SlipTrend, PmoApiError>(
    ['pmo', 'slip-trend', project ?? ''],
    () => call(() => get<SlipTrend>('/pmo/milestones/slip-trend', { params: { project } })),
    { enabled: Boolean(project), retry: false }
  );
}


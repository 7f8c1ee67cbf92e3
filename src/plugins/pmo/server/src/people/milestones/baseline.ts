/**
 * The workflow effect `baselineMilestones` (`{ "type": "baselineMilestones" }`), which the seeded
 * project lifecycle runs at gate 3 (investment decision), the moment its budget must be baselined:
 * every milestone of the project without a baseline takes its forecast as its baseline, the
 * variance is derived again, and the project records the day (`milestonesBaselinedOn`), after
 * which baselines are read-only (rules.ts). It runs inside the transition's transaction and
 * writes through the query layer, one row at a time (no overlapping queries in a PostgreSQL
 * transaction). Passing gate 3 again (a lifecycle that allows it) keeps the first day.
 */
import type { Core } from '@strapi/strapi';
import { BASELINE_MILESTONES_EFFECT, MILESTONE_UID, varianceDays } from '../../../../shared/contracts/milestones';
import { PROJECT_UID } from '../../../../shared/contracts/uids';
import { toIsoDay } from '../../platform/dates';
import { unknownSettings, type EffectType } from '../../workflow';

type Row = Record<string, any>;

/** Freezes the project's milestone baselines on `day`: empty ones from the forecast. Answers how many were set. */
export async function baselineProjectMilestones(strapi: Core.Strapi, projectDocumentId: string, day: string): Promise<number> {
  const project = (await strapi.db.query(PROJECT_UID as never).findOne({
    where: { documentId: projectDocumentId },
    select: ['id', 'milestonesBaselinedOn'],
  } as never)) as Row | null;
  if (!project) return 0;
  if (!project.milestonesBaselinedOn) {
    await strapi.db.query(PROJECT_UID as never).update({ where: { id: project.id }, data: { milestonesBaselinedOn: day } } as never);
  }
  const rows = (await strapi.db.query(MILESTONE_UID as never).findMany({
    where: { baselineDate: { $null: true }, project: { id: project.id } },
    select: ['id', 'forecastDate', 'actualDate'],
  } as never)) as Row[];
  let set = 0;
  for (const row of rows) {
    const forecast = toIsoDay(row.forecastDate) ?? null;
    if (!forecast) continue;
    const variance = varianceDays(forecast, forecast, toIsoDay(row.actualDate) ?? null);
    await strapi.db.query(MILESTONE_UID as never).update({ where: { id: row.id }, data: { baselineDate: forecast, varianceDays: variance } } as never);
    set += 1;
  }
  return set;
}

export function baselineMilestonesEffect(strapi: Core.Strapi): EffectType {
  return {
    type: BASELINE_MILESTONES_EFFECT,
    description: "Baseline the project's milestones: each empty baseline takes the forecast, and baselines are read-only from then on",
    validate(config) {
      return unknownSettings(config, []);
    },
    async apply(_config, { uid, documentId, now }) {
      if (uid !== PROJECT_UID) throw new Error(`${BASELINE_MILESTONES_EFFECT} applies to projects, not ${uid}`);
      await baselineProjectMilestones(strapi, documentId, now.slice(0, 10));
    },
  };
}

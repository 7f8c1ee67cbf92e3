/**
 * Milestones on every Document Service write (Content Manager, Content API, plugin code):
 *
 * - a milestone belongs to a project (400 naming `project` otherwise);
 * - `varianceDays` is derived on every write: (actual, else forecast) − baseline in calendar days
 *   (protected: a client's value is refused before this runs, security/protected-fields.ts);
 * - the baseline is the project's to change until the project passes gate 3 (its
 *   `milestonesBaselinedOn`, set by the `baselineMilestones` effect, baseline.ts). After that a
 *   change of `baselineDate` is a 400 naming it; a milestone added later, or one that had no
 *   forecast at gate 3, takes its first forecast as its baseline;
 * - each forecast, as it is set, is recorded with the day (`plugin::pmo.milestone-forecast`, in
 *   the write's transaction): the slip trend reads them. Deleting a milestone deletes them.
 *
 * Stored values are read one query after another (platform/read-in-turn.ts): a write may come
 * inside a caller's transaction.
 */
import type { Core } from '@strapi/strapi';
import { MILESTONE_FORECAST_UID, MILESTONE_UID, varianceDays } from '../../../../shared/contracts/milestones';
import { PROJECT_UID } from '../../../../shared/contracts/uids';
import { formatDay } from '../../../../shared/calendar';
import { toIsoDay, todayIso } from '../../platform/dates';
import { invalidField } from '../../platform/errors';
import { findOneInTurn } from '../../platform/read-in-turn';
import { relationTarget, type RelationRef } from '../../platform/relation-input';

type Row = Record<string, any>;

const WRITES = new Set(['create', 'update', 'clone']);

/** The project after the write: what the input sets, else what is stored (null: none). */
function projectAfter(data: Row, stored: Row | null): RelationRef | null {
  const given = relationTarget(data.project);
  if (given !== undefined) return given;
  return stored?.project ? { id: stored.project.id, documentId: stored.project.documentId } : null;
}

/** A date field after the write, `YYYY-MM-DD` or null. */
const dateAfter = (data: Row, stored: Row | null, field: string): string | null => toIsoDay(field in data ? data[field] : stored?.[field]) ?? null;

/** Records a milestone's forecast as set today (its slip trend's history). */
export async function recordForecast(strapi: Core.Strapi, milestoneDocumentId: string, forecast: string | null, day = todayIso()) {
  await strapi.db.query(MILESTONE_FORECAST_UID as never).create({ data: { milestoneDocumentId, forecastDate: forecast, recordedOn: day } } as never);
}

export function registerMilestoneRules(strapi: Core.Strapi) {
  /** When the project's milestone baselines were frozen (gate 3), or null; a 400 when there is no such project. */
  async function baselinedOn(ref: RelationRef): Promise<string | null> {
    const where = ref.id !== undefined ? { id: ref.id } : { documentId: ref.documentId };
    const project = (await strapi.db.query(PROJECT_UID as never).findOne({ where, select: ['id', 'milestonesBaselinedOn'] } as never)) as Row | null;
    if (!project) throw invalidField(['project'], 'Choose the project the milestone belongs to (that project no longer exists)');
    return toIsoDay(project.milestonesBaselinedOn) ?? null;
  }

  async function derive(data: Row, stored: Row | null) {
    const project = projectAfter(data, stored);
    if (!project) throw invalidField(['project'], 'Choose the project the milestone belongs to');
    const frozenOn = await baselinedOn(project);
    const forecast = dateAfter(data, stored, 'forecastDate');
    if (frozenOn) {
      const storedBaseline = toIsoDay(stored?.baselineDate) ?? null;
      const given = 'baselineDate' in data ? toIsoDay(data.baselineDate) ?? null : storedBaseline;
      if (storedBaseline !== null && given !== storedBaseline) {
        throw invalidField(
          ['baselineDate'],
          `"Baseline date" was frozen when the project passed gate 3 on ${formatDay(frozenOn)}; it cannot be changed (move the forecast instead)`
        );
      }
      if (storedBaseline === null) {
        if (given !== null && given !== forecast) {
          throw invalidField(
            ['baselineDate'],
            `"Baseline date" was frozen when the project passed gate 3 on ${formatDay(frozenOn)}; a milestone added since takes its forecast as its baseline`
          );
        }
        data.baselineDate = forecast;
      }
    }
    data.varianceDays = varianceDays(dateAfter(data, stored, 'baselineDate'), forecast, dateAfter(data, stored, 'actualDate'));
    return { forecast, changed: stored === null || forecast !== (toIsoDay(stored.forecastDate) ?? null) };
  }

  strapi.documents.use(async (context, next) => {
    if (context.uid !== MILESTONE_UID) return next();
    const params = context.params as { data?: Row; documentId?: string };
    if (context.action === 'delete' && params.documentId) {
      const result = await next();
      await strapi.db.query(MILESTONE_FORECAST_UID as never).deleteMany({ where: { milestoneDocumentId: params.documentId } } as never);
      return result;
    }
    if (!WRITES.has(context.action)) return next();
    const data = (params.data ??= {});
    const stored =
      context.action !== 'create' && params.documentId
        ? await findOneInTurn<Row>(strapi, MILESTONE_UID, { documentId: params.documentId }, { project: true })
        : null;
    const derived = await derive(data, stored);
    const forecast = derived.forecast;
    // A clone is a new milestone: its forecast starts its own history.
    const changed = derived.changed || context.action === 'clone';
    const result = await next();
    const documentId = ((result as Row | null)?.documentId as string | undefined) ?? params.documentId;
    if (changed && documentId && (forecast !== null || stored !== null)) await recordForecast(strapi, documentId, forecast);
    return result;
  });
}

/**
 * The over-allocation rule (DESIGN.md, `PMO_ALLOCATION_LIMIT`; docs/people.md): saving an
 * allocation, on any path (Content Manager, Content API, Document Service), that takes its person
 * above their available capacity in any month the allocation covers is
 * - `warn` (the default): saved; the answer carries `warnings`, one sentence per month
 *   ("Ann Smith would be booked at 160 % in Mar 2027");
 * - `strict`: refused with a 422 naming the months, and nothing is saved.
 *
 * "Booked" here counts every allocation not declined, the one saved included, as if every request
 * were approved: the point is to warn before the leader approves. The check runs after the write,
 * in the write's transaction (so it sees the stored dates, percent and person whatever form the
 * input took), and a strict refusal rolls the write back. The limit is read from the plugin's
 * configuration at each save, so a test (or an administrator's script) switches it without a restart.
 */
import type { Core } from '@strapi/strapi';
import { ALLOCATION_UID, DECLINED_STATE, overCapacityWords, percentWords, type AllocationLimit } from '../../../../shared/contracts/capacity';
import { formatMonth } from '../../../../shared/calendar';
import { toIsoDay, todayIso } from '../../platform/dates';
import { unprocessable } from '../../platform/errors';
import { findOneInTurn } from '../../platform/read-in-turn';
import { monthOf, monthsOfSpan } from './months';
import type { CapacityService } from './service';

/** Where the warnings of the request's saves wait for the answer (koa `ctx.state`). */
export const WARNINGS_STATE = 'pmoAllocationWarnings';

/** `plugin::pmo.allocationLimit` (config/plugins.ts, from PMO_ALLOCATION_LIMIT), read at each save. */
export const allocationLimit = (strapi: Core.Strapi): AllocationLimit => (strapi.config.get('plugin::pmo.allocationLimit') === 'strict' ? 'strict' : 'warn');

type Row = Record<string, any>;

/** The warnings for the allocation as stored now; none when it is declined or has no person. */
export async function allocationWarnings(strapi: Core.Strapi, capacity: () => CapacityService, documentId: string) {
  const allocation = await findOneInTurn<Row>(strapi, ALLOCATION_UID, { documentId }, { person: true });
  if (!allocation?.person || allocation.workflowState === DECLINED_STATE) return { fullName: '', available: 100, over: [] };
  const span = { startDate: toIsoDay(allocation.startDate), endDate: toIsoDay(allocation.endDate) };
  const months = monthsOfSpan(span, monthOf(todayIso()));
  return capacity().monthsOver(allocation.person.id, months);
}

/** The sentence of a strict refusal: every month over, in words. */
export function refusalWords(fullName: string, over: Array<{ month: string; percent: number }>, available: number) {
  const months = over.map((entry) => `${percentWords(entry.percent)} in ${formatMonth(entry.month)}`).join(', ');
  return `${fullName} would be booked over their available ${percentWords(available)}: ${months}. Lower the percent, shorten the dates or free time elsewhere first`;
}

export function registerAllocationLimit(strapi: Core.Strapi, capacity: () => CapacityService) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ALLOCATION_UID || !['create', 'update', 'clone'].includes(context.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const { fullName, available, over } = await allocationWarnings(strapi, capacity, documentId);
      if (!over.length) return result;
      if (allocationLimit(strapi) === 'strict') {
        throw unprocessable(refusalWords(fullName, over, available), {
          months: over.map((entry) => ({ month: entry.month, booked: entry.percent, available })),
        });
      }
      const ctx = strapi.requestContext.get() as { state?: Record<string, unknown> } | undefined;
      if (ctx?.state) {
        const warnings = (ctx.state[WARNINGS_STATE] as string[] | undefined) ?? [];
        ctx.state[WARNINGS_STATE] = [...warnings, ...over.map((entry) => overCapacityWords(fullName, entry.percent, entry.month, available))];
      }
      return result;
    });
  });

  // The answer of a request whose saves warned carries `warnings` beside its data.
  strapi.server.use(async (ctx, next) => {
    await next();
    const warnings = ctx.state?.[WARNINGS_STATE] as string[] | undefined;
    if (!warnings?.length || ctx.status >= 300) return;
    const body = ctx.body as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function') {
      ctx.body = { ...(body as Record<string, unknown>), warnings };
    }
  });
}

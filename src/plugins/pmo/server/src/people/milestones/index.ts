/**
 * Milestones, baselines, slip trend and the programme roadmap: a part of the people capability
 * (DESIGN.md, "People and planning"; docs/people.md).
 *
 * - `api::milestone.milestone` (src/api/milestone): its rules on every write (rules.ts: a project,
 *   the derived `varianceDays`, the baseline frozen at gate 3, each forecast recorded);
 * - the effect `baselineMilestones` (baseline.ts), run by the seeded project lifecycle at gate 3;
 * - `GET /pmo/milestones/slip-trend?project=`, `GET /pmo/roadmap?programme=` and
 *   `GET /pmo/exports/milestones.csv` (also `/api/pmo/exports/milestones.csv` for API tokens with
 *   the Content-API permission `plugin::pmo.milestones.download`). The admin routes need the
 *   Content Manager's read right on milestones (every PMO role has it).
 */
import type { Capability, RouteDefinition } from '../../capability';
import { MILESTONES_DOWNLOAD, MILESTONE_UID, milestoneRoutes as input } from '../../../../shared/contracts/milestones';
import { CONTENT_MANAGER } from '../../../../shared/contracts/uids';
import type { ContentAction, PmoRoleKey } from '../../roles/definitions';
import { forbidden } from '../../platform/errors';
import { getService } from '../../services';
import { baselineMilestonesEffect } from './baseline';
import { milestoneExportsController, planningController } from './controller';
import milestoneForecast from './content-types/milestone-forecast.json';
import { registerMilestoneRules } from './rules';

type Ability = { can(action: string, subject?: string): boolean };

/** Route policy: the caller reads milestones in the Content Manager. */
function mayReadMilestones(policyContext: { state: { userAbility?: Ability } }) {
  const ability = policyContext.state.userAbility;
  if (!ability || !ability.can(CONTENT_MANAGER.read, MILESTONE_UID)) throw forbidden('You may not read milestones');
  return true;
}

const reads = { policies: ['admin::isAuthenticatedAdmin', 'plugin::pmo.may-read-milestones'] };

const EDIT: ContentAction[] = ['read', 'create', 'update', 'delete'];
const READ: ContentAction[] = ['read'];

/**
 * Who keeps milestones: the PMO's leadership and administrator in full; a project manager
 * records and moves them (as status reports: on every project, the model has no per-project
 * conditions); analysts, the change board and finance read them.
 */
const MILESTONE_RIGHTS: Record<PmoRoleKey, ContentAction[]> = {
  'pmo-director': EDIT,
  'pmo-manager': EDIT,
  'pmo-administrator': EDIT,
  'project-manager': ['read', 'create', 'update'],
  'pmo-analyst': READ,
  'change-board': READ,
  finance: READ,
};

// Matched before finance's `/exports/:report.csv` (capabilities.ts lists people before finance).
const routes: RouteDefinition[] = [
  { method: 'GET', path: '/milestones/slip-trend', handler: 'planning.slipTrend', input: input.slipTrend, config: reads },
  { method: 'GET', path: '/roadmap', handler: 'planning.roadmap', input: input.roadmap, config: reads },
  { method: 'GET', path: '/exports/milestones.csv', handler: 'milestones.download', input: input.exportCsv, config: reads },
];

export const milestonesPart: Partial<Capability> = {
  contentTypes: { 'milestone-forecast': { schema: milestoneForecast } },
  controllers: { planning: planningController, milestones: milestoneExportsController },
  policies: { 'may-read-milestones': mayReadMilestones as never },
  adminRoutes: routes,
  contentApiRoutes: [
    { method: 'GET', path: '/exports/milestones.csv', handler: 'milestones.download', input: input.exportCsv, config: { auth: { scope: [MILESTONES_DOWNLOAD] } } },
  ],
  contentGrants: Object.fromEntries(Object.entries(MILESTONE_RIGHTS).map(([role, rights]) => [role, { [MILESTONE_UID]: rights }])),
  register(strapi) {
    getService(strapi, 'catalogue').registerEffect(baselineMilestonesEffect(strapi));
    registerMilestoneRules(strapi);
  },
};

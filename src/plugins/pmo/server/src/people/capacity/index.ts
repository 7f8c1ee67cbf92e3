/**
 * Capacity, allocation approval and certifications: a part of the people capability
 * (DESIGN.md, "People and planning"; docs/people.md).
 *
 * - `GET /pmo/capacity`: people × months with booked (approved), tentative (requested), free and
 *   over, filtered by department, programme, role and name, a page of people at a time;
 * - `GET /pmo/capacity/people/:documentId`: a person's allocations (with their approval state;
 *   `?month=` narrows to a heat-map cell) and certifications;
 * - `capacity.csv` under `/pmo/exports/` (admin) and `/api/pmo/exports/` (API token with the
 *   Content-API permission `capacity.download`);
 * - the seeded `allocation-approval` workflow (requested → approved | declined, by the person's
 *   department's leader), the over-allocation rule on every save (limit.ts), and certification
 *   reminders (certifications.ts).
 */
import type { Core } from '@strapi/strapi';
import type { Capability, RouteDefinition } from '../../capability';
import { requirePermissions } from '../../capability';
import { ALLOCATION_UID, CAPACITY_READ, capacityRoutes as input } from '../../../../shared/contracts/capacity';
import { CONTENT_MANAGER } from '../../../../shared/contracts/uids';
import { forbidden } from '../../platform/errors';
import type { WorkflowDefinition } from '../../../../shared/contracts/workflow';
import { registerReminderSource } from '../../platform/notices';
import { seedWorkflow } from '../../workflow';
import allocationApproval from './allocation-approval.json';
import { certificationReminders } from './certifications';
import { capacityController, capacityService } from './controller';
import { registerAllocationLimit } from './limit';
import { createCapacityService } from './service';

const read = requirePermissions(CAPACITY_READ);

/** Route policy: the caller reads allocations in the Content Manager (whoever edits them sees their warnings). */
function mayReadAllocations(policyContext: { state: { userAbility?: { can(action: string, subject: string): boolean } } }) {
  if (!policyContext.state.userAbility?.can(CONTENT_MANAGER.read, ALLOCATION_UID)) throw forbidden('You may not read allocations');
  return true;
}

// Before finance's `/exports/:report.csv` (capabilities.ts lists people before finance).
const adminRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/capacity', handler: 'capacity.capacity', input: input.capacity, config: read },
  { method: 'GET', path: '/capacity/people/:documentId', handler: 'capacity.person', input: input.person, config: read },
  {
    method: 'GET',
    path: '/capacity/allocations/:documentId/warnings',
    handler: 'capacity.allocationWarnings',
    input: input.allocationWarnings,
    config: { policies: ['admin::isAuthenticatedAdmin', 'plugin::pmo.may-read-allocations'] },
  },
  { method: 'GET', path: '/exports/capacity.csv', handler: 'capacity.exportCsv', input: input.exportCsv, config: read },
];

export const capacityPart: Partial<Capability> = {
  services: { capacity: ({ strapi }: { strapi: Core.Strapi }) => createCapacityService(strapi) },
  controllers: { capacity: capacityController },
  policies: { 'may-read-allocations': mayReadAllocations as never },
  adminRoutes,
  // The API token's permission is the handler's own action, `plugin::pmo.capacity.download`.
  contentApiRoutes: [{ method: 'GET', path: '/exports/capacity.csv', handler: 'capacity.download', input: input.exportCsv }],
  actions: [
    { section: 'plugins', displayName: "Read people's capacity and allocations", uid: 'capacity.read', subCategory: 'people', pluginName: 'pmo' },
  ],
  // Who plans people's time across the organisation: the PMO's leadership and analysts, and
  // project managers staffing their projects. Finance, the change board and PMO administrators do not.
  grants: {
    'pmo-director': [CAPACITY_READ],
    'pmo-manager': [CAPACITY_READ],
    'pmo-analyst': [CAPACITY_READ],
    'project-manager': [CAPACITY_READ],
  },
  register(strapi) {
    registerAllocationLimit(strapi, () => capacityService(strapi));
    registerReminderSource(certificationReminders);
  },
  async bootstrap(strapi) {
    await seedWorkflow(strapi, allocationApproval as WorkflowDefinition);
  },
};

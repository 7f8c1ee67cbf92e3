/**
 * Governance (DESIGN.md, Governance): gate reviews and their conditions (content types here),
 * the project lifecycle's gate guards and the effect that schedules the next review (guards.ts,
 * seeded lifecycle in project-lifecycle.json), and the governance board. Gate reviews are
 * changed only through these routes (hidden from the Content Manager), which apply the rules.
 */
import { requirePermissions, type Capability } from '../capability';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { getService } from '../services';
import { seedWorkflow, upgradeSeededWorkflow } from '../workflow';
import gateCondition from './content-types/gate-condition.json';
import gateReview from './content-types/gate-review.json';
import { GOVERNANCE_MANAGE, GOVERNANCE_READ, governanceRoutes as input } from '../../../shared/contracts/governance';
import controller from './controller';
import { registerReminderSource, registerWorkSource } from '../platform/notices';
import { governanceEffects, governanceGuards } from './guards';
import { governanceReminderSources, governanceWork } from './reminders';
import projectLifecycle from './project-lifecycle.json';
import { createGovernanceService } from './service';

const read = requirePermissions(GOVERNANCE_READ);
const manage = requirePermissions(GOVERNANCE_MANAGE);

/** Whether a gate of a stored lifecycle has a guard of the type. */
const gateGuards = (definition: WorkflowDefinition, gate: string, type: string) =>
  !!definition.transitions.find((transition) => transition.key === gate)?.guards?.some((guard) => guard.type === type);
/** Whether gate 2 checks the standards (the compliance guards' seed). */
const withComplianceGuards = (definition: WorkflowDefinition) => gateGuards(definition, 'gate-2', 'standards');
/** Whether gate 5 asks for a lesson learned (RAID's `lessons` guard). */
const withLessonsGuard = (definition: WorkflowDefinition) => gateGuards(definition, 'gate-5', 'lessons');
/** Whether gate 3 baselines the milestones (the people capability's `baselineMilestones` effect). */
const withMilestoneBaseline = (definition: WorkflowDefinition) =>
  !!definition.transitions.find((transition) => transition.key === 'gate-3')?.effects?.some((effect) => effect.type === 'baselineMilestones');

export const governance: Capability = {
  name: 'governance',
  contentTypes: {
    'gate-review': { schema: gateReview },
    'gate-condition': { schema: gateCondition },
  },
  services: { governance: ({ strapi }) => createGovernanceService(strapi) },
  controllers: { governance: controller },
  adminRoutes: [
    { method: 'GET', path: '/governance/board', handler: 'governance.board', input: input.board, config: read },
    { method: 'GET', path: '/governance/projects/:documentId', handler: 'governance.project', input: input.project, config: read },
    { method: 'GET', path: '/gate-reviews', handler: 'governance.list', input: input.list, config: read },
    { method: 'GET', path: '/gate-reviews/:documentId', handler: 'governance.get', input: input.get, config: read },
    { method: 'POST', path: '/gate-reviews', handler: 'governance.schedule', input: input.schedule, config: manage },
    { method: 'PUT', path: '/gate-reviews/:documentId', handler: 'governance.update', input: input.update, config: manage },
    // The condition's owner may mark it done without governance.manage (checked in the service).
    { method: 'PUT', path: '/gate-conditions/:documentId', handler: 'governance.updateCondition', input: input.updateCondition, config: read },
  ],
  actions: [
    {
      section: 'plugins',
      displayName: 'See the governance board, gate reviews and conditions',
      uid: 'governance.read',
      subCategory: 'governance',
      pluginName: 'pmo',
    },
    {
      section: 'plugins',
      displayName: 'Schedule and hold gate reviews, track their conditions',
      uid: 'governance.manage',
      subCategory: 'governance',
      pluginName: 'pmo',
    },
  ],
  grants: {
    'pmo-director': [GOVERNANCE_READ, GOVERNANCE_MANAGE],
    'pmo-manager': [GOVERNANCE_READ, GOVERNANCE_MANAGE],
    'pmo-analyst': [GOVERNANCE_READ],
    'pmo-administrator': [GOVERNANCE_READ],
    'project-manager': [GOVERNANCE_READ],
    'change-board': [GOVERNANCE_READ],
    finance: [GOVERNANCE_READ],
  },
  register(strapi) {
    const catalogue = getService(strapi, 'catalogue');
    governanceGuards(strapi).forEach((guard) => catalogue.registerGuard(guard));
    governanceEffects(strapi).forEach((effect) => catalogue.registerEffect(effect));
    governanceReminderSources.forEach(registerReminderSource);
    registerWorkSource(governanceWork);
  },
  async bootstrap(strapi) {
    const lifecycle = projectLifecycle as WorkflowDefinition;
    if (!(await seedWorkflow(strapi, lifecycle))) {
      // A lifecycle seeded before the compliance guards, the lessons guard or the milestone
      // baseline at gate 3, and never edited since (its version still the one PMO Hub's seed or
      // upgrade saved), gets the current seed as its next version. An administrator's edits are kept.
      const outdated = (stored: WorkflowDefinition) => !withComplianceGuards(stored) || !withLessonsGuard(stored) || !withMilestoneBaseline(stored);
      for (const version of [1, 2, 3]) if (await upgradeSeededWorkflow(strapi, lifecycle, version, outdated)) break;
    }
  },
};

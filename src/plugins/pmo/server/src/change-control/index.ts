/**
 * Change control (DESIGN.md, Change control): change requests follow the `change-control`
 * workflow (ITIL states, seeded from change-control.json); each gets a per-project reference
 * `CR-<project code>-001` and a derived PRINCE2 authority level (document-middleware.ts); the
 * authorize transitions are routed by that level (guard `authority`), draw on the project's
 * change budget (guard `budget`, effect `drawChangeBudget`) and record the decision and the
 * deciders (effect `recordDecision`), and in the project's decision log (RAID's effect `logDecision`).
 */
import { requirePermissions, type Capability } from '../capability';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { CHANGE_CONTROL_RAISE, CHANGE_CONTROL_READ, changeControlRoutes as input } from '../../../shared/contracts/change-control';
import { getService } from '../services';
import { seedWorkflow, upgradeSeededWorkflow } from '../workflow';
import changeControlWorkflow from './change-control.json';
import controller from './controller';
import { registerChangeRequestMiddleware } from './document-middleware';
import { changeControlEffects, changeControlGuards } from './guards';
import { configuredChangeAuthorityLimit } from './project-budget';
import { ensureCounterTable } from './reference';
import { createChangeControlService } from './service';

const read = requirePermissions(CHANGE_CONTROL_READ);

/** Whether a stored change-control workflow records its decisions in the decision log (RAID's `logDecision` effect). */
const logsDecisions = (definition: WorkflowDefinition) =>
  definition.transitions.some((transition) => transition.effects?.some((effect) => effect.type === 'logDecision'));
const raise = requirePermissions(CHANGE_CONTROL_RAISE);

export const changeControl: Capability = {
  name: 'change-control',
  services: { changeControl: ({ strapi }) => createChangeControlService(strapi) },
  controllers: { changeControl: controller },
  adminRoutes: [
    { method: 'GET', path: '/change-requests', handler: 'changeControl.list', input: input.list, config: read },
    { method: 'GET', path: '/change-requests/:documentId', handler: 'changeControl.get', input: input.get, config: read },
    { method: 'POST', path: '/change-requests', handler: 'changeControl.raise', input: input.raise, config: raise },
  ],
  actions: [
    {
      section: 'plugins',
      displayName: 'Read change requests with their authority and change budget',
      uid: 'change-control.read',
      subCategory: 'change control',
      pluginName: 'pmo',
    },
    {
      section: 'plugins',
      displayName: 'Raise change requests (as the person with your email)',
      uid: 'change-control.raise',
      subCategory: 'change control',
      pluginName: 'pmo',
    },
  ],
  grants: {
    'pmo-director': [CHANGE_CONTROL_READ],
    // Raising: the roles that may create change requests in the Content Manager.
    'pmo-manager': [CHANGE_CONTROL_READ, CHANGE_CONTROL_RAISE],
    'pmo-analyst': [CHANGE_CONTROL_READ, CHANGE_CONTROL_RAISE],
    'project-manager': [CHANGE_CONTROL_READ, CHANGE_CONTROL_RAISE],
    'change-board': [CHANGE_CONTROL_READ],
    finance: [CHANGE_CONTROL_READ],
  },
  register(strapi) {
    const catalogue = getService(strapi, 'catalogue');
    changeControlGuards(strapi).forEach((guard) => catalogue.registerGuard(guard));
    changeControlEffects(strapi).forEach((effect) => catalogue.registerEffect(effect));
    registerChangeRequestMiddleware(strapi);
  },
  async bootstrap(strapi) {
    const workflow = changeControlWorkflow as WorkflowDefinition;
    if (!(await seedWorkflow(strapi, workflow))) {
      // Seeded before decisions went to the decision log (version 1, never edited): the current seed as version 2.
      await upgradeSeededWorkflow(strapi, workflow, 1, (stored) => !logsDecisions(stored));
    }
    configuredChangeAuthorityLimit(strapi); // a malformed limit stops the start with a clear message
    await ensureCounterTable(strapi);
  },
};

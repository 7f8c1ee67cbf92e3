/** Admin routes: mounted under /pmo, admin JWT, each with its policy and its contract. */
import { workflowRoutes as input } from '../../../shared/contracts/workflow';
import { workflowTryRoutes as tryInput } from '../../../shared/contracts/workflow-try';
import { capabilityAdminRoutes, capabilityContentApiRoutes } from '../capabilities';
import { mountRoute, requirePermissions, type RouteDefinition } from '../capability';
import { actions } from '../permissions';

const read = requirePermissions(actions.workflowsRead);
const configure = requirePermissions(actions.workflowsConfigure);
/** "Try it" judges for other people: for those who may read and configure workflows (PMO administrators). */
const tryOut = requirePermissions(actions.workflowsRead, actions.workflowsConfigure);

const coreRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/settings', handler: 'settings.find', input: input.settings, config: requirePermissions(actions.settingsRead) },

  // workflow engine
  { method: 'GET', path: '/workflows', handler: 'workflow.list', input: input.list, config: read },
  { method: 'POST', path: '/workflows/validate', handler: 'workflow.validate', input: input.validate, config: configure },
  { method: 'GET', path: '/workflows/:key', handler: 'workflow.get', input: input.get, config: read },
  { method: 'POST', path: '/workflows', handler: 'workflow.create', input: input.create, config: configure },
  { method: 'PUT', path: '/workflows/:key', handler: 'workflow.update', input: input.update, config: configure },
  { method: 'GET', path: '/workflow-instances', handler: 'workflow.instance', input: input.instance, config: read },
  { method: 'POST', path: '/transitions', handler: 'workflow.fire', input: input.fire, config: requirePermissions(actions.transitionsFire) },
  { method: 'GET', path: '/workflow-roles', handler: 'workflow.roles', input: tryInput.roles, config: read },
  { method: 'GET', path: '/workflows/:key/try/users', handler: 'workflow.tryUsers', input: tryInput.users, config: tryOut },
  { method: 'GET', path: '/workflows/:key/try/items', handler: 'workflow.tryItems', input: tryInput.items, config: tryOut },
  { method: 'POST', path: '/workflows/:key/try', handler: 'workflow.try', input: tryInput.try, config: tryOut },
  { method: 'GET', path: '/history', handler: 'workflow.history', input: input.history, config: read },
];

const admin = {
  type: 'admin',
  routes: [...coreRoutes.map(mountRoute), ...capabilityAdminRoutes()],
};

/** Content API routes: mounted under /api/pmo, for API tokens with the matching permission. */
const contentApi = {
  type: 'content-api',
  routes: capabilityContentApiRoutes(),
};

export default { admin, 'content-api': contentApi };

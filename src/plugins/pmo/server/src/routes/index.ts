/** Admin routes: mounted under /pmo, admin JWT, each with its policy. */
import { capabilityAdminRoutes, capabilityContentApiRoutes } from '../capabilities';
import { actions } from '../permissions';

const can = (...required: string[]) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions: required } }],
});

const admin = {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/settings', handler: 'settings.find', config: can(actions.settingsRead) },

    // workflow engine
    { method: 'GET', path: '/workflows', handler: 'workflow.list', config: can(actions.workflowsRead) },
    { method: 'POST', path: '/workflows/validate', handler: 'workflow.validate', config: can(actions.workflowsConfigure) },
    { method: 'GET', path: '/workflows/:key', handler: 'workflow.get', config: can(actions.workflowsRead) },
    { method: 'POST', path: '/workflows', handler: 'workflow.create', config: can(actions.workflowsConfigure) },
    { method: 'PUT', path: '/workflows/:key', handler: 'workflow.update', config: can(actions.workflowsConfigure) },
    { method: 'GET', path: '/workflow-instances', handler: 'workflow.instance', config: can(actions.workflowsRead) },
    { method: 'POST', path: '/transitions', handler: 'workflow.fire', config: can(actions.transitionsFire) },
    { method: 'GET', path: '/history', handler: 'workflow.history', config: can(actions.workflowsRead) },

    ...capabilityAdminRoutes(),
  ],
};

/** Content API routes: mounted under /api/pmo, for API tokens with the matching permission. */
const contentApi = {
  type: 'content-api',
  routes: capabilityContentApiRoutes(),
};

export default { admin, 'content-api': contentApi };

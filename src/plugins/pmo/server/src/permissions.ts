/**
 * The plugin's own RBAC actions (the core's and the workflow engine's), registered with Strapi's
 * action provider at bootstrap; each capability registers its own. The names are the contract's
 * (shared/contracts/workflow.ts); the PMO roles (roles/definitions.ts) grant them.
 */
import {
  PMO_ACCESS,
  SETTINGS_READ,
  TRANSITIONS_FIRE,
  WORKFLOWS_CONFIGURE,
  WORKFLOWS_READ,
} from '../../shared/contracts/workflow';

export const PLUGIN_ID = 'pmo';

export const actions = {
  access: PMO_ACCESS,
  settingsRead: SETTINGS_READ,
  workflowsRead: WORKFLOWS_READ,
  workflowsConfigure: WORKFLOWS_CONFIGURE,
  transitionsFire: TRANSITIONS_FIRE,
} as const;

export type PmoAction = (typeof actions)[keyof typeof actions];

export const actionDefinitions = [
  {
    section: 'plugins',
    displayName: 'Access PMO Hub',
    uid: 'access',
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Read settings',
    uid: 'settings.read',
    subCategory: 'settings',
    pluginName: PLUGIN_ID,
  },
  { section: 'plugins', displayName: 'Read workflows and history', uid: 'workflows.read', subCategory: 'workflows', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Configure workflows', uid: 'workflows.configure', subCategory: 'workflows', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Fire transitions', uid: 'transitions.fire', subCategory: 'workflows', pluginName: PLUGIN_ID },
];

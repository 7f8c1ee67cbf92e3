/**
 * The plugin's RBAC actions, registered with Strapi's action provider at bootstrap.
 * Each capability adds its own here; the PMO roles (roles/definitions.ts) grant them.
 */
export const PLUGIN_ID = 'pmo';

export const actions = {
  /** See PMO Hub's pages in the admin panel. */
  access: 'plugin::pmo.access',
  /** Read PMO Hub settings (currency and the like). */
  settingsRead: 'plugin::pmo.settings.read',
  /** See workflow definitions, where items stand, and their history. */
  workflowsRead: 'plugin::pmo.workflows.read',
  /** Create and change workflow definitions (PMO administrators). */
  workflowsConfigure: 'plugin::pmo.workflows.configure',
  /** Fire transitions (the definition's actor rules still decide who may fire which). */
  transitionsFire: 'plugin::pmo.transitions.fire',
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

import type { StrapiApp } from '@strapi/strapi/admin';

import { Initializer } from './components/Initializer';
import { formatListColumns, INJECT_COLUMN_IN_TABLE } from './content-manager/listColumns';
import { addStateFilter, INJECT_LIST_VIEW_FILTERS } from './content-manager/stateFilter';
import { enumerationMessages } from './content-manager/vocabulary';
import { MoneyIcon } from './components/MoneyIcon';
import { PluginIcon } from './components/PluginIcon';
import { DocumentReviewPanel } from './pages/documents/DocumentReviewPanel';
import { AllocationCapacityPanel } from './pages/people/AllocationCapacityPanel';
import { WorkflowPanel } from './pages/workflow/panel/WorkflowPanel';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';
import { registerWidgets } from './widgets';
import { PMO_ACCESS, WORKFLOWS_READ } from '../../shared/contracts/workflow';
import { NOTIFICATIONS_ADMINISTER, OUTBOX_READ } from '../../shared/contracts/notifications';
import { registerChangeControlWorkflowForms } from './pages/change-requests/workflowForms';
import { registerGovernanceWorkflowForms } from './pages/governance/workflowForms';
import { registerComplianceWorkflowForms } from './pages/compliance/workflowForms';
import { registerRaidWorkflowForms } from './pages/raid/workflowForms';
import { registerMilestoneWorkflowForms } from './pages/milestones/workflowForms';

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    // Each capability's guard and effect forms for the workflow editor, as the server registers the types.
    registerGovernanceWorkflowForms();
    registerChangeControlWorkflowForms();
    registerComplianceWorkflowForms();
    registerRaidWorkflowForms();
    registerMilestoneWorkflowForms();

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'PMO Hub' },
      Component: () => import('./pages/App'),
      permissions: [{ action: PMO_ACCESS, subject: null }],
    });

    app.customFields.register({
      name: 'money',
      pluginId: PLUGIN_ID,
      type: 'biginteger',
      intlLabel: { id: getTranslation('money.label'), defaultMessage: 'Money' },
      intlDescription: {
        id: getTranslation('money.description'),
        defaultMessage: 'An exact amount in the organisation currency, stored as cents',
      },
      icon: MoneyIcon,
      components: {
        Input: async () =>
          import('./components/MoneyInput').then((module) => ({
            default: module.MoneyInput as unknown as React.ComponentType,
          })),
      },
    });

    // A standard's lifecycle states and document types: JSON lists of keys, picked by name.
    app.customFields.register([
      {
        name: 'lifecycle-states',
        pluginId: PLUGIN_ID,
        type: 'json',
        intlLabel: { id: getTranslation('choices.states.label'), defaultMessage: 'Lifecycle states' },
        intlDescription: {
          id: getTranslation('choices.states.description'),
          defaultMessage: 'States of the project lifecycle, picked by name',
        },
        components: {
          Input: async () =>
            import('./content-manager/ChoicesInput').then((module) => ({
              default: module.LifecycleStatesInput as unknown as React.ComponentType,
            })),
        },
      },
      {
        name: 'document-types',
        pluginId: PLUGIN_ID,
        type: 'json',
        intlLabel: { id: getTranslation('choices.documentTypes.label'), defaultMessage: 'Document types' },
        intlDescription: {
          id: getTranslation('choices.documentTypes.description'),
          defaultMessage: 'Types of document, picked by name',
        },
        components: {
          Input: async () =>
            import('./content-manager/ChoicesInput').then((module) => ({
              default: module.DocumentTypesInput as unknown as React.ComponentType,
            })),
        },
      },
    ]);

    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: getTranslation('settings.section'), defaultMessage: 'PMO Hub' } },
      [
        {
          id: 'pmo-workflows',
          intlLabel: { id: getTranslation('settings.workflows'), defaultMessage: 'Workflows' },
          // Relative to /settings: the pages live under /admin/settings/pmo/workflows.
          to: `${PLUGIN_ID}/workflows`,
          Component: () => import('./pages/workflow/WorkflowSettings'),
          permissions: [{ action: WORKFLOWS_READ, subject: null }],
        },
        {
          id: 'pmo-outbox',
          intlLabel: { id: getTranslation('settings.outbox'), defaultMessage: 'Outbox' },
          to: `${PLUGIN_ID}/outbox`,
          Component: () => import('./pages/notifications/OutboxSettings'),
          permissions: [{ action: OUTBOX_READ, subject: null }],
        },
        {
          id: 'pmo-notifications',
          intlLabel: { id: getTranslation('settings.notifications'), defaultMessage: 'Notifications' },
          to: `${PLUGIN_ID}/notifications`,
          Component: () => import('./pages/notifications/NotificationSettings'),
          permissions: [{ action: NOTIFICATIONS_ADMINISTER, subject: null }],
        },
      ]
    );

    registerWidgets(app);

    app.registerPlugin({
      id: PLUGIN_ID,
      initializer: Initializer,
      isReady: false,
      name: PLUGIN_ID,
    });
  },

  bootstrap(app) {
    // The workflow side panel in the Content Manager's edit view, as Review Workflows adds its own.
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis?: { addEditViewSidePanel?: (panels: unknown[]) => void };
    };
    contentManager?.apis?.addEditViewSidePanel?.([WorkflowPanel, DocumentReviewPanel, AllocationCapacityPanel]);
    // List cells in the PMO's words and formats: badges for RAG and states, money, days, overdue reviews.
    app.registerHook(INJECT_COLUMN_IN_TABLE, formatListColumns);
    // The workflow state filter picks a state by its name, as Review Workflows' stage filter does.
    app.registerHook(INJECT_LIST_VIEW_FILTERS, addStateFilter);
  },

  async registerTrads({ locales }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as {
            default: Record<string, string>;
          };
          const translated = Object.fromEntries(
            Object.entries(data).map(([key, value]) => [getTranslation(key), value])
          );
          // Enumeration values by their own id: Strapi's edit view labels select options with them.
          return { data: locale === 'en' ? { ...enumerationMessages(), ...translated } : translated, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

export default plugin;

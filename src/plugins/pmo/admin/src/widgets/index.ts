/**
 * PMO Hub's widgets on Strapi's home page (/admin), registered with Strapi's widget API. Each
 * states the permission it needs, so a role without it never sees the widget. "My work" lists
 * what waits for the signed-in person; the dashboard's widgets ("Portfolio health") join here.
 */
import { ChartPie, Clock } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';
import { PMO_ACCESS } from '../../../shared/contracts/workflow';

type WidgetArgs = Parameters<StrapiApp['widgets']['register']>[0] extends infer A
  ? Extract<A, { id: string }>
  : never;

export const PMO_WIDGETS: WidgetArgs[] = [
  {
    id: 'pmo-hub',
    pluginId: PLUGIN_ID,
    icon: ChartPie,
    title: { id: getTranslation('widget.hub.title'), defaultMessage: 'PMO Hub' },
    link: { label: { id: getTranslation('widget.hub.link'), defaultMessage: 'Open PMO Hub' }, href: `/plugins/${PLUGIN_ID}` },
    component: async () => (await import('./PmoHubWidget')).PmoHubWidget,
    permissions: [{ action: PMO_ACCESS }],
  },
  {
    id: 'pmo-my-work',
    pluginId: PLUGIN_ID,
    icon: Clock,
    title: { id: getTranslation('widget.myWork.title'), defaultMessage: 'My work' },
    link: { label: { id: getTranslation('widget.myWork.link'), defaultMessage: 'Open My work' }, href: `/plugins/${PLUGIN_ID}/my-work` },
    component: async () => (await import('./MyWorkWidget')).MyWorkWidget,
    permissions: [{ action: PMO_ACCESS }],
  },
];

/** PMO Hub's widgets first, before Strapi's own, whichever registers after. */
export function registerWidgets(app: Pick<StrapiApp, 'widgets'>) {
  app.widgets.register((widgets) => [...PMO_WIDGETS, ...widgets.filter((widget) => widget.pluginId !== PLUGIN_ID)]);
}

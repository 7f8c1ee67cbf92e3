/**
 * PMO Hub's widgets on Strapi's home page (/admin), registered with Strapi's widget API. Each
 * states the permissions it needs (all of them), so a role without them never sees the widget.
 * "My work" lists what waits for the signed-in person; "Portfolio health" and "Upcoming gate
 * reviews" come from the dashboard (GET /pmo/dashboard), which each section's rights narrow.
 */
import { Calendar, ChartPie, Clock, Heart } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';
import { PMO_ACCESS } from '../../../shared/contracts/workflow';
import { DASHBOARD_READ } from '../../../shared/contracts/dashboard';
import { GOVERNANCE_READ } from '../../../shared/contracts/governance';

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
  {
    id: 'pmo-portfolio-health',
    pluginId: PLUGIN_ID,
    icon: Heart,
    title: { id: getTranslation('widget.health.title'), defaultMessage: 'Portfolio health' },
    link: { label: { id: getTranslation('widget.health.link'), defaultMessage: 'Open the dashboard' }, href: `/plugins/${PLUGIN_ID}/dashboard` },
    component: async () => (await import('./DashboardWidgets')).PortfolioHealthWidget,
    permissions: [{ action: PMO_ACCESS }, { action: DASHBOARD_READ }],
  },
  {
    id: 'pmo-upcoming-reviews',
    pluginId: PLUGIN_ID,
    icon: Calendar,
    title: { id: getTranslation('widget.reviews.title'), defaultMessage: 'Upcoming gate reviews' },
    link: { label: { id: getTranslation('widget.reviews.link'), defaultMessage: 'Open the governance board' }, href: `/plugins/${PLUGIN_ID}/governance` },
    component: async () => (await import('./DashboardWidgets')).UpcomingReviewsWidget,
    permissions: [{ action: PMO_ACCESS }, { action: DASHBOARD_READ }, { action: GOVERNANCE_READ }],
  },
];

/** PMO Hub's widgets first, before Strapi's own, whichever registers after. */
export function registerWidgets(app: Pick<StrapiApp, 'widgets'>) {
  app.widgets.register((widgets) => [...PMO_WIDGETS, ...widgets.filter((widget) => widget.pluginId !== PLUGIN_ID)]);
}

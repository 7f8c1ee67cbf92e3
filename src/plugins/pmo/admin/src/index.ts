import type { StrapiApp } from '@strapi/strapi/admin';

import { Initializer } from './components/Initializer';
import { MoneyIcon } from './components/MoneyIcon';
import { PluginIcon } from './components/PluginIcon';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'PMO Hub' },
      Component: () => import('./pages/App'),
      permissions: [{ action: 'plugin::pmo.access', subject: null }],
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

    app.registerPlugin({
      id: PLUGIN_ID,
      initializer: Initializer,
      isReady: false,
      name: PLUGIN_ID,
    });
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
          return { data: translated, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

export default plugin;

/**
 * PMO Hub's own face on Strapi's admin: its name and mark on the sign-in page and in the menu, in
 * British English. The PMO's pages themselves come from the pmo plugin.
 */
import type { StrapiApp } from '@strapi/strapi/admin';

import logo from './extensions/pmo-hub-logo.svg';

export default {
  config: {
    auth: { logo },
    menu: { logo },
    locales: [],
    translations: {
      en: {
        'Auth.form.welcome.title': 'Welcome to PMO Hub',
        'Auth.form.welcome.subtitle': 'Sign in to your PMO Hub account',
        'Auth.form.button.login': 'Sign in',
        'app.components.LeftMenu.navbrand.title': 'PMO Hub',
        'app.components.LeftMenu.navbrand.workplace': 'Project Management Office',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};

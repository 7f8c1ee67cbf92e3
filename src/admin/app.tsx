/**
 * PMO Hub's own face on Strapi's admin: its name and mark on the sign-in page, in the menu and in
 * the browser tab, in British English, without Strapi's banners and tours (quiet-strapi.ts). The
 * PMO's pages and home-page widgets come from the pmo plugin.
 */
import type { StrapiApp } from '@strapi/strapi/admin';

import logo from './extensions/pmo-hub-logo.svg';
import { hideStrapiWidgets, keepPmoHubTitle, projectUuid, quietStrapi } from './quiet-strapi';

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
        'HomePage.header.subtitle': 'Welcome to PMO Hub',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // After every plugin has registered its widgets (PMO Hub's own come from the pmo plugin).
    hideStrapiWidgets(app.widgets);
  },
  bootstrap(_app: StrapiApp) {
    // Before the panel first renders (the banner and the tours read their state as they mount).
    quietStrapi(window.localStorage);
    const backend = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL;
    void projectUuid(backend || window.location.origin).then((uuid) => quietStrapi(window.localStorage, uuid));
    keepPmoHubTitle(document);
  },
};

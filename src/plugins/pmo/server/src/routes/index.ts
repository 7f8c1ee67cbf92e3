/** Admin routes: mounted under /pmo, admin JWT, each with its policy. */
const admin = {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/settings',
      handler: 'settings.find',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};

export default { admin };

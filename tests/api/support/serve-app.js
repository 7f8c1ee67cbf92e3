'use strict';
/**
 * Serves the real Strapi app in a process of its own, for tests that must see whether a request
 * can end the process. Prints one JSON line `{ port, token }` once it listens (a full-access API
 * token), then serves until killed. A fault can be injected: creating a project named
 * "escape-me" leaves a rejected promise and a thrown exception that no request handler awaits,
 * as a driver bug would.
 */
const { bootStrapi } = require('../../helpers/boot');

(async () => {
  const strapi = await bootStrapi({ label: process.argv[2] || 'served' });
  strapi.log.level = 'error';
  strapi.documents.use(async (context, next) => {
    if (context.uid === 'api::project.project' && context.params?.data?.name === 'escape-me') {
      Promise.reject(new Error('injected: a rejection nobody awaits'));
      setTimeout(() => {
        throw new Error('injected: an exception thrown from a callback');
      }, 0);
    }
    return next();
  });
  const token = (
    await strapi.service('admin::api-token').create({ name: 'served', type: 'full-access', kind: 'content-api', lifespan: null })
  ).accessKey;
  strapi.server.httpServer.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: strapi.server.httpServer.address().port, token })}\n`);
  });
})().catch((error) => {
  console.error(error);
  process.exit(2);
});

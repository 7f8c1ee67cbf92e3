'use strict';
/** What the benchmarks share: serving the booted Strapi on a free port, and a super admin to call it as. */

const BENCH_ADMIN = { email: 'bench@pmo.local', password: 'Bench-Pass-1234' };

/** Listens on a free loopback port; returns the base URL. */
async function listen(strapi) {
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
}

async function createBenchAdmin(strapi) {
  const superRole = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await strapi.service('admin::user').create({ firstname: 'Bench', lastname: 'Admin', ...BENCH_ADMIN, isActive: true, roles: [superRole.id] });
}

/** An admin's access token (the bench super admin's by default), through the real login route. */
async function loginBenchAdmin(base, credentials = BENCH_ADMIN) {
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials),
  }).then((r) => r.json());
  return login.data.token;
}

module.exports = { listen, createBenchAdmin, loginBenchAdmin };

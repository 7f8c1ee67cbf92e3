'use strict';
/**
 * Boots Strapi once in its own process on the database given by the environment and prints the
 * fields each PMO role may create and update on the types given in PMO_REPORT_SUBJECTS (JSON
 * list). With PMO_WIDEN_FIELDS (JSON `{ role: { subject: [fields] } }`) it then adds those fields
 * to the role's stored create and update permissions, as a database from before a field was
 * protected holds them, and reports again: upgrade tests boot it twice.
 */
const { bootStrapi } = require('./boot');

const WRITE_ACTIONS = ['plugin::content-manager.explorer.create', 'plugin::content-manager.explorer.update'];

async function report(strapi, subjects) {
  const rows = await strapi.db.query('admin::permission').findMany({
    where: { action: { $in: WRITE_ACTIONS }, subject: { $in: subjects } },
    populate: ['role'],
  });
  const fields = {};
  for (const row of rows) {
    const key = `${row.role.code} ${row.action.split('.').pop()} ${row.subject}`;
    fields[key] = row.properties?.fields ?? null;
  }
  return fields;
}

(async () => {
  const strapi = await bootStrapi({ database: {} });
  const subjects = JSON.parse(process.env.PMO_REPORT_SUBJECTS || '[]');
  const before = await report(strapi, subjects);
  const widen = JSON.parse(process.env.PMO_WIDEN_FIELDS || '{}');
  for (const [code, bySubject] of Object.entries(widen)) {
    for (const [subject, extra] of Object.entries(bySubject)) {
      const rows = await strapi.db.query('admin::permission').findMany({
        where: { role: { code }, subject, action: { $in: WRITE_ACTIONS } },
      });
      for (const row of rows) {
        const fields = row.properties?.fields ?? [];
        await strapi.db.query('admin::permission').update({
          where: { id: row.id },
          data: { properties: { ...row.properties, fields: [...fields, ...extra] } },
        });
      }
    }
  }
  const after = await report(strapi, subjects);
  await strapi.destroy();
  process.stdout.write(`REPORT ${JSON.stringify({ before, after })}\n`);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

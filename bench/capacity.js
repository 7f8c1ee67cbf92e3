#!/usr/bin/env node
'use strict';
/**
 * bench/capacity: the capacity heat map (GET /pmo/capacity?from=&to=, a page of 100 people × 24
 * months, day-weighted sums of their approved and requested allocations) over HTTP, against the
 * bare SQL sum in the same run: one `SELECT … SUM(percent × overlap days) … GROUP BY person, month`
 * over the same page of people, and (for scale) over all 5,000 people. On PostgreSQL (or SQLite
 * with BENCH_DB=sqlite).
 *
 *   node bench/capacity.js                       # 5,000 people, 1,000 projects, 50,000 allocations, 24 months
 *   BENCH_PEOPLE=5000 BENCH_PROJECTS=1000 BENCH_ALLOCATIONS=50000 BENCH_REQUESTS=30 node bench/capacity.js
 *
 * Seeds straight into the tables (knex batch inserts and link rows), then times each side
 * alternately after a warm-up that checks they agree. Prints median and p95 of each and the
 * ratio of the medians. Target: GET /pmo/capacity median under 500 ms on PostgreSQL.
 * Not a test: figures go to bench/README.md.
 */
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
const { dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
const { createBenchAdmin, listen, loginBenchAdmin, insertAll, linkAll, median, p95 } = require('./support');

const PEOPLE = Number(process.env.BENCH_PEOPLE || 5000);
const PROJECTS = Number(process.env.BENCH_PROJECTS || 1000);
const ALLOCATIONS = Number(process.env.BENCH_ALLOCATIONS || 50000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 30);
const DEPARTMENTS = 50;
const FROM = '2027-01';
const TO = '2028-12';
const PAGE = 100;
const STATES = ['approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'requested', 'requested', 'declined'];
const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const BATCH = isPostgres ? 5000 : 500;

const day = (offset) => new Date(Date.UTC(2027, 0, 1) + offset * 86400000).toISOString().slice(0, 10);

async function seed(strapi) {
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const started = performance.now();

  const department = meta('api::department.department');
  const departmentIds = await insertAll(knex, department.tableName, Array.from({ length: DEPARTMENTS }, (_, i) => ({ document_id: `benchdept${i}`, name: `Department ${String(i).padStart(2, '0')}` })));

  const person = meta('api::person.person');
  const personIds = await insertAll(
    knex,
    person.tableName,
    Array.from({ length: PEOPLE }, (_, i) => ({
      document_id: `benchperson${String(i).padStart(12, '0')}`,
      full_name: `Person ${String(i).padStart(5, '0')}`,
      email: `person${i}@bench.pmo`,
      pmo_role: 'team-member',
      capacity_percent: i % 5 === 0 ? 80 : 100,
      non_project_percent: i % 3 === 0 ? 10 : 0,
    }))
  );
  await linkAll(knex, person.attributes.department.joinTable, personIds.map((id, i) => [id, departmentIds[i % DEPARTMENTS]]));

  const project = meta('api::project.project');
  const projectIds = await insertAll(
    knex,
    project.tableName,
    Array.from({ length: PROJECTS }, (_, i) => ({ document_id: `benchproject${String(i).padStart(12, '0')}`, name: `Bench project ${i}`, code: `BENCH-${String(i).padStart(4, '0')}` }))
  );

  // Allocations of 1 to 90 days' offset into the two years, 30 to 400 days long, 10–60 %.
  const allocation = meta('api::allocation.allocation');
  for (let start = 0; start < ALLOCATIONS; start += BATCH) {
    const rows = [];
    for (let n = start; n < Math.min(ALLOCATIONS, start + BATCH); n += 1) {
      const begin = (n * 37) % 700;
      rows.push({
        document_id: `benchalloc${String(n).padStart(15, '0')}`,
        role: ['Developer', 'Analyst', 'Tester', 'Architect'][n % 4],
        percent: 10 + ((n * 13) % 51),
        start_date: day(begin),
        end_date: day(begin + 30 + ((n * 17) % 370)),
        workflow_state: STATES[n % STATES.length],
      });
    }
    const ids = await insertAll(knex, allocation.tableName, rows);
    await linkAll(knex, allocation.attributes.person.joinTable, ids.map((id, i) => [id, personIds[(start + i) % PEOPLE]]));
    await linkAll(knex, allocation.attributes.project.joinTable, ids.map((id, i) => [id, projectIds[(start + i) % PROJECTS]]));
  }
  if (isPostgres) await knex.raw('ANALYZE');
  console.log(`seeded ${PEOPLE} people in ${DEPARTMENTS} departments, ${PROJECTS} projects, ${ALLOCATIONS} allocations in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The bare sum: percent × overlap days per person and month, approved and requested apart.
  const link = allocation.attributes.person.joinTable;
  const months = [];
  for (let m = 0; m < 24; m += 1) {
    const year = 2027 + Math.floor(m / 12);
    const month = (m % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    months.push([`${year}-${String(month).padStart(2, '0')}`, `${year}-${String(month).padStart(2, '0')}-01`, `${year}-${String(month).padStart(2, '0')}-${last}`]);
  }
  const cast = isPostgres ? '::date' : '';
  const days = isPostgres
    ? '(LEAST(a.end_date, m.last_day) - GREATEST(a.start_date, m.first_day) + 1)'
    : 'CAST(julianday(MIN(a.end_date, m.last_day)) - julianday(MAX(a.start_date, m.first_day)) + 1 AS INTEGER)';
  const bare = async (ids) => {
    const result = await knex.raw(
      `WITH m(month, first_day, last_day) AS (VALUES ${months.map(() => `(?, ?${cast}, ?${cast})`).join(', ')})
       SELECT ap.${link.inverseJoinColumn.name} AS person_id, m.month,
         SUM(CASE WHEN a.workflow_state = 'approved' THEN a.percent * ${days} ELSE 0 END) AS booked,
         SUM(CASE WHEN a.workflow_state = 'approved' THEN 0 ELSE a.percent * ${days} END) AS tentative
       FROM ${allocation.tableName} a
       JOIN ${link.name} ap ON ap.${link.joinColumn.name} = a.id
       JOIN m ON a.start_date <= m.last_day AND a.end_date >= m.first_day
       WHERE a.workflow_state <> 'declined' ${ids ? `AND ap.${link.inverseJoinColumn.name} IN (${ids.map(() => '?').join(', ')})` : ''}
       GROUP BY ap.${link.inverseJoinColumn.name}, m.month`,
      [...months.flat(), ...(ids ?? [])]
    );
    return isPostgres ? result.rows : result;
  };
  return { bare, personIds };
}

async function main() {
  await buildOnce();
  const strapi = await bootStrapi({ label: 'bench_capacity' });
  strapi.log.level = 'error';
  const base = await listen(strapi);
  await createBenchAdmin(strapi);
  const token = await loginBenchAdmin(base);
  const auth = { authorization: `Bearer ${token}` };

  const { bare } = await seed(strapi);
  const url = `${base}/pmo/capacity?from=${FROM}&to=${TO}&pageSize=${PAGE}`;
  const capacity = async () => {
    const res = await fetch(url, { headers: auth });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`capacity: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };

  // Warm up both, and check they agree: the page's booked percent-days equal the bare sum's.
  const first = await capacity();
  const pageIds = (await strapi.db.query('api::person.person').findMany({ where: { documentId: { $in: first.people.map((row) => row.person.documentId) } }, select: ['id'] })).map((row) => row.id);
  const samePage = () => bare(pageIds);
  const rows = await samePage();
  const daysIn = (month) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const bareBooked = rows.reduce((sum, row) => sum + Number(row.booked) / daysIn(row.month), 0);
  const answered = first.people.reduce((sum, row) => sum + row.months.reduce((s, m) => s + m.booked, 0), 0);
  if (first.people.length !== PAGE || first.pagination.total !== PEOPLE || Math.abs(bareBooked - answered) > PAGE * 24 * 0.005 + 1e-6) {
    throw new Error(`capacity and bare sum disagree: ${first.people.length} people of ${first.pagination.total}, booked ${answered} vs ${bareBooked}`);
  }
  await bare();

  const times = { capacity: [], page: [], all: [] };
  const timed = async (key, work) => {
    const started = performance.now();
    await work();
    times[key].push(performance.now() - started);
  };
  for (let n = 0; n < REQUESTS; n += 1) {
    await timed('capacity', capacity);
    await timed('page', samePage);
    await timed('all', () => bare());
  }
  const over = first.people.reduce((sum, row) => sum + row.months.filter((m) => m.over).length, 0);
  const line = (name, list) => `${name.padEnd(34)} median ${median(list).toFixed(1)} ms  p95 ${p95(list).toFixed(1)} ms  worst ${Math.max(...list).toFixed(1)} ms`;
  console.log(
    `${line('GET /pmo/capacity (HTTP, 100 people)', times.capacity)}  (${first.months.length} months, ${over} person-months over)\n` +
      `${line('bare sum, the same 100 people (SQL)', times.page)}\n` +
      `${line('bare sum, all people (SQL)', times.all)}\n` +
      `\npeople=${PEOPLE} projects=${PROJECTS} allocations=${ALLOCATIONS} requests=${REQUESTS} db=${process.env.DATABASE_CLIENT} node=${process.version} cpus=${require('os').cpus().length}\n` +
      `median ratio capacity/bare page sum = ${(median(times.capacity) / median(times.page)).toFixed(2)}; capacity median ${median(times.capacity).toFixed(0)} ms (target < 500 ms)`
  );
  await strapi.destroy();
  await dropRunDatabases();
  process.exit(0);
}

main().catch(async (error) => {
  console.error(error);
  try {
    await dropRunDatabases();
  } finally {
    process.exit(1);
  }
});

#!/usr/bin/env node
'use strict';
/**
 * bench/seed-scale: a large PMO written straight into a PostgreSQL database's tables with
 * set-based SQL (INSERT … SELECT … FROM generate_series), not the Document Service: at full size
 * 10 portfolios, 400 programmes, 10,000 projects, 20,000 people in 100 departments, 100,000
 * change requests, 50,000 documents, 200,000 status reports, 120,000 budget lines, 10,000,000
 * cost entries, 50,000 risks, 20,000 issues, 40,000 milestones, 40,000 allocations, 10,000 gate
 * reviews, 10,000 dependencies, and the workflow instances of every governed row. Rows are
 * what the app writes: a 24-character `document_id`, `published_at` set (no type here has draft
 * and publish), `locale` empty, relations in their join tables, each governed row's state on its
 * `workflow_state` mirror and in a workflow instance. Dates are relative to today, so "late",
 * "overdue" and "upcoming" stay true whenever it is run.
 *
 * Every row's document_id is `<prefix><seed number>` (e.g. `sproj0000000000000000042`), so any
 * bench can find "project 42" without a lookup table: `seedDocumentId('project', 42)`.
 *
 *   SEED_SCALE=0.01 node bench/seed-scale.js    # a hundredth: 100 projects, 100,000 cost entries
 *   node bench/seed-scale.js                    # full size into database pmo_scale (kept)
 *   SEED_DB=pmo_scale_small SEED_SCALE=0.1 node bench/seed-scale.js
 *
 * The CLI boots the app once on an empty database (Strapi creates the tables and seeds the
 * workflows and roles), seeds, and leaves the database for the benches (bench/lists.js reuses it
 * with SEED_DB=…). As a module: `await seedScale(strapi, { scale })` on a booted Strapi.
 *
 * Derived tables (summaries other code keeps of these rows, e.g. finance's monthly cost
 * aggregate) are filled in one place after the rows: `fillDerivedTables` below.
 */
const path = require('path');
const { performance } = require('perf_hooks');

/** Full-size counts; SEED_SCALE multiplies each (at least 1). */
const FULL = {
  portfolios: 10,
  programmes: 400,
  projects: 10000,
  departments: 100,
  people: 20000,
  changeRequests: 100000,
  documents: 50000,
  statusReportsPerProject: 20,
  budgetMonths: 12,
  costEntries: 10000000,
  risks: 50000,
  issues: 20000,
  milestonesPerProject: 4,
  allocations: 40000,
  dependencies: 10000,
};

const PREFIX = {
  portfolio: 'sport',
  programme: 'sprog',
  project: 'sproj',
  department: 'sdept',
  person: 'spers',
  changeRequest: 'schng',
  document: 'sdocs',
  statusReport: 'sstat',
  budgetLine: 'sbudg',
  costEntry: 'scost',
  risk: 'srisk',
  issue: 'sissu',
  milestone: 'smile',
  allocation: 'salloc',
  gateReview: 'sgate',
  dependency: 'sdepn',
};

const UID = {
  portfolio: 'api::portfolio.portfolio',
  programme: 'api::programme.programme',
  project: 'api::project.project',
  department: 'api::department.department',
  person: 'api::person.person',
  changeRequest: 'plugin::pmo.change-request',
  document: 'api::document.document',
  statusReport: 'api::status-report.status-report',
  budgetLine: 'api::budget-line.budget-line',
  costEntry: 'api::cost-entry.cost-entry',
  risk: 'api::risk.risk',
  issue: 'api::issue.issue',
  milestone: 'api::milestone.milestone',
  allocation: 'api::allocation.allocation',
  gateReview: 'plugin::pmo.gate-review',
  dependency: 'api::dependency.dependency',
};

/** The document_id of seed row `n` (1-based) of a kind. */
const seedDocumentId = (kind, n) => `${PREFIX[kind]}${String(n).padStart(24 - PREFIX[kind].length, '0')}`;
/** SQL of that document_id for a seed number expression. */
const docIdSql = (kind, numberSql) => `'${PREFIX[kind]}' || lpad((${numberSql})::text, ${24 - PREFIX[kind].length}, '0')`;
/** SQL of a row's seed number from its document_id column. */
const seedNumberSql = (kind, column) => `substr(${column}, ${PREFIX[kind].length + 1})::int`;

function sizesFor(scale) {
  const n = (count) => Math.max(1, Math.round(count * scale));
  return {
    portfolios: n(FULL.portfolios),
    programmes: n(FULL.programmes),
    projects: n(FULL.projects),
    departments: n(FULL.departments),
    people: Math.max(n(FULL.people), 10),
    changeRequests: n(FULL.changeRequests),
    documents: n(FULL.documents),
    statusReports: n(FULL.projects) * FULL.statusReportsPerProject,
    budgetLines: n(FULL.projects) * (FULL.budgetMonths + 1),
    costEntries: n(FULL.costEntries),
    risks: n(FULL.risks),
    issues: n(FULL.issues),
    milestones: n(FULL.projects) * FULL.milestonesPerProject,
    allocations: n(FULL.allocations),
    gateReviews: n(FULL.projects),
    dependencies: n(FULL.dependencies),
  };
}

const q = (identifier) => `"${identifier}"`;
/** An SQL array literal of text values, picked by a 1-based index expression: `(ARRAY[...])[i]`. */
const pick = (values, indexSql) => `(ARRAY[${values.map((v) => `'${v}'`).join(',')}])[((${indexSql}) % ${values.length}) + 1]`;

/** The project lifecycle's states, in the proportions of a large PMO (most projects executing). */
const PROJECT_STATES = ['proposed', 'initiating', 'planning', 'executing', 'executing', 'executing', 'executing', 'closing', 'closed', 'closed', 'on-hold', 'cancelled'];
const NEXT_GATE = { proposed: 1, initiating: 2, planning: 3, executing: 4, closing: 5 };

function createSeeder(strapi, knex) {
  const meta = (kind) => strapi.db.metadata.get(UID[kind]);
  const table = (kind) => q(meta(kind).tableName);
  const column = (kind, attribute) => {
    const attr = meta(kind).attributes[attribute];
    if (!attr) throw new Error(`${UID[kind]} has no attribute ${attribute}`);
    return q(attr.columnName || attribute);
  };
  const run = (sql) => knex.raw(sql);

  /**
   * Inserts `count` rows of a kind: `values` maps attribute → SQL expression of `g` (the seed
   * number, 1-based). document_id, timestamps, published_at and locale are added.
   */
  async function rows(kind, count, values) {
    const m = meta(kind);
    const all = { ...values };
    const columns = [q('document_id'), ...Object.keys(all).map((attribute) => column(kind, attribute))];
    const exprs = [docIdSql(kind, 'g'), ...Object.values(all)];
    // Created and last changed a second apart, the newest last, as rows written over time are
    // (the same instant for every row would leave an index on updated_at no use to the planner).
    const written = `now() - (${count} - g) * interval '1 second'`;
    for (const [attribute, expr] of [['createdAt', written], ['updatedAt', written], ['publishedAt', written]]) {
      if (m.attributes[attribute]) {
        columns.push(column(kind, attribute));
        exprs.push(expr);
      }
    }
    // Large kinds in slices of a million, so one statement never holds the whole table in memory.
    const slice = 1000000;
    for (let from = 1; from <= count; from += slice) {
      const to = Math.min(count, from + slice - 1);
      await run(`INSERT INTO ${table(kind)} (${columns.join(', ')}) SELECT ${exprs.join(', ')} FROM generate_series(${from}, ${to}) AS g`);
    }
  }

  /**
   * Links each seed row of `kind` through `attribute` to the `target` seed row numbered by
   * `targetSql` (an expression of `g`, 1-based); `whereSql` (of `g`) leaves some unlinked.
   */
  async function link(kind, attribute, target, targetSql, whereSql = 'true') {
    const join = meta(kind).attributes[attribute].joinTable;
    const owner = meta(kind).tableName;
    const g = seedNumberSql(kind, 'o.document_id');
    await run(
      `INSERT INTO ${q(join.name)} (${q(join.joinColumn.name)}, ${q(join.inverseJoinColumn.name)}) ` +
        `SELECT o.id, t.id FROM (SELECT id, document_id, ${g} AS g FROM ${q(owner)} o WHERE o.document_id LIKE '${PREFIX[kind]}%') o ` +
        `JOIN ${table(target)} t ON t.document_id = ${docIdSql(target, targetSql.replace(/\bg\b/g, 'o.g'))} ` +
        `WHERE ${whereSql.replace(/\bg\b/g, 'o.g')}`
    );
  }

  /** A workflow instance for every seed row of a governed kind, in the state its mirror holds. */
  async function instances(kind, previousStateSql = 'NULL') {
    const uid = UID[kind];
    const workflow = await knex('pmo_workflows').where({ applies_to: uid }).first();
    if (!workflow) return;
    const state = column(kind, 'workflowState');
    await run(
      `INSERT INTO pmo_workflow_instances (document_id, workflow_key, target_uid, target_document_id, state, previous_state, version, definition_version, entered_at, votes, created_at, updated_at, published_at) ` +
        `SELECT 'sinst' || substr(md5('${kind}' || t.document_id), 1, 19), '${workflow.key}', '${uid}', t.document_id, t.${state}, ${previousStateSql}, 1, ${workflow.version}, now() - interval '20 days', '{}'::jsonb, now(), now(), now() ` +
        `FROM ${table(kind)} t WHERE t.document_id LIKE '${PREFIX[kind]}%'`
    );
  }

  return { rows, link, instances, column, table, run };
}

/**
 * Writes the large PMO into the booted Strapi's PostgreSQL database. Answers the sizes written
 * and the seconds each kind took.
 */
async function seedScale(strapi, { scale = Number(process.env.SEED_SCALE || 1), log = console.log } = {}) {
  if (strapi.db.dialect.client !== 'postgres') throw new Error('bench/seed-scale writes PostgreSQL (set DATABASE_CLIENT=postgres)');
  const knex = strapi.db.connection;
  const size = sizesFor(scale);
  // One transaction without foreign-key triggers (the rows are consistent by construction): the
  // link tables fill more than twice as fast.
  const trx = await knex.transaction();
  await trx.raw('SET LOCAL session_replication_role = replica');
  const s = createSeeder(strapi, trx);
  const timings = {};
  const step = async (name, work) => {
    const started = performance.now();
    try {
      await work();
    } catch (error) {
      if (!trx.isCompleted()) await trx.rollback().catch(() => {});
      throw error;
    }
    timings[name] = (performance.now() - started) / 1000;
    log(`  ${name.padEnd(16)} ${timings[name].toFixed(1)} s`);
  };
  const P = size.projects;
  const PE = size.people;
  const day = (offsetSql) => `(current_date + (${offsetSql})::int)`;
  const month = (offsetSql) => `(date_trunc('month', current_date) + ((${offsetSql})::int * interval '1 month'))::date`;
  const enumOf = (kind, attribute) => strapi.contentTypes[UID[kind]].attributes[attribute].enum;

  log(`seeding ${JSON.stringify(size)}`);
  await step('organisation', async () => {
    await s.rows('portfolio', size.portfolios, { name: `'Portfolio ' || g`, code: `'PF-' || lpad(g::text, 2, '0')`, description: `'Seeded portfolio ' || g` });
    await s.rows('programme', size.programmes, { name: `'Programme ' || g`, code: `'PRG-' || lpad(g::text, 4, '0')` });
    await s.link('programme', 'portfolio', 'portfolio', `((g - 1) % ${size.portfolios}) + 1`);
    await s.rows('department', size.departments, { name: `'Department ' || g` });
    const roles = enumOf('person', 'pmoRole');
    await s.rows('person', PE, {
      fullName: `(ARRAY['Ada','Ben','Chloé','Dev','Eilidh','Femi','Grace','Hamza','Inès','Jonas'])[(g % 10) + 1] || ' ' || (ARRAY['Okafor','Smith','Nowak','Müller','Dubois','Rossi','Khan','Silva','Berg','Walsh'])[((g / 10) % 10) + 1] || ' ' || g`,
      email: `'person' || g || '@scale.pmo'`,
      pmoRole: pick(roles, 'g'),
      capacityPercent: '100',
    });
    await s.link('person', 'department', 'department', `((g - 1) % ${size.departments}) + 1`);
    await s.link('department', 'leader', 'person', 'g');
    await s.link('programme', 'manager', 'person', `((g * 17 - 1) % ${PE}) + 1`);
    await s.link('programme', 'sponsor', 'person', `((g * 19 - 1) % ${PE}) + 1`);
  });

  await step('projects', async () => {
    await s.rows('project', P, {
      name: `(ARRAY['Atlas','Borealis','Cobalt','Delta','Ember','Fjord','Granite','Harbour','Iris','Juniper'])[(g % 10) + 1] || ' ' || (ARRAY['platform','migration','upgrade','rollout','programme','replacement','integration','renewal'])[((g / 10) % 8) + 1] || ' ' || g`,
      code: `'PRJ-' || lpad(g::text, 5, '0')`,
      description: `'Seeded project ' || g`,
      startDate: day(`-(g % 700) - 30`),
      endDate: day(`(g % 500) + 60`),
      reportingCadence: pick(['monthly', 'monthly', 'fortnightly', 'weekly'], 'g'),
      workflowState: pick(PROJECT_STATES, 'g'),
      riskTolerance: '12',
      changeBudget: `(g % 50 + 1) * 1000000`,
    });
    await s.link('project', 'programme', 'programme', `((g - 1) % ${size.programmes}) + 1`);
    await s.link('project', 'manager', 'person', `((g * 7 - 1) % ${PE}) + 1`);
    await s.link('project', 'sponsor', 'person', `((g * 13 - 1) % ${PE}) + 1`);
    await s.instances('project', `CASE WHEN t.${s.column('project', 'workflowState')} = 'on-hold' THEN 'executing' END`);
  });

  await step('gate reviews', async () => {
    // Each open project's next gate: scheduled ahead for most, held and decided go for a third.
    const gate = `(ARRAY[${PROJECT_STATES.map((state) => NEXT_GATE[state] ?? 'NULL').join(',')}])[(g % ${PROJECT_STATES.length}) + 1]`;
    await s.rows('gateReview', size.gateReviews, {
      gate: `COALESCE(${gate}, 5)`,
      scheduledDate: day(`(g % 90) - 10`),
      heldDate: `CASE WHEN g % 3 = 0 THEN ${day('-(g % 30) - 1')} END`,
      decision: `CASE WHEN g % 3 = 0 THEN 'go' END`,
      checklist: `'[]'::jsonb`,
    });
    await s.link('gateReview', 'project', 'project', 'g');
    await s.link('gateReview', 'reviewers', 'person', `((g * 23 - 1) % ${PE}) + 1`);
  });

  await step('status reports', async () => {
    // Monthly, the newest last month; every ninth project stopped reporting half a year ago (late).
    const rag = (salt) => pick(['green', 'green', 'green', 'amber', 'amber', 'red'], `g * ${salt} + (g - 1) / ${P}`);
    await s.rows('statusReport', size.statusReports, {
      // The 15th of last month and before: none dated ahead of today.
      asOf: `${month(`-((g - 1) / ${P}) - 1 - CASE WHEN ((g - 1) % ${P}) % 9 = 0 THEN 6 ELSE 0 END`)} + 14`,
      percentComplete: `LEAST(100, 100 - ((g - 1) / ${P}) * 5)`,
      ragOverall: rag(1),
      ragSchedule: rag(3),
      ragCost: rag(5),
      ragScope: rag(7),
      summary: `'Progress as planned for project ' || (((g - 1) % ${P}) + 1)`,
    });
    await s.link('statusReport', 'project', 'project', `((g - 1) % ${P}) + 1`);
  });

  await step('budget lines', async () => {
    // Twelve months from a year ago, then one management reserve line per project.
    await s.rows('budgetLine', size.budgetLines, {
      period: `CASE WHEN (g - 1) / ${P} < 12 THEN ${month(`((g - 1) / ${P}) - 11`)} ELSE ${month('-11')} END`,
      category: `CASE WHEN (g - 1) / ${P} < 12 THEN ${pick(['labour', 'labour', 'capex', 'opex'], '(g - 1) / ' + P)} ELSE 'management-reserve' END`,
      amount: `5000000 + ((g::bigint * 7919) % 2000000)`,
    });
    await s.link('budgetLine', 'project', 'project', `((g - 1) % ${P}) + 1`);
  });

  await step('cost entries', async () => {
    await s.rows('costEntry', size.costEntries, {
      date: day(`-((g::bigint * 37) % 365)`),
      category: pick(['labour', 'labour', 'capex', 'opex', 'change'], 'g'),
      amount: `CASE WHEN g % 97 = 0 THEN -((g % 5000) + 1) ELSE (g::bigint * 7919) % 400000 + 100 END`,
      supplier: `'Supplier ' || (g % 500)`,
      reference: `'INV-' || g`,
    });
    await s.link('costEntry', 'project', 'project', `((g - 1) % ${P}) + 1`);
  });

  await step('change requests', async () => {
    const states = ['new', 'assess', 'assess', 'authorize', 'scheduled', 'implement', 'review', 'closed', 'closed', 'closed', 'canceled'];
    await s.rows('changeRequest', size.changeRequests, {
      reference: `'CR-' || lpad(g::text, 6, '0')`,
      title: `'Change ' || g || ': ' || (ARRAY['extend scope','move milestone','add supplier','raise budget','swap vendor'])[(g % 5) + 1]`,
      type: pick(enumOf('changeRequest', 'type'), 'g'),
      category: pick(enumOf('changeRequest', 'category'), 'g / 3'),
      priority: pick(enumOf('changeRequest', 'priority'), 'g / 7'),
      severity: pick(enumOf('changeRequest', 'severity'), 'g / 11'),
      description: `'Seeded change request ' || g`,
      workflowState: pick(states, 'g'),
    });
    await s.link('changeRequest', 'project', 'project', `((g - 1) % ${P}) + 1`);
    await s.link('changeRequest', 'raisedBy', 'person', `((g * 31 - 1) % ${PE}) + 1`);
    await s.instances('changeRequest');
  });

  await step('documents', async () => {
    await s.rows('document', size.documents, {
      title: `'Document ' || g`,
      documentType: pick(enumOf('document', 'documentType'), 'g'),
      version: `'1.' || (g % 5)`,
      status: pick(['draft', 'in-review', 'approved', 'approved', 'approved', 'superseded'], 'g'),
      workflowState: pick(['draft', 'in-review', 'approved', 'approved', 'approved', 'superseded'], 'g'),
      reviewCycleDays: '90',
      lastReviewedAt: day(`-(g % 120)`),
      nextReviewDue: day(`90 - (g % 120)`),
    });
    await s.link('document', 'project', 'project', `((g - 1) % ${P}) + 1`);
    await s.link('document', 'owner', 'person', `((g * 29 - 1) % ${PE}) + 1`);
    await s.instances('document');
  });

  await step('raid', async () => {
    await s.rows('risk', size.risks, {
      title: `'Risk ' || g`,
      type: `CASE WHEN g % 10 = 0 THEN 'opportunity' ELSE 'threat' END`,
      probability: `(g % 5) + 1`,
      impact: `((g * 7) % 5) + 1`,
      score: `((g % 5) + 1) * (((g * 7) % 5) + 1)`,
      proximity: day(`(g % 200) - 20`),
      response: pick(['reduce', 'avoid', 'transfer', 'accept'], 'g'),
      status: `CASE WHEN g % 4 = 0 THEN 'closed' ELSE 'open' END`,
      workflowState: `'with-project'`,
    });
    await s.link('risk', 'project', 'project', `((g - 1) % ${P}) + 1`);
    await s.link('risk', 'owner', 'person', `((g * 37 - 1) % ${PE}) + 1`);
    await s.instances('risk');
    await s.rows('issue', size.issues, {
      title: `'Issue ' || g`,
      priority: pick(enumOf('issue', 'priority'), 'g'),
      severity: pick(enumOf('issue', 'severity'), 'g / 3'),
      raisedOn: day(`-(g % 200)`),
      targetDate: day(`30 - (g % 200)`),
      status: pick(['open', 'open', 'resolved', 'closed'], 'g'),
      workflowState: `'with-project'`,
    });
    await s.link('issue', 'project', 'project', `((g - 1) % ${P}) + 1`);
    await s.link('issue', 'owner', 'person', `((g * 41 - 1) % ${PE}) + 1`);
    await s.instances('issue');
    await s.rows('dependency', size.dependencies, {
      description: `'Dependency ' || g`,
      needBy: day(`(g % 240) - 60`),
      status: pick(['open', 'open', 'met', 'late'], 'g'),
    });
    await s.link('dependency', 'fromProject', 'project', `((g - 1) % ${P}) + 1`);
    await s.link('dependency', 'toProject', 'project', `(g % ${P}) + 1`);
  });

  await step('people planning', async () => {
    await s.rows('milestone', size.milestones, {
      name: `(ARRAY['Design signed off','Build complete','Go live','Benefits review'])[((g - 1) / ${P}) % 4 + 1]`,
      baselineDate: day(`((g - 1) / ${P}) * 90 - 180 + (g % 30)`),
      forecastDate: day(`((g - 1) / ${P}) * 90 - 180 + (g % 30) + (g % 7) * 3`),
      actualDate: `CASE WHEN ((g - 1) / ${P}) < 2 THEN ${day(`((g - 1) / ${P}) * 90 - 180 + (g % 30) + (g % 5)`)} END`,
      varianceDays: `CASE WHEN ((g - 1) / ${P}) < 2 THEN g % 5 ELSE (g % 7) * 3 END`,
    });
    await s.link('milestone', 'project', 'project', `((g - 1) % ${P}) + 1`);
    await s.rows('allocation', size.allocations, {
      role: pick(['Analyst', 'Developer', 'Tester', 'Architect', 'Project manager'], 'g'),
      percent: `20 + (g % 4) * 10`,
      startDate: month(`-(g % 6)`),
      endDate: `(${month(`(g % 9) + 1`)} - 1)`,
      workflowState: pick(['approved', 'approved', 'approved', 'requested', 'declined'], 'g'),
    });
    await s.link('allocation', 'person', 'person', `((g - 1) % ${PE}) + 1`);
    await s.link('allocation', 'project', 'project', `((g * 3 - 1) % ${P}) + 1`);
    await s.instances('allocation');
  });

  await step('commit', () => trx.commit());
  await step('derived tables', () => fillDerivedTables(strapi, knex));
  await step('analyse', () => knex.raw('ANALYZE'));
  return { size, timings };
}

/**
 * Fills the tables the app derives from the rows above (and otherwise keeps up to date as rows
 * are written through the app), after a straight-to-SQL seed. The one hook for them: a summary
 * table added to the app (e.g. finance's monthly cost aggregate) is filled here, by the service
 * that owns it.
 */
async function fillDerivedTables(strapi, knex) {
  // Status reports' and budget lines' titles (shared/record-labels.ts), as the app writes them:
  // "PRJ-00042 status report, 2 Dec 2026", "PRJ-00042 Management reserve, Dec 2026".
  const meta = (kind) => strapi.db.metadata.get(UID[kind]);
  const projects = q(meta('project').tableName);
  for (const [kind, label] of [
    ['statusReport', `p.code || ' status report, ' || to_char(r.as_of, 'FMDD Mon YYYY')`],
    ['budgetLine', `p.code || ' ' || upper(substr(r.category, 1, 1)) || replace(substr(r.category, 2), '-', ' ') || ', ' || to_char(r.period, 'Mon YYYY')`],
  ]) {
    const join = meta(kind).attributes.project.joinTable;
    await knex.raw(
      `UPDATE ${q(meta(kind).tableName)} r SET label = ${label} FROM ${q(join.name)} l JOIN ${projects} p ON p.id = l.${q(join.inverseJoinColumn.name)} ` +
        `WHERE l.${q(join.joinColumn.name)} = r.id AND r.document_id LIKE '${PREFIX[kind]}%'`
    );
  }
  // Finance's cost totals per project, month and day (finance/cost-totals.ts) and budget totals
  // per project and month (finance/budget-totals.ts) are kept by
  // triggers, which session_replication_role = replica switched off for the load: rebuilt here
  // from the entries; so is each project's latest status report (platform/latest-reports.ts). Add
  // other derived tables here.
  await strapi.plugin('pmo').service('costTotals').rebuild();
  await strapi.plugin('pmo').service('budgetTotals').rebuild();
  await strapi.plugin('pmo').service('latestReports').rebuild();
}

// ---- CLI ---------------------------------------------------------------------------------------

async function main() {
  const ROOT = path.join(__dirname, '..');
  process.env.DATABASE_CLIENT = 'postgres';
  const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
  const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
  const { withPgAdmin } = require(path.join(ROOT, 'tests/helpers/database'));
  const name = process.env.SEED_DB || 'pmo_scale';
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('SEED_DB: lower-case letters, digits and _ only');
  await buildOnce();
  await withPgAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const strapi = await bootStrapi({ database: scaleDatabase(name) });
  const started = performance.now();
  const { size } = await seedScale(strapi);
  const bytes = (await strapi.db.connection.raw('SELECT pg_database_size(current_database()) AS size')).rows[0].size;
  console.log(`seeded database ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s: ${(Number(bytes) / 1e9).toFixed(2)} GB, ${size.costEntries.toLocaleString('en-GB')} cost entries`);
  await strapi.destroy();
  process.exit(0);
}

/** The environment that points Strapi at a kept scale database. */
function scaleDatabase(name) {
  const url = new URL(process.env.PMO_TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), DATABASE_NAME: name };
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { seedScale, fillDerivedTables, sizesFor, seedDocumentId, scaleDatabase, FULL, PREFIX, UID };

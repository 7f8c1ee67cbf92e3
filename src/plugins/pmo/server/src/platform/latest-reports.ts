/**
 * Each project's latest status report, kept by database triggers in the transaction of every
 * write, so "the projects whose latest report is red" is an indexed lookup instead of a pass over
 * every report (the governance board's RAG filter read 200,000 reports twice at 10,000 projects).
 *
 * `pmo_latest_reports` (not a content type: Strapi leaves tables it does not know alone) holds one
 * row per project that has a report: `project_id`, the `report_id` of its latest report (the
 * one with the latest `asOf`, and of two on the same day the last entered, highest id, exactly
 * as platform/db.ts `latestStatusReports` ranks them), that report's date and overall RAG, so the
 * board's RAG filter, and the projects whose latest report is after a day, read this table
 * alone. The report's other columns are read through the id.
 *
 * `pmo_report_dates` holds every report's project, date and overall RAG (`project_id`,
 * `report_id`, `as_of`, `rag_overall`), indexed by (project, date, report): "each project's
 * latest report on or before a past day" (the dashboard's RAG counts a month earlier, earned
 * value as of a past day) is one index probe per project instead of ranking every report
 * (200,000 at 10,000 projects), since nearly every project has reported after such a day. The
 * report table cannot hold that index itself: its project is in a link table.
 *
 * A report counts for a project through two tables: its row (`as_of`) and its link row to the
 * project. Triggers on both recompute the latest report of the projects a write touched (a
 * handful of reports each, through the link table's project index):
 * - a link inserted, deleted or moved to another project;
 * - a report's `as_of` or overall RAG changed;
 * - a report deleted (the projects whose latest it was; its links may go before or after it);
 * - TRUNCATE (PostgreSQL) empties the table.
 * Each recompute writes the projects' report dates anew, ranks their latest from them (upsert),
 * then removes the projects left with no report.
 *
 * PostgreSQL runs one statement-level trigger per event over its transition tables; before
 * recomputing, it takes a transaction-scoped advisory lock for the projects touched (by project
 * id modulo 64), so two writers of the same project's reports take turns and the second one's
 * recompute sees the first's report. SQLite runs row triggers and has one writer.
 *
 * `ensureLatestReports` (the plugin's bootstrap, under the start-up lock) creates what is missing
 * and, when a trigger of this version was missing (first start, an upgrade, data loaded with the
 * triggers off), recomputes the whole table in one transaction, writers waiting.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { STATUS_REPORT_UID } from '../../../shared/contracts/uids';
import { columnsOf, installedTriggers, LATEST_REPORTS_TABLE, REPORT_DATES_TABLE } from './db';

const PREFIX = 'pmo_latest_reports_';
const VERSION = 'v6';
const TRIGGERS = ['link_ins', 'link_del', 'link_upd', 'report_upd', 'report_del'] as const;
/**
 * PostgreSQL's advisory locks taken before a recompute: the first key, and the second as the
 * project id modulo a number of buckets, so a statement touching every project takes at most
 * that many locks (each lock holds a slot of the shared lock table until the transaction ends).
 */
const LOCK_KEY = 7318;
const LOCK_BUCKETS = 64;

const T = LATEST_REPORTS_TABLE;
const D = REPORT_DATES_TABLE;
const q = (identifier: string) => `"${identifier}"`;
const triggerName = (name: string) => `${PREFIX}${VERSION}_${name}`;

type Names = { reports: string; asOf: string; rag: string; link: string; owner: string; target: string };

function namesOf(strapi: Core.Strapi): Names {
  const report = columnsOf(strapi, STATUS_REPORT_UID);
  const link = report.link('project');
  return { reports: q(report.table), asOf: q(report.column('asOf')), rag: q(report.column('ragOverall')), link: q(link.table), owner: q(link.owner), target: q(link.target) };
}

/**
 * The latest report of each project a subquery names (all projects when none), ranked from the
 * report dates just brought up to date (so each recompute joins the reports once):
 * `project_id`, `report_id`, `as_of`, `rag_overall`.
 */
function latest(projects?: string): string {
  return `SELECT r.project_id, r.report_id, r.as_of, r.rag_overall FROM (
      SELECT d.project_id, d.report_id, d.as_of, d.rag_overall,
        ROW_NUMBER() OVER (PARTITION BY d.project_id ORDER BY d.as_of DESC, d.report_id DESC) AS rn
      FROM ${D} d ${projects ? `WHERE d.project_id IN (${projects})` : ''}
    ) r WHERE r.rn = 1`;
}

/** Every report of each project a subquery names (all projects when none): `project_id`, `report_id`, `as_of`, `rag_overall`. */
function dates(n: Names, projects?: string): string {
  return `SELECT l.${n.target}, s.id, s.${n.asOf}, s.${n.rag} FROM ${n.link} l JOIN ${n.reports} s ON s.id = l.${n.owner}
    WHERE l.${n.target} IS NOT NULL${projects ? ` AND l.${n.target} IN (${projects})` : ''}`;
}

/** The statements that bring the projects a subquery names up to date: their report dates, then their latest. */
function recompute(n: Names, projects: string): string[] {
  return [
    `DELETE FROM ${D} WHERE project_id IN (${projects})`,
    `INSERT INTO ${D} (project_id, report_id, as_of, rag_overall) ${dates(n, projects)}`,
    `INSERT INTO ${T} (project_id, report_id, as_of, rag_overall) ${latest(projects)}
     ON CONFLICT (project_id) DO UPDATE SET report_id = excluded.report_id, as_of = excluded.as_of, rag_overall = excluded.rag_overall`,
    `DELETE FROM ${T} WHERE project_id IN (${projects}) AND NOT EXISTS (SELECT 1 FROM ${D} d WHERE d.project_id = ${T}.project_id)`,
  ];
}

const rebuild = (n: Names) => [
  `DELETE FROM ${D}`,
  `INSERT INTO ${D} (project_id, report_id, as_of, rag_overall) ${dates(n)}`,
  `DELETE FROM ${T}`,
  `INSERT INTO ${T} (project_id, report_id, as_of, rag_overall) ${latest()}`,
];

function postgresTriggers(n: Names): string[] {
  /** Link rows whose report or project changed (Strapi also updates their order columns). */
  const moved = `FROM old_rows o JOIN new_rows r ON r.id = o.id WHERE o.${n.owner} IS DISTINCT FROM r.${n.owner} OR o.${n.target} IS DISTINCT FROM r.${n.target}`;
  const touched: Record<(typeof TRIGGERS)[number], string> = {
    link_ins: `SELECT ${n.target} FROM new_rows`,
    link_del: `SELECT ${n.target} FROM old_rows`,
    link_upd: `SELECT o.${n.target} ${moved} UNION SELECT r.${n.target} ${moved}`,
    report_upd: `SELECT l.${n.target} FROM old_rows o JOIN new_rows r ON r.id = o.id JOIN ${n.link} l ON l.${n.owner} = r.id
      WHERE o.${n.asOf} IS DISTINCT FROM r.${n.asOf} OR o.${n.rag} IS DISTINCT FROM r.${n.rag}`,
    report_del: `SELECT project_id FROM ${D} WHERE report_id IN (SELECT id FROM old_rows)`,
  };
  // The projects touched are gathered once, into an array, before anything else: a bulk update
  // of every report is then one lock pass and one ranking over their reports, not a join of the
  // transition tables repeated in each statement.
  const fn = (name: string, projects: string) =>
    `CREATE OR REPLACE FUNCTION ${triggerName(name)}() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE ids integer[];
     BEGIN
       SELECT array_agg(DISTINCT t.p) INTO ids FROM (${projects}) AS t(p) WHERE t.p IS NOT NULL;
       IF ids IS NULL THEN RETURN NULL; END IF;
       PERFORM pg_advisory_xact_lock(${LOCK_KEY}, k.b) FROM (SELECT DISTINCT x % ${LOCK_BUCKETS} AS b FROM unnest(ids) AS x ORDER BY 1) AS k;
       ${recompute(n, 'SELECT unnest(ids)').join(';\n')};
       RETURN NULL;
     END $$`;
  const statement = (name: (typeof TRIGGERS)[number], event: string, table: string, referencing: string) => [
    fn(name, touched[name]),
    `DROP TRIGGER IF EXISTS ${triggerName(name)} ON ${table}`,
    `CREATE TRIGGER ${triggerName(name)} AFTER ${event} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${triggerName(name)}()`,
  ];
  return [
    ...statement('link_ins', 'INSERT', n.link, 'NEW TABLE AS new_rows'),
    ...statement('link_del', 'DELETE', n.link, 'OLD TABLE AS old_rows'),
    ...statement('link_upd', 'UPDATE', n.link, 'OLD TABLE AS old_rows NEW TABLE AS new_rows'),
    ...statement('report_upd', 'UPDATE', n.reports, 'OLD TABLE AS old_rows NEW TABLE AS new_rows'),
    ...statement('report_del', 'DELETE', n.reports, 'OLD TABLE AS old_rows'),
    `CREATE OR REPLACE FUNCTION ${triggerName('clear')}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM ${T}; DELETE FROM ${D}; RETURN NULL; END $$`,
    ...[n.link, n.reports].flatMap((table, i) => [
      `DROP TRIGGER IF EXISTS ${triggerName(`clear${i}`)} ON ${table}`,
      `CREATE TRIGGER ${triggerName(`clear${i}`)} AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${triggerName('clear')}()`,
    ]),
  ];
}

function sqliteTriggers(n: Names): string[] {
  const trigger = (name: string, event: string, projects: string[], when?: string) =>
    `CREATE TRIGGER IF NOT EXISTS ${triggerName(name)} ${event} FOR EACH ROW ${when ? `WHEN ${when} ` : ''}BEGIN ${projects
      .flatMap((list) => recompute(n, list))
      .map((s) => `${s};`)
      .join(' ')} END`;
  return [
    trigger('link_ins', `AFTER INSERT ON ${n.link}`, [`NEW.${n.target}`]),
    trigger('link_del', `AFTER DELETE ON ${n.link}`, [`OLD.${n.target}`]),
    trigger('link_upd', `AFTER UPDATE OF ${n.owner}, ${n.target} ON ${n.link}`, [`OLD.${n.target}`, `NEW.${n.target}`],
      `OLD.${n.owner} IS NOT NEW.${n.owner} OR OLD.${n.target} IS NOT NEW.${n.target}`),
    trigger('report_upd', `AFTER UPDATE OF ${n.asOf}, ${n.rag} ON ${n.reports}`, [`SELECT l.${n.target} FROM ${n.link} l WHERE l.${n.owner} = NEW.id`],
      `OLD.${n.asOf} IS NOT NEW.${n.asOf} OR OLD.${n.rag} IS NOT NEW.${n.rag}`),
    // Its projects by its links (still there unless their delete already recomputed them): a
    // lookup in the report dates would find nothing once the first statement rewrote them.
    trigger('report_del', `AFTER DELETE ON ${n.reports}`, [`SELECT l.${n.target} FROM ${n.link} l WHERE l.${n.owner} = OLD.id`]),
  ];
}

/**
 * Creates the table and its triggers when a trigger of this version (or the table) is missing,
 * and fills the table, in one transaction, writers waiting: the table is derived, so it is made
 * anew with the triggers (an upgrade may change its columns).
 */
export async function ensureLatestReports(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection as unknown as Knex;
  const postgres = strapi.db.dialect.client === 'postgres';
  const n = namesOf(strapi);
  const installed = await installedTriggers(knex, postgres, PREFIX);
  const wanted = [...TRIGGERS, ...(postgres ? ['clear0', 'clear1'] : [])].map(triggerName);
  if (wanted.every((name) => installed.includes(name)) && (await knex.schema.hasTable(T)) && (await knex.schema.hasTable(D))) return;

  const started = Date.now();
  await knex.transaction(async (trx) => {
    if (postgres) {
      await trx.raw(`LOCK TABLE ${n.reports}, ${n.link} IN SHARE ROW EXCLUSIVE MODE`);
      for (const name of installed) {
        for (const table of [n.reports, n.link]) await trx.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
      }
      // Then their functions (clear0 and clear1 run one, `clear`).
      for (const name of new Set(installed.map((name) => name.replace(/clear\d$/, 'clear')))) await trx.raw(`DROP FUNCTION IF EXISTS ${name}()`);
    } else {
      for (const name of installed) await trx.raw(`DROP TRIGGER IF EXISTS ${name}`);
    }
    await trx.schema.dropTableIfExists(T);
    await trx.schema.dropTableIfExists(D);
    await trx.schema.createTable(T, (table) => {
      table.integer('project_id').notNullable().primary();
      table.integer('report_id').notNullable();
      table.date('as_of').nullable();
      table.string('rag_overall', 16).nullable();
      // The board filters by RAG.
      table.index(['rag_overall'], `${T}_rag_idx`);
    });
    await trx.schema.createTable(D, (table) => {
      table.integer('project_id').notNullable();
      table.integer('report_id').notNullable();
      table.date('as_of').nullable();
      table.string('rag_overall', 16).nullable();
      // "Latest on or before a day" is one probe per project; a report deleted finds its projects.
      table.index(['project_id', 'as_of', 'report_id'], `${D}_probe_idx`);
      table.index(['report_id'], `${D}_report_idx`);
    });
    for (const statement of postgres ? postgresTriggers(n) : sqliteTriggers(n)) await trx.raw(statement);
    for (const statement of rebuild(n)) await trx.raw(statement);
    // The planner's figures for the new table (a board filter joins it at once).
    if (postgres) await trx.raw(`ANALYZE ${T}, ${D}`);
  });
  strapi.log.info(`PMO Hub found each project's latest status report in ${Date.now() - started} ms`);
}

/** The whole table recomputed, writers waiting: after data loaded with the triggers off (bench/seed-scale). */
export async function rebuildLatestReports(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection as unknown as Knex;
  const n = namesOf(strapi);
  await knex.transaction(async (trx) => {
    if (strapi.db.dialect.client === 'postgres') await trx.raw(`LOCK TABLE ${n.reports}, ${n.link} IN SHARE ROW EXCLUSIVE MODE`);
    for (const statement of rebuild(n)) await trx.raw(statement);
  });
}

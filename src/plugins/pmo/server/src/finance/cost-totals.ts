/**
 * Cost totals: each project's cost entries summed per month and per day, kept exact by database
 * triggers in the transaction of every write, so roll-ups read totals instead of every entry.
 *
 * `pmo_cost_totals` (finance's own table, not a content type: Strapi leaves tables it does not
 * know alone, and it is in no Content Manager) holds one row per project, span (`m` month, `d`
 * day, `t` the project's whole total) and period (`YYYY-MM`, `YYYY-MM-DD`, or empty for the
 * total): the entries' count and their amounts as two
 * integer parts (money-sql.ts highPart/lowPart), so adding to a total never overflows on SQLite
 * (whose integer `+` turns to a double past 2^63) and reading it back with `sumParts` is exact.
 *
 * Why triggers: a cost entry counts for a project through two tables, the entry's row (date,
 * amount) and its link row to the project; writes reach them from the Document Service, the
 * Content Manager, a project's delete, FK cascades, imports and raw SQL. Triggers on both tables
 * see every one of them, inside the writing statement's transaction, so a total can never differ
 * from the bare sum it stands for (tests/api/finance-cost-totals.test.ts checks it after random
 * writes). Cost entries have no draft & publish: every row counts, as in the bare sum.
 *
 * - a link inserted, deleted or moved to another project adds or takes away its entry;
 * - an entry's date or amount changed moves its old value out and the new one in, per link;
 * - an entry deleted takes itself away while its links are still there (BEFORE DELETE, per row):
 *   on SQLite by deleting its links first; on PostgreSQL by noting what it counted for, taken off
 *   the totals once at the end of the statement. The links' delete, by Strapi or the FK
 *   cascade, then finds no entry and takes nothing away twice;
 * - TRUNCATE (PostgreSQL) empties the totals.
 *
 * PostgreSQL runs one statement-level trigger per event over its transition tables (one grouped
 * upsert per statement: a bulk insert of 5,000 links is one upsert); SQLite runs row triggers.
 * Concurrent writers on PostgreSQL meet on the totals' row locks (`ON CONFLICT DO UPDATE`), so
 * their additions commute; SQLite has one writer.
 *
 * `ensureCostTotals` (finance's bootstrap, under the start-up lock) creates what is missing and,
 * when any trigger of this version was missing (first start, an upgrade, SQLite rebuilding a
 * table), recomputes every total from the entries in the same transaction, the two tables locked
 * against writes meanwhile: idempotent, and exact even if another instance was writing.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { COST_ENTRY_UID } from '../../../shared/contracts/uids';
import { formatIsoDate, type CalendarDate } from '../platform/dates';
import { columnsOf, installedTriggers } from '../platform/db';
import { highPart, lowPart, negatedParts } from '../platform/money-sql';

export const COST_TOTALS_TABLE = 'pmo_cost_totals';
/** PostgreSQL: what the entries a statement deletes counted for, until the statement's end (entry_del). */
const GONE = 'pmo_cost_totals_gone';
/** Every trigger's name starts so; the version changes when their SQL does (a start then reinstalls and recomputes). */
const PREFIX = 'pmo_cost_totals_';
const VERSION = 'v2';
const TRIGGERS = ['link_ins', 'link_del', 'link_upd', 'entry_upd', 'entry_del'] as const;

const T = COST_TOTALS_TABLE;
const q = (identifier: string) => `"${identifier}"`;

type Names = { entries: string; date: string; amount: string; link: string; owner: string; target: string };

function namesOf(strapi: Core.Strapi): Names {
  const entry = columnsOf(strapi, COST_ENTRY_UID);
  const link = entry.link('project');
  return { entries: q(entry.table), date: q(entry.column('date')), amount: q(entry.column('amount')), link: q(link.table), owner: q(link.owner), target: q(link.target) };
}

const triggerName = (name: string) => `${PREFIX}${VERSION}_${name}`;

/**
 * The grouped change to the totals from a source of `(project_id, day, amount, sign)` rows (day
 * as `YYYY-MM-DD` text): each row counts in its month, in its day and in its project's total.
 */
function delta(source: string): string {
  return `SELECT s.project_id, k.span, substr(s.day, 1, k.len) AS period,
      SUM(s.sign * ${highPart('s.amount')}) AS amount_high, SUM(s.sign * ${lowPart('s.amount')}) AS amount_low, SUM(s.sign) AS entries
    FROM (${source}) s CROSS JOIN (SELECT 'm' AS span, 7 AS len UNION ALL SELECT 'd', 10 UNION ALL SELECT 't', 0) k
    WHERE s.project_id IS NOT NULL AND s.day IS NOT NULL AND s.amount IS NOT NULL
    GROUP BY s.project_id, k.span, substr(s.day, 1, k.len)`;
}

/** Adds a source's change to the totals. */
const upsert = (source: string) => `INSERT INTO ${T} (project_id, span, period, amount_high, amount_low, entries)
  ${delta(source)}
  ON CONFLICT (span, project_id, period) DO UPDATE SET amount_high = ${T}.amount_high + excluded.amount_high,
    amount_low = ${T}.amount_low + excluded.amount_low, entries = ${T}.entries + excluded.entries`;

/** Drops the totals left with no entry, of the projects a subquery names. */
const prune = (projects: string) => `DELETE FROM ${T} WHERE project_id IN (${projects}) AND entries = 0`;

/** Every total recomputed from the entries: the backfill. */
const rebuild = (n: Names, day: (column: string) => string) => [
  `DELETE FROM ${T}`,
  `INSERT INTO ${T} (project_id, span, period, amount_high, amount_low, entries)
   ${delta(`SELECT l.${n.target} AS project_id, ${day(`c.${n.date}`)} AS day, c.${n.amount} AS amount, 1 AS sign
     FROM ${n.entries} c JOIN ${n.link} l ON l.${n.owner} = c.id`)}`,
];

/** The rebuild in the dialect's words for a date's `YYYY-MM-DD`. */
const rebuildFor = (n: Names, postgres: boolean) => rebuild(n, postgres ? (c) => `to_char(${c}, 'YYYY-MM-DD')` : (c) => `substr(${c}, 1, 10)`);

function postgresTriggers(n: Names): string[] {
  const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
  const links = (table: string, sign: number) =>
    `SELECT x.${n.target} AS project_id, ${day(`c.${n.date}`)} AS day, c.${n.amount} AS amount, ${sign} AS sign
     FROM ${table} x JOIN ${n.entries} c ON c.id = x.${n.owner}`;
  // Links whose entry or project changed (Strapi also updates their order columns).
  const moved = (side: 'old_rows' | 'new_rows') => `(SELECT ${side === 'old_rows' ? 'o' : 'r'}.* FROM old_rows o JOIN new_rows r ON r.id = o.id
     WHERE o.${n.owner} IS DISTINCT FROM r.${n.owner} OR o.${n.target} IS DISTINCT FROM r.${n.target})`;
  const changed = `FROM old_rows o JOIN new_rows r ON r.id = o.id
     WHERE o.${n.date} IS DISTINCT FROM r.${n.date} OR o.${n.amount} IS DISTINCT FROM r.${n.amount}`;
  const entries = `SELECT l.${n.target} AS project_id, ${day('x.date')} AS day, x.amount, x.sign FROM (
       SELECT o.id, o.${n.date} AS date, o.${n.amount} AS amount, -1 AS sign ${changed}
       UNION ALL SELECT r.id, r.${n.date}, r.${n.amount}, 1 ${changed}
     ) x JOIN ${n.link} l ON l.${n.owner} = x.id`;
  /** Nothing to do when no row of the transition table names an entry that is still there (a cascade after entry_del). */
  const unlessEntries = (rows: string) =>
    `IF NOT EXISTS (SELECT 1 FROM ${rows} x JOIN ${n.entries} c ON c.id = x.${n.owner}) THEN RETURN NULL; END IF`;
  const fn = (name: string, body: string, returns = 'NULL') =>
    `CREATE OR REPLACE FUNCTION ${triggerName(name)}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body}; RETURN ${returns}; END $$`;
  const statement = (name: string, event: string, table: string, referencing: string) => [
    `DROP TRIGGER IF EXISTS ${triggerName(name)} ON ${table}`,
    `CREATE TRIGGER ${triggerName(name)} AFTER ${event} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${triggerName(name)}()`,
  ];
  return [
    fn('link_ins', upsert(links('new_rows', 1))),
    fn('link_del', `${unlessEntries('old_rows')}; ${upsert(links('old_rows', -1))}; ${prune(`SELECT ${n.target} FROM old_rows`)}`),
    fn('link_upd', `${upsert(`${links(moved('old_rows'), -1)} UNION ALL ${links(moved('new_rows'), 1)}`)}; ${prune(`SELECT ${n.target} FROM old_rows`)}`),
    fn('entry_upd', `${upsert(entries)}; ${prune(`SELECT l.${n.target} FROM new_rows r JOIN ${n.link} l ON l.${n.owner} = r.id`)}`),
    // Per row, before it goes, while its links are there: what it counted for, noted for this
    // transaction (an insert: no total row updated once per entry, which PostgreSQL would make
    // quadratic within one transaction); entry_gone then takes the notes off once per statement.
    fn('entry_del', `INSERT INTO ${GONE} (tx, project_id, day, amount)
       SELECT txid_current(), l.${n.target}, ${day(`OLD.${n.date}`)}, OLD.${n.amount} FROM ${n.link} l WHERE l.${n.owner} = OLD.id`, 'OLD'),
    fn('entry_gone', `${upsert(`SELECT project_id, day, amount, -1 AS sign FROM ${GONE} WHERE tx = txid_current()`)};
       ${prune(`SELECT project_id FROM ${GONE} WHERE tx = txid_current()`)}; DELETE FROM ${GONE} WHERE tx = txid_current()`),
    fn('clear', `DELETE FROM ${T}`),
    ...statement('link_ins', 'INSERT', n.link, 'NEW TABLE AS new_rows'),
    ...statement('link_del', 'DELETE', n.link, 'OLD TABLE AS old_rows'),
    ...statement('link_upd', 'UPDATE', n.link, 'OLD TABLE AS old_rows NEW TABLE AS new_rows'),
    ...statement('entry_upd', 'UPDATE', n.entries, 'OLD TABLE AS old_rows NEW TABLE AS new_rows'),
    `DROP TRIGGER IF EXISTS ${triggerName('entry_del')} ON ${n.entries}`,
    `CREATE TRIGGER ${triggerName('entry_del')} BEFORE DELETE ON ${n.entries} FOR EACH ROW EXECUTE FUNCTION ${triggerName('entry_del')}()`,
    `DROP TRIGGER IF EXISTS ${triggerName('entry_gone')} ON ${n.entries}`,
    `CREATE TRIGGER ${triggerName('entry_gone')} AFTER DELETE ON ${n.entries} FOR EACH STATEMENT EXECUTE FUNCTION ${triggerName('entry_gone')}()`,
    ...[n.link, n.entries].flatMap((table, i) => [
      `DROP TRIGGER IF EXISTS ${triggerName(`clear${i}`)} ON ${table}`,
      `CREATE TRIGGER ${triggerName(`clear${i}`)} AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${triggerName('clear')}()`,
    ]),
  ];
}

function sqliteTriggers(n: Names): string[] {
  const day = (column: string) => `substr(${column}, 1, 10)`;
  const link = (row: 'NEW' | 'OLD', sign: number) =>
    `SELECT ${row}.${n.target} AS project_id, ${day(`c.${n.date}`)} AS day, c.${n.amount} AS amount, ${sign} AS sign
     FROM ${n.entries} c WHERE c.id = ${row}.${n.owner}`;
  const entry = (row: 'NEW' | 'OLD', sign: number) =>
    `SELECT l.${n.target} AS project_id, ${day(`${row}.${n.date}`)} AS day, ${row}.${n.amount} AS amount, ${sign} AS sign
     FROM ${n.link} l WHERE l.${n.owner} = ${row}.id`;
  const trigger = (name: string, event: string, body: string[], when?: string) =>
    `CREATE TRIGGER IF NOT EXISTS ${triggerName(name)} ${event} FOR EACH ROW ${when ? `WHEN ${when} ` : ''}BEGIN ${body.map((s) => `${s};`).join(' ')} END`;
  const differ = (a: string, b: string) => `OLD.${a} IS NOT NEW.${a} OR OLD.${b} IS NOT NEW.${b}`;
  return [
    trigger('link_ins', `AFTER INSERT ON ${n.link}`, [upsert(link('NEW', 1))]),
    trigger('link_del', `AFTER DELETE ON ${n.link}`, [upsert(link('OLD', -1)), prune(`OLD.${n.target}`)]),
    trigger('link_upd', `AFTER UPDATE OF ${n.owner}, ${n.target} ON ${n.link}`, [upsert(link('OLD', -1)), upsert(link('NEW', 1)), prune(`OLD.${n.target}`)], differ(n.owner, n.target)),
    trigger(
      'entry_upd',
      `AFTER UPDATE OF ${n.date}, ${n.amount} ON ${n.entries}`,
      [upsert(entry('OLD', -1)), upsert(entry('NEW', 1)), prune(`SELECT l.${n.target} FROM ${n.link} l WHERE l.${n.owner} = NEW.id`)],
      differ(n.date, n.amount)
    ),
    trigger('entry_del', `BEFORE DELETE ON ${n.entries}`, [`DELETE FROM ${n.link} WHERE ${n.owner} = OLD.id`]),
  ];
}

/** Creates the totals table, its indexes and triggers where missing; recomputes the totals when a trigger was. */
export async function ensureCostTotals(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection as unknown as Knex;
  const postgres = strapi.db.dialect.client === 'postgres';
  const n = namesOf(strapi);
  if (!(await knex.schema.hasTable(T))) {
    await knex.schema.createTable(T, (table) => {
      table.integer('project_id').notNullable();
      table.string('span', 1).notNullable();
      table.string('period', 10).notNullable();
      table.bigInteger('amount_high').notNullable();
      table.bigInteger('amount_low').notNullable();
      table.integer('entries').notNullable();
      table.primary(['span', 'project_id', 'period']);
      // A portfolio reads whole months (or one month's days) of many projects: by period first.
      table.index(['span', 'period'], `${T}_period_idx`);
    });
  }
  if (postgres) {
    await knex.raw(`CREATE UNLOGGED TABLE IF NOT EXISTS ${GONE} (tx bigint NOT NULL, project_id integer, day text, amount bigint)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${GONE}_tx_idx ON ${GONE} (tx)`);
  }
  const installed = await installedTriggers(knex, postgres, PREFIX);
  const wanted = [...TRIGGERS, ...(postgres ? ['entry_gone'] : [])].map(triggerName);
  if (wanted.every((name) => installed.includes(name))) return;

  const started = Date.now();
  await knex.transaction(async (trx) => {
    if (postgres) {
      // Writers wait (SHARE ROW EXCLUSIVE) until the triggers are in and the totals recomputed.
      await trx.raw(`LOCK TABLE ${n.entries}, ${n.link} IN SHARE ROW EXCLUSIVE MODE`);
      for (const name of installed.filter((name) => !name.startsWith(`${PREFIX}${VERSION}_`))) {
        for (const table of [n.entries, n.link]) await trx.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
      }
      for (const statement of postgresTriggers(n)) await trx.raw(statement);
      for (const statement of rebuildFor(n, true)) await trx.raw(statement);
    } else {
      for (const name of installed) await trx.raw(`DROP TRIGGER IF EXISTS ${name}`);
      for (const statement of sqliteTriggers(n)) await trx.raw(statement);
      for (const statement of rebuildFor(n, false)) await trx.raw(statement);
    }
  });
  strapi.log.info(`PMO Hub computed the cost totals from the cost entries in ${Date.now() - started} ms`);
}

/**
 * Every total recomputed from the entries, in one transaction, writers waiting: for data written
 * with the triggers off (bench/seed-scale loads with `session_replication_role = replica`).
 */
export async function rebuildCostTotals(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection as unknown as Knex;
  const postgres = strapi.db.dialect.client === 'postgres';
  const n = namesOf(strapi);
  await knex.transaction(async (trx) => {
    if (postgres) await trx.raw(`LOCK TABLE ${n.entries}, ${n.link} IN SHARE ROW EXCLUSIVE MODE`);
    for (const statement of rebuildFor(n, postgres)) await trx.raw(statement);
  });
}

/**
 * The cost of the projects `narrow` keeps, dated on or before asOf, as rows of `project_id`,
 * `month` (`YYYY-MM`), `amount_high` and `amount_low` to add up with sumParts: whole months before
 * asOf's month from the month totals, then asOf's month up to asOf from its day totals. At most
 * one row per project and month plus one per project and day of one month: what a roll-up reads
 * grows with the projects and months, not with the entries.
 */
export function costPartsUpTo(knex: Knex, asOf: CalendarDate, narrow: (query: Knex.QueryBuilder, projectColumn: string) => void): Knex.QueryBuilder {
  const day = formatIsoDate(asOf);
  const month = day.slice(0, 7);
  const parts = { project_id: 't.project_id', amount_high: 't.amount_high', amount_low: 't.amount_low' };
  const months = knex(`${T} as t`).where('t.span', 'm').where('t.period', '<', month).select(parts).select({ month: 't.period' });
  const days = knex(`${T} as t`).where('t.span', 'd').where('t.period', '>=', `${month}-01`).where('t.period', '<=', day);
  days.select(parts).select(knex.raw('substr(??, 1, 7) AS ??', ['t.period', 'month']));
  narrow(months, 't.project_id');
  narrow(days, 't.project_id');
  return months.unionAll(days);
}

/**
 * Each project's cost dated on or before asOf (of the projects `narrow` keeps), as rows of
 * `project_id`, `amount_high` and `amount_low` to add up with sumParts: the project's whole total,
 * less the months after asOf's month and the days of asOf's month after asOf (negated parts). What
 * it reads grows with the projects, not with their months: a cost is rarely dated ahead.
 */
export function costToDate(knex: Knex, asOf: CalendarDate, narrow: (query: Knex.QueryBuilder, projectColumn: string) => void): Knex.QueryBuilder {
  const day = formatIsoDate(asOf);
  const month = day.slice(0, 7);
  const less = negatedParts('t.amount_high', 't.amount_low');
  const total = knex(`${T} as t`).where('t.span', 't').select({ project_id: 't.project_id', amount_high: 't.amount_high', amount_low: 't.amount_low' });
  const taken = () => knex(`${T} as t`).select('t.project_id', knex.raw(`${less.high} AS amount_high`), knex.raw(`${less.low} AS amount_low`));
  const laterMonths = taken().where('t.span', 'm').where('t.period', '>', month);
  const laterDays = taken().where('t.span', 'd').where('t.period', '>', day).where('t.period', '<', `${month}-99`);
  for (const query of [total, laterMonths, laterDays]) narrow(query, 't.project_id');
  return total.unionAll([laterMonths, laterDays]);
}

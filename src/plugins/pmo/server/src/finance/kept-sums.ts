/**
 * Kept sums: the amounts of a dated content type (cost entries, budget lines) summed per project
 * and period, kept exact by database triggers in the transaction of every write, so roll-ups read
 * sums instead of every row. cost-totals.ts and budget-totals.ts each declare one (`SumsSpec`).
 *
 * A sums table (finance's own, not a content type: Strapi leaves tables it does not know alone,
 * and it is in no Content Manager) holds one row per project, span and period: a span is a
 * length of the row's `YYYY-MM-DD` date (`m` month: 7, `d` day: 10, `t` the project's whole
 * total: 0, period empty). Each row has the rows' count and their amounts as two integer parts
 * (money-sql.ts highPart/lowPart), so adding to a sum never overflows on SQLite (whose integer
 * `+` turns to a double past 2^63) and reading it back with `sumParts` is exact. A spec may count
 * only some rows (`include`: budget lines but management reserve, as BAC does).
 *
 * Why triggers: a row counts for a project through two tables, its own (date, amount) and its
 * link row to the project; writes reach them from the Document Service, the Content Manager, a
 * project's delete, FK cascades, imports and raw SQL. Triggers on both tables see every one of
 * them, inside the writing statement's transaction, so a sum can never differ from the bare sum
 * it stands for (tests/api/finance-cost-totals.test.ts and finance-budget-totals.test.ts check it
 * after random writes). These types have no draft & publish: every row counts, as in the bare sum.
 *
 * - a link inserted, deleted or moved to another project adds or takes away its row;
 * - a row's date, amount (or what `include` reads) changed moves its old value out and the new
 *   one in, per link;
 * - a row deleted takes itself away while its links are still there (BEFORE DELETE, per row): on
 *   SQLite by deleting its links first; on PostgreSQL by noting what it counted for, taken off the
 *   sums once at the end of the statement. The links' delete, by Strapi or the FK cascade, then
 *   finds no row and takes nothing away twice;
 * - TRUNCATE (PostgreSQL) empties the sums.
 *
 * PostgreSQL runs one statement-level trigger per event over its transition tables (one grouped
 * upsert per statement: a bulk insert of 5,000 links is one upsert); SQLite runs row triggers.
 * Concurrent writers on PostgreSQL meet on the sums' row locks (`ON CONFLICT DO UPDATE`), so
 * their additions commute; SQLite has one writer.
 *
 * `ensureKeptSums` (finance's bootstrap, under the start-up lock) creates what is missing and,
 * when any trigger of this version was missing (first start, an upgrade, SQLite rebuilding a
 * table), recomputes every sum from the rows in the same transaction, the two tables locked
 * against writes meanwhile: idempotent, and exact even if another instance was writing.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { columnsOf, installedTriggers } from '../platform/db';
import { highPart, lowPart } from '../platform/money-sql';

/** One kept sum: which rows, summed how, into which table. */
export type SumsSpec = {
  /** The sums table; its triggers' names start with `<table>_<version>_`. */
  table: string;
  /** Changes when the triggers' SQL or the spans do: a start then reinstalls and recomputes. */
  version: string;
  /** The content type summed, and its date, amount and project attributes. */
  uid: string;
  date: string;
  amount: string;
  project: string;
  /** Span name → how many characters of `YYYY-MM-DD` its period keeps. */
  spans: Record<string, number>;
  /** Only rows whose attribute is not this value count (`NOT (column = value)`: a row without one does not count either). */
  exclude?: { attribute: string; value: string };
  /** What the start-up log calls the sums. */
  words: string;
};

const TRIGGERS = ['link_ins', 'link_del', 'link_upd', 'entry_upd', 'entry_del'] as const;
const q = (identifier: string) => `"${identifier}"`;

type Names = {
  T: string;
  gone: string;
  entries: string;
  date: string;
  amount: string;
  link: string;
  owner: string;
  target: string;
  /** The columns whose change re-counts a row (date, amount and what `include` reads). */
  watched: string[];
  /** Whether a row (by alias) counts: SQL. */
  include: (alias: string) => string;
};

function namesOf(strapi: Core.Strapi, spec: SumsSpec): Names {
  const entry = columnsOf(strapi, spec.uid);
  const link = entry.link(spec.project);
  const excluded = spec.exclude && { column: q(entry.column(spec.exclude.attribute)), value: spec.exclude.value.replace(/'/g, "''") };
  const [date, amount] = [q(entry.column(spec.date)), q(entry.column(spec.amount))];
  return {
    T: spec.table,
    gone: `${spec.table}_gone`,
    entries: q(entry.table),
    date,
    amount,
    link: q(link.table),
    owner: q(link.owner),
    target: q(link.target),
    watched: [date, amount, ...(excluded ? [excluded.column] : [])],
    include: (alias) => (excluded ? `NOT (${alias}.${excluded.column} = '${excluded.value}')` : 'TRUE'),
  };
}

export function keptSums(spec: SumsSpec) {
  const prefix = `${spec.table}_`;
  const triggerName = (name: string) => `${prefix}${spec.version}_${name}`;
  const spans = Object.entries(spec.spans)
    .map(([span, length], i) => `${i ? 'UNION ALL ' : ''}SELECT '${span}'${i ? '' : ' AS span'}, ${length}${i ? '' : ' AS len'}`)
    .join(' ');

  /**
   * The grouped change to the sums from a source of `(project_id, day, amount, sign)` rows (day
   * as `YYYY-MM-DD` text): each row counts in each span's period.
   */
  const delta = (source: string) => `SELECT s.project_id, k.span, substr(s.day, 1, k.len) AS period,
      SUM(s.sign * ${highPart('s.amount')}) AS amount_high, SUM(s.sign * ${lowPart('s.amount')}) AS amount_low, SUM(s.sign) AS entries
    FROM (${source}) s CROSS JOIN (${spans}) k
    WHERE s.project_id IS NOT NULL AND s.day IS NOT NULL AND s.amount IS NOT NULL
    GROUP BY s.project_id, k.span, substr(s.day, 1, k.len)`;

  /** Adds a source's change to the sums. */
  const upsert = (n: Names, source: string) => `INSERT INTO ${n.T} (project_id, span, period, amount_high, amount_low, entries)
  ${delta(source)}
  ON CONFLICT (span, project_id, period) DO UPDATE SET amount_high = ${n.T}.amount_high + excluded.amount_high,
    amount_low = ${n.T}.amount_low + excluded.amount_low, entries = ${n.T}.entries + excluded.entries`;

  /** Drops the sums left with no row, of the projects a subquery names. */
  const prune = (n: Names, projects: string) => `DELETE FROM ${n.T} WHERE project_id IN (${projects}) AND entries = 0`;

  /** Every sum recomputed from the rows: the backfill, with the dialect's `YYYY-MM-DD` of a date. */
  const rebuild = (n: Names, postgres: boolean) => {
    const day = postgres ? (c: string) => `to_char(${c}, 'YYYY-MM-DD')` : (c: string) => `substr(${c}, 1, 10)`;
    return [
      `DELETE FROM ${n.T}`,
      upsert(n, `SELECT l.${n.target} AS project_id, ${day(`c.${n.date}`)} AS day, c.${n.amount} AS amount, 1 AS sign
        FROM ${n.entries} c JOIN ${n.link} l ON l.${n.owner} = c.id WHERE ${n.include('c')}`),
    ];
  };

  function postgresTriggers(n: Names): string[] {
    const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
    const links = (table: string, sign: number) =>
      `SELECT x.${n.target} AS project_id, ${day(`c.${n.date}`)} AS day, c.${n.amount} AS amount, ${sign} AS sign
       FROM ${table} x JOIN ${n.entries} c ON c.id = x.${n.owner} WHERE ${n.include('c')}`;
    // Links whose row or project changed (Strapi also updates their order columns).
    const moved = (side: 'old_rows' | 'new_rows') => `(SELECT ${side === 'old_rows' ? 'o' : 'r'}.* FROM old_rows o JOIN new_rows r ON r.id = o.id
       WHERE o.${n.owner} IS DISTINCT FROM r.${n.owner} OR o.${n.target} IS DISTINCT FROM r.${n.target})`;
    const changed = `FROM old_rows o JOIN new_rows r ON r.id = o.id WHERE (${n.watched.map((c) => `o.${c} IS DISTINCT FROM r.${c}`).join(' OR ')})`;
    const entries = `SELECT l.${n.target} AS project_id, ${day('x.date')} AS day, x.amount, x.sign FROM (
         SELECT o.id, o.${n.date} AS date, o.${n.amount} AS amount, -1 AS sign ${changed} AND ${n.include('o')}
         UNION ALL SELECT r.id, r.${n.date}, r.${n.amount}, 1 ${changed} AND ${n.include('r')}
       ) x JOIN ${n.link} l ON l.${n.owner} = x.id`;
    /** Nothing to do when no row of the transition table names a row that is still there (a cascade after entry_del). */
    const unlessEntries = (rows: string) =>
      `IF NOT EXISTS (SELECT 1 FROM ${rows} x JOIN ${n.entries} c ON c.id = x.${n.owner}) THEN RETURN NULL; END IF`;
    const fn = (name: string, body: string, returns = 'NULL') =>
      `CREATE OR REPLACE FUNCTION ${triggerName(name)}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body}; RETURN ${returns}; END $$`;
    const statement = (name: string, event: string, table: string, referencing: string) => [
      `DROP TRIGGER IF EXISTS ${triggerName(name)} ON ${table}`,
      `CREATE TRIGGER ${triggerName(name)} AFTER ${event} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${triggerName(name)}()`,
    ];
    return [
      fn('link_ins', upsert(n, links('new_rows', 1))),
      fn('link_del', `${unlessEntries('old_rows')}; ${upsert(n, links('old_rows', -1))}; ${prune(n, `SELECT ${n.target} FROM old_rows`)}`),
      fn('link_upd', `${upsert(n, `${links(moved('old_rows'), -1)} UNION ALL ${links(moved('new_rows'), 1)}`)}; ${prune(n, `SELECT ${n.target} FROM old_rows`)}`),
      fn('entry_upd', `${upsert(n, entries)}; ${prune(n, `SELECT l.${n.target} FROM new_rows r JOIN ${n.link} l ON l.${n.owner} = r.id`)}`),
      // Per row, before it goes, while its links are there: what it counted for, noted for this
      // transaction (an insert: no sum row updated once per row, which PostgreSQL would make
      // quadratic within one transaction); entry_gone then takes the notes off once per statement.
      fn('entry_del', `INSERT INTO ${n.gone} (tx, project_id, day, amount)
         SELECT txid_current(), l.${n.target}, ${day(`OLD.${n.date}`)}, OLD.${n.amount} FROM ${n.link} l WHERE l.${n.owner} = OLD.id AND ${n.include('OLD')}`, 'OLD'),
      fn('entry_gone', `${upsert(n, `SELECT project_id, day, amount, -1 AS sign FROM ${n.gone} WHERE tx = txid_current()`)};
         ${prune(n, `SELECT project_id FROM ${n.gone} WHERE tx = txid_current()`)}; DELETE FROM ${n.gone} WHERE tx = txid_current()`),
      fn('clear', `DELETE FROM ${n.T}`),
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
       FROM ${n.entries} c WHERE c.id = ${row}.${n.owner} AND ${n.include('c')}`;
    const entry = (row: 'NEW' | 'OLD', sign: number) =>
      `SELECT l.${n.target} AS project_id, ${day(`${row}.${n.date}`)} AS day, ${row}.${n.amount} AS amount, ${sign} AS sign
       FROM ${n.link} l WHERE l.${n.owner} = ${row}.id AND ${n.include(row)}`;
    const trigger = (name: string, event: string, body: string[], when?: string) =>
      `CREATE TRIGGER IF NOT EXISTS ${triggerName(name)} ${event} FOR EACH ROW ${when ? `WHEN ${when} ` : ''}BEGIN ${body.map((s) => `${s};`).join(' ')} END`;
    const differ = (columns: string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
    return [
      trigger('link_ins', `AFTER INSERT ON ${n.link}`, [upsert(n, link('NEW', 1))]),
      trigger('link_del', `AFTER DELETE ON ${n.link}`, [upsert(n, link('OLD', -1)), prune(n, `OLD.${n.target}`)]),
      trigger(
        'link_upd',
        `AFTER UPDATE OF ${n.owner}, ${n.target} ON ${n.link}`,
        [upsert(n, link('OLD', -1)), upsert(n, link('NEW', 1)), prune(n, `OLD.${n.target}`)],
        differ([n.owner, n.target])
      ),
      trigger(
        'entry_upd',
        `AFTER UPDATE OF ${n.watched.join(', ')} ON ${n.entries}`,
        [upsert(n, entry('OLD', -1)), upsert(n, entry('NEW', 1)), prune(n, `SELECT l.${n.target} FROM ${n.link} l WHERE l.${n.owner} = NEW.id`)],
        differ(n.watched)
      ),
      trigger('entry_del', `BEFORE DELETE ON ${n.entries}`, [`DELETE FROM ${n.link} WHERE ${n.owner} = OLD.id`]),
    ];
  }

  /** Creates the sums table, its indexes and triggers where missing; recomputes the sums when a trigger was. */
  async function ensure(strapi: Core.Strapi): Promise<void> {
    const knex = strapi.db.connection as unknown as Knex;
    const postgres = strapi.db.dialect.client === 'postgres';
    const n = namesOf(strapi, spec);
    if (!(await knex.schema.hasTable(n.T))) {
      await knex.schema.createTable(n.T, (table) => {
        table.integer('project_id').notNullable();
        table.string('span', 1).notNullable();
        table.string('period', 10).notNullable();
        table.bigInteger('amount_high').notNullable();
        table.bigInteger('amount_low').notNullable();
        table.integer('entries').notNullable();
        table.primary(['span', 'project_id', 'period']);
        // A portfolio reads whole months (or one month's days) of many projects: by period first.
        table.index(['span', 'period'], `${n.T}_period_idx`);
      });
    }
    if (postgres) {
      await knex.raw(`CREATE UNLOGGED TABLE IF NOT EXISTS ${n.gone} (tx bigint NOT NULL, project_id integer, day text, amount bigint)`);
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${n.gone}_tx_idx ON ${n.gone} (tx)`);
    }
    const installed = await installedTriggers(knex, postgres, prefix);
    const wanted = [...TRIGGERS, ...(postgres ? ['entry_gone'] : [])].map(triggerName);
    if (wanted.every((name) => installed.includes(name))) return;

    const started = Date.now();
    await knex.transaction(async (trx) => {
      if (postgres) {
        // Writers wait (SHARE ROW EXCLUSIVE) until the triggers are in and the sums recomputed.
        await trx.raw(`LOCK TABLE ${n.entries}, ${n.link} IN SHARE ROW EXCLUSIVE MODE`);
        for (const name of installed.filter((name) => !name.startsWith(`${prefix}${spec.version}_`))) {
          for (const table of [n.entries, n.link]) await trx.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
        }
        for (const statement of postgresTriggers(n)) await trx.raw(statement);
      } else {
        for (const name of installed) await trx.raw(`DROP TRIGGER IF EXISTS ${name}`);
        for (const statement of sqliteTriggers(n)) await trx.raw(statement);
      }
      for (const statement of rebuild(n, postgres)) await trx.raw(statement);
      // The planner's figures for the recomputed table (a roll-up joins it at once).
      if (postgres) await trx.raw(`ANALYZE ${n.T}`);
    });
    strapi.log.info(`PMO Hub computed the ${spec.words} in ${Date.now() - started} ms`);
  }

  /**
   * Every sum recomputed from the rows, in one transaction, writers waiting: for data written with
   * the triggers off (bench/seed-scale loads with `session_replication_role = replica`).
   */
  async function rebuildAll(strapi: Core.Strapi): Promise<void> {
    const knex = strapi.db.connection as unknown as Knex;
    const postgres = strapi.db.dialect.client === 'postgres';
    const n = namesOf(strapi, spec);
    await knex.transaction(async (trx) => {
      if (postgres) await trx.raw(`LOCK TABLE ${n.entries}, ${n.link} IN SHARE ROW EXCLUSIVE MODE`);
      for (const statement of rebuild(n, postgres)) await trx.raw(statement);
      if (postgres) await trx.raw(`ANALYZE ${n.T}`);
    });
  }

  return { ensure, rebuild: rebuildAll };
}

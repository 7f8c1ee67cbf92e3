/**
 * Every table of the worker's PostgreSQL database, each with its row count and a checksum of its
 * rows (md5 of the md5s of the rows as JSON, in order), so a suite can say that a run of requests
 * changed nothing, and if it did, which table.
 */
import { getStrapi } from '../helpers/strapi';

export type TableSums = Map<string, { rows: number; sum: string; hashes: string[] }>;

/**
 * Columns written by a request that changes nothing else: the API token's `last_used_at` (and with
 * it `updated_at`), set on every request it authenticates (Strapi's api-token strategy). Left out
 * of the checksum; the token's other columns, and the table's row count, are compared.
 */
const IGNORED_COLUMNS: Record<string, string[]> = {
  strapi_api_tokens: ['last_used_at', 'updated_at'],
};

/**
 * Rows written on a timer, whatever the requests: the upload plugin's weekly metrics schedule,
 * which each instance stores in the core store a few seconds after it starts.
 */
const IGNORED_ROWS: Record<string, string> = {
  strapi_core_store_settings: `key <> 'plugin_upload_metrics'`,
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export async function tableSums(): Promise<TableSums> {
  const knex = getStrapi().db.connection;
  const { rows: tables } = (await knex.raw(
    `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`
  )) as { rows: Array<{ name: string }> };
  const selects = tables.map(({ name }) => {
    const ignored = (IGNORED_COLUMNS[name] ?? []).map(literal).join(', ');
    const row = `md5((to_jsonb(t) - array[${ignored}]::text[])::text)`;
    return `select ${literal(name)} as name, count(*)::int as rows, coalesce(md5(string_agg(${row}, '' order by ${row})), '') as sum, coalesce(array_agg(${row}), '{}') as hashes from ${quote(name)} t where ${IGNORED_ROWS[name] ?? 'true'}`;
  });
  const { rows } = (await knex.raw(selects.join(' union all '))) as { rows: Array<{ name: string; rows: number; sum: string; hashes: string[] }> };
  return new Map(rows.map(({ name, rows: count, sum, hashes }) => [name, { rows: count, sum, hashes }]));
}

/** The rows of `table` that are not among `hashes` (as JSON, for a failure message). */
export async function rowsNotIn(table: string, hashes: string[]): Promise<string[]> {
  const ignored = (IGNORED_COLUMNS[table] ?? []).map(literal).join(', ');
  const { rows } = (await getStrapi().db.connection.raw(`select (to_jsonb(t) - array[${ignored}]::text[])::text as row from ${quote(table)} t where ${IGNORED_ROWS[table] ?? 'true'}`)) as { rows: Array<{ row: string }> };
  const known = new Set(hashes);
  const { createHash } = await import('node:crypto');
  return rows.map(({ row }) => row).filter((row) => !known.has(createHash('md5').update(row).digest('hex')));
}

/** What differs, one line per table: `pmo_change_requests: 3 rows → 4 rows`, `…: rows changed`. */
export function tableChanges(before: TableSums, after: TableSums): string[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((name) => {
    const was = before.get(name);
    const now = after.get(name);
    if (!was) return [`${name}: a new table`];
    if (!now) return [`${name}: table dropped`];
    if (was.rows !== now.rows) return [`${name}: ${was.rows} rows → ${now.rows} rows`];
    return was.sum === now.sum ? [] : [`${name}: ${was.rows} rows, contents changed`];
  });
}

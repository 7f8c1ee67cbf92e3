/**
 * The ways an export is written give the same bytes: on PostgreSQL the cost ledger and the
 * budget outline come from `COPY … TO STDOUT` (the injection rule and the money format in SQL,
 * PostgreSQL's quoting), on SQLite from lines SQLite half-builds (platform/csv-lines.ts),
 * elsewhere from the row writer (platform/csv.ts), which the service can be asked to use for
 * any report. Hostile text (formula
 * starts, quotes, delimiters, line breaks, tabs, unicode, control characters, empty and missing values) and money at
 * the edges (negative, a cent, ten trillion) go through both, with both delimiters.
 */
import { Readable } from 'stream';
import { readdirSync } from 'fs';
import { tmpdir } from 'os';
import { getStrapi } from '../helpers/strapi';
import { exportQuery, type ReportName } from '../../src/plugins/pmo/shared/contracts/finance';
import { financeService } from '../../src/plugins/pmo/server/src/finance/services';
import * as make from './finance-fixtures';

type Project = Awaited<ReturnType<typeof make.project>>;

const HOSTILE = [
  '=cmd|" /C calc"!A0',
  '+31 20 555 0100',
  '-INV-2',
  '@SUM(A1)',
  '\tTabbed',
  '\rCarriage',
  '\nNew line first',
  'Smith, Jones & "Partners"',
  'semi;colon',
  'line one\r\nline two',
  'lone\nLF and lone\rCR',
  '"',
  '""',
  ' leading and trailing space ',
  '\\.',
  'Ünïcødé € Ltd — 東京 🚀',
  "'already quoted",
  '',
  null,
  'unit\u001fseparator and \u001es record separator', // what SQLite's line path joins and escapes with
];
const AMOUNTS = ['-5000.00', '0.01', '-0.05', '0.00', '10000000000000.00', '-10000000000000.00', '1234.50', '99.99'];

let project: Project;
let other: Project;
let undated: { documentId: string };

beforeAll(async () => {
  const programme = await make.programme(undefined, 'Copy programme');
  project = await make.project(programme, 'Copy project');
  other = await make.project(undefined, 'Copy project without programme');
  let day = 1;
  for (const [i, supplier] of HOSTILE.entries()) {
    const reference = HOSTILE[(i + 5) % HOSTILE.length];
    const date = `2026-01-${String(day).padStart(2, '0')}`;
    day = (day % 28) + 1;
    await make.costEntry(i % 4 === 3 ? other : project, date, AMOUNTS[i % AMOUNTS.length], { supplier, reference });
  }
  // Entries in the months either side, so a ledger can be cut at a month; and one whose date
  // was emptied behind Strapi's back (a hostile database): it sorts first, on every path.
  for (const [i, date] of ['2025-12-30', '2025-12-31', '2026-02-01', '2026-02-01', '2026-03-15'].entries()) {
    await make.costEntry(i % 2 ? other : project, date, AMOUNTS[i], { supplier: HOSTILE[i + 7], reference: HOSTILE[(i + 11) % HOSTILE.length] });
  }
  undated = await make.costEntry(project, '2026-03-16', '12.34', { supplier: 'Undated, "Ltd"', reference: '=undated' });
  const strapi = getStrapi();
  await strapi.db.connection(strapi.db.metadata.get('api::cost-entry.cost-entry' as never).tableName).where({ document_id: undated.documentId }).update({ date: null });
  for (const [i, amount] of AMOUNTS.entries()) {
    await make.budgetLine(i % 2 ? other : project, `2026-0${(i % 3) + 1}-01`, ['labour', 'capex', 'change', 'management-reserve'][i % 4], amount);
  }
});

// Other files share this database: the hostile undated entry goes with this file.
afterAll(() => getStrapi().documents('api::cost-entry.cost-entry' as never).delete({ documentId: undated.documentId }));

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

async function exportBytes(report: ReportName, query: Record<string, string>, path?: 'rows'): Promise<Buffer> {
  return readAll(await openExport(report, query, { path }));
}

async function openExport(
  report: ReportName,
  query: Record<string, string>,
  options: { path?: 'rows'; mainThread?: boolean; workerFrom?: number; split?: { min: number; ringSlots?: number; batchSize?: number; spill?: boolean } }
): Promise<Readable> {
  const params = exportQuery[report].parse(query);
  return (await financeService(getStrapi(), 'exports').open(params, options)).stream;
}

/** Line workers running in the booted Strapi (its export service, not this file's copy of the module). */
const runningLineWorkers = () => financeService(getStrapi(), 'exports').lineWorkers();

/**
 * Opens an export, counts the line workers running once it is open, and reads it to the end (the
 * export holds SQLite's one connection until it is read): its text and that count.
 */
async function readCountingWorkers(report: ReportName, query: Record<string, string>, options: Parameters<typeof openExport>[2]) {
  const stream = await openExport(report, query, options);
  const workers = runningLineWorkers();
  return { workers, text: (await readAll(stream)).toString('utf8') };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as Readable) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Runs `work` while recording the SQL that SQLite's one pooled connection is asked to prepare. */
async function watchingPrepared<T>(work: () => Promise<T>): Promise<{ result: T; prepared: string[] }> {
  const knex = getStrapi().db.connection as any;
  const connection = await knex.client.acquireConnection();
  await knex.client.releaseConnection(connection);
  const prepare = connection.prepare;
  const prepared: string[] = [];
  connection.prepare = function (sql: string) {
    prepared.push(sql);
    return prepare.call(this, sql);
  };
  try {
    return { result: await work(), prepared };
  } finally {
    connection.prepare = prepare;
  }
}

/** Waits (up to a second) for every line worker to be ended. */
async function untilNoLineWorkers() {
  for (let wait = 0; wait < 50 && runningLineWorkers() > 0; wait += 1) await new Promise((resolve) => setTimeout(resolve, 20));
}

const codes = () => `${project.code},${other.code}`;

describe('the row writer writes the hostile cells as the contract says', () => {
  it('cost ledger: formula starts prefixed, quoting, empty for missing, money with two places', async () => {
    const text = (await exportBytes('cost-ledger', { from: '2026-01-01', to: '2026-01-31' }, 'rows')).toString('utf8');
    const mine = text.split('\r\n').filter((line) => line.includes(`,${project.code},`));
    expect(mine[0]).toBe(`2026-01-01,${project.code},opex,-5000.00,"'=cmd|"" /C calc""!A0","'\rCarriage"`);
    expect(mine[1]).toBe(`2026-01-02,${project.code},opex,0.01,'+31 20 555 0100,"'\nNew line first"`);
    expect(mine[2]).toBe(`2026-01-03,${project.code},opex,-0.05,'-INV-2,"Smith, Jones & ""Partners"""`);
    expect(text).toContain(`,10000000000000.00,`);
    expect(text).toContain(`,-10000000000000.00,`);
    expect(text).toContain(`,"""",`);
    expect(text).toContain(`,Ünïcødé € Ltd — 東京 🚀,`);
  });
});

const cases: Array<[ReportName, Record<string, string>]> = [
  ['cost-ledger', {}],
  ['cost-ledger', { delimiter: ';', bom: '1' }],
  ['cost-ledger', { from: '2026-01-03', to: '2026-01-20' }],
  ['budget-outline', {}],
  ['budget-outline', { delimiter: ';' }],
];

(onPostgres ? describe.skip : describe)('SQLite: the lines SQLite half-builds give the same bytes as the row writer', () => {
  it.each(cases)('written on the main thread: %s %j', async (report, query) => {
    const { workers, text } = await readCountingWorkers(report, query, { mainThread: true });
    expect(workers).toBe(0);
    const rows = await exportBytes(report, query, 'rows');
    expect(text).toContain(codes().split(',')[0]);
    expect(text).toBe(rows.toString('utf8'));
  });

  // A ledger is written on a worker only from 20,000 entries (exports.ts): here at any size.
  it.each(cases)('an export writes its lines on a worker thread, the same bytes: %s %j', async (report, query) => {
    const { workers, text } = await readCountingWorkers(report, query, { workerFrom: 0 });
    expect(workers).toBe(1);
    expect(text).toBe((await exportBytes(report, query, 'rows')).toString('utf8'));
    expect(runningLineWorkers()).toBe(0);
  });

  it.each(cases.filter(([report]) => report === 'cost-ledger'))(
    'a ledger too small to cut starts no worker: its lines are written on the main thread, the same bytes: %s %j',
    async (report, query) => {
      const { workers, text } = await readCountingWorkers(report, query, {});
      expect(workers).toBe(0);
      expect(text).toBe((await exportBytes(report, query, 'rows')).toString('utf8'));
    }
  );

  // The ledger is only cut from 20,000 rows (export-split.ts): here at any size.
  const split = { min: 0 };
  const ledgerCases = [...cases.filter(([report]) => report === 'cost-ledger'), ['cost-ledger', { project: 'OTHER' }] as [ReportName, Record<string, string>]];

  it.each(ledgerCases)('a ledger read in two parts at once, cut at a month, gives the same bytes: %s %j', async (report, given) => {
    const query = given.project === 'OTHER' ? { project: other.code } : given;
    const { result: read, prepared } = await watchingPrepared(() => readCountingWorkers(report, query, { split }));
    expect(read.workers).toBe(1);
    const { text } = read;
    const cut = !query.from; // a range within one month is not cut
    expect(text).toBe((await exportBytes(report, query, 'rows')).toString('utf8'));
    expect(runningLineWorkers()).toBe(0);
    // A worker that read its part to the end is kept for the next export.
    if (cut) expect(financeService(getStrapi(), 'exports').keptLineWorkers()).toBe(1);
    // The main thread read the part before the cut (undated entries with it); a worker the rest.
    const ownPart = prepared.filter((sql) => sql.includes('|| char(31) ||'));
    expect(ownPart).toHaveLength(1);
    expect(/ is null\)/i.test(ownPart[0])).toBe(cut);
    if (Object.keys(query).length === 0) {
      expect(text).toContain('\r\n,'); // the undated entry, first
      expect(text.indexOf('2025-12-30')).toBeLessThan(text.indexOf('2026-03-15'));
    }
  });

  // A second part longer than its ring: one slot, batches of two lines. While the response waits,
  // the worker puts its first batch in the slot and the rest in the spill file (or, with none,
  // waits for the slot to be taken).
  const outgrown = { min: 0, ringSlots: 1, batchSize: 2 };
  const spilled = () => financeService(getStrapi(), 'exports').spilledLineBatches();
  const whileTheResponseWaits = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('a second part longer than its ring goes on to a spill file, read back in order: the same bytes', async () => {
    const before = spilled();
    const stream = await openExport('cost-ledger', {}, { split: outgrown });
    await whileTheResponseWaits();
    const lines = await readAll(stream);
    expect(spilled()).toBeGreaterThan(before);
    expect(lines.toString('utf8')).toBe((await exportBytes('cost-ledger', {}, 'rows')).toString('utf8'));
    expect(runningLineWorkers()).toBe(0);
    // The spill file was unlinked as soon as it was opened: nothing is left in the temporary directory.
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('pmo-export-'))).toEqual([]);
  });

  it('with no spill file, a full ring holds the worker until the response takes a batch: the same bytes', async () => {
    const before = spilled();
    const stream = await openExport('cost-ledger', {}, { split: { ...outgrown, spill: false } });
    await whileTheResponseWaits();
    const lines = await readAll(stream);
    expect(spilled()).toBe(before);
    expect(lines.toString('utf8')).toBe((await exportBytes('cost-ledger', {}, 'rows')).toString('utf8'));
  });

  it.each([
    ['at once', split, false],
    ['while its worker waits for a full ring', { ...outgrown, spill: false }, true],
  ])('a ledger read in two parts and stopped early (%s) ends its worker, and the next export is whole', async (_, given, wait) => {
    const stream = await openExport('cost-ledger', {}, { split: given });
    try {
      expect(runningLineWorkers()).toBe(1);
      if (wait) await whileTheResponseWaits();
    } finally {
      stream.destroy();
    }
    await untilNoLineWorkers();
    expect(runningLineWorkers()).toBe(0);
    expect(financeService(getStrapi(), 'exports').openCursors()).toBe(0);
    // Stopped part way, its worker is ended, not kept with a part half read.
    expect(financeService(getStrapi(), 'exports').keptLineWorkers()).toBe(0);
    const next = await readAll(await openExport('cost-ledger', {}, { split: outgrown }));
    expect(next.toString('utf8')).toBe((await exportBytes('cost-ledger', {}, 'rows')).toString('utf8'));
  });

  it('a batch too long for its slot in the worker ring comes back as text, and the bytes are the same', async () => {
    // 600 entries of about 700 bytes each: a batch of 500 lines is about 350 KB, more than a
    // ring slot (128 KB, platform/csv-line-workers.ts), so it comes back as text; the last 100 fit.
    const long = await make.project(undefined, 'Copy project with long lines');
    const supplier = 'Ünïcødé € "Ltd", '.repeat(12).slice(0, 200);
    const reference = `=${'€'.repeat(119)}`;
    const created: { documentId: string }[] = [];
    try {
      for (let i = 0; i < 600; i += 20) {
        created.push(
          ...(await Promise.all(
            Array.from({ length: 20 }, (_, j) => make.costEntry(long, `2026-04-${String(((i + j) % 28) + 1).padStart(2, '0')}`, AMOUNTS[(i + j) % AMOUNTS.length], { supplier, reference }))
          ))
        );
      }
      const { workers, text } = await readCountingWorkers('cost-ledger', { project: long.code }, { workerFrom: 0 });
      expect(workers).toBe(1);
      expect(text.split('\r\n').filter((line) => line.includes(`,${long.code},`))).toHaveLength(600);
      expect(text).toBe((await exportBytes('cost-ledger', { project: long.code }, 'rows')).toString('utf8'));
    } finally {
      for (const entry of created) await getStrapi().documents('api::cost-entry.cost-entry' as never).delete({ documentId: entry.documentId });
    }
  });

  it('an export stopped early stops its worker thread', async () => {
    const stream = await openExport('cost-ledger', {}, { workerFrom: 0 });
    try {
      expect(runningLineWorkers()).toBe(1);
    } finally {
      stream.destroy();
    }
    await untilNoLineWorkers();
    expect(runningLineWorkers()).toBe(0);
  });

  it('an export reads one joined line per row, and leaves SQLite sorting on one thread after it', async () => {
    const knex = getStrapi().db.connection as any;
    // SQLite's pool has one connection: watch what it is asked to prepare.
    const { result: lines, prepared } = await watchingPrepared(() => exportBytes('cost-ledger', { project: project.code }));
    expect(lines.toString('utf8')).toBe((await exportBytes('cost-ledger', { project: project.code }, 'rows')).toString('utf8'));
    expect(prepared.filter((sql) => sql.includes('|| char(31) ||'))).toHaveLength(1);
    const threads = await knex.raw('PRAGMA threads');
    expect(threads[0].threads).toBe(0);
    const cache = await knex.raw('PRAGMA cache_size');
    expect(cache[0].cache_size).toBe(-16000); // better-sqlite3's own, put back after the export's smaller one
  });
});

(onPostgres ? describe : describe.skip)('PostgreSQL: COPY writes the same bytes as the row writer', () => {
  it.each(cases)('%s %j', async (report, query) => {
    const copy = await exportBytes(report, query);
    const rows = await exportBytes(report, query, 'rows');
    expect(copy.toString('utf8')).toContain(codes().split(',')[0]);
    expect(copy.equals(rows)).toBe(true);
    expect(copy.toString('utf8')).toBe(rows.toString('utf8')); // the difference, if any, in words
  });

  it("the export route takes the COPY path: the ledger of one project, hostile cells and all", async () => {
    const copy = await exportBytes('cost-ledger', { project: project.code });
    const rows = await exportBytes('cost-ledger', { project: project.code }, 'rows');
    expect(copy.toString('utf8')).toBe(rows.toString('utf8'));
    expect(copy.toString('utf8').split('\r\n').length).toBeGreaterThan(10);
  });
});

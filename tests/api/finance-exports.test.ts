/**
 * CSV exports over HTTP: every report's header and columns, RFC 4180 quoting through a parser,
 * the formula-injection rule, options, 400s naming the parameter, RBAC on the admin route,
 * the Content-API permission on the API-token route, backpressure (a client that stops reading
 * stops the export) and a disconnect stopping the query, as the database reports it.
 */
import http from 'http';
import { Readable } from 'stream';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { asRole, getStrapi, withApiToken, type Agent } from '../helpers/strapi';
import { parseCsv, parseCsvRecords } from './finance-csv-parse';
import * as make from './finance-fixtures';

const HEADERS = {
  'financial-summary': 'project_code,project_name,programme_code,currency,as_of,bac,pv,ev,ac,cv,sv,cpi,spi,eac,etc,vac,tcpi',
  'budget-outline': 'project_code,programme_code,period,category,amount',
  'cost-ledger': 'date,project_code,category,amount,supplier,reference',
  'change-log': 'reference,project_code,title,type,state,cost_impact,schedule_days,decision,decision_date',
};
const EXPORT_ACTION = 'plugin::pmo.exports.download';

/** supertest buffers text/csv as text; keep the raw bytes to check the BOM and UTF-8. */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
const csvText = (res: request.Response) => (res.body as Buffer).toString('utf8');

let finance: Agent;
let programme: Awaited<ReturnType<typeof make.programme>>;
let alpha: Awaited<ReturnType<typeof make.project>>;
let beta: Awaited<ReturnType<typeof make.project>>;

const NASTY_NAME = 'Alpha, "the first"\nphase';
let alphaChange: Awaited<ReturnType<typeof make.changeRequest>>;
let betaChange: Awaited<ReturnType<typeof make.changeRequest>>;

beforeAll(async () => {
  finance = await asRole('finance');
  const portfolio = await make.portfolio();
  programme = await make.programme(portfolio);
  alpha = await make.project(programme, NASTY_NAME);
  beta = await make.project(programme, '=cmd|" /C calc"!A0');

  await make.budgetLine(alpha, '2026-01-01', 'labour', '600.00');
  await make.budgetLine(alpha, '2026-01-01', 'labour', '400.00'); // same month and category: summed
  await make.budgetLine(alpha, '2026-01-01', 'management-reserve', '250.00');
  await make.budgetLine(alpha, '2026-02-01', 'capex', '2000.00');
  await make.budgetLine(alpha, '2026-03-01', 'change', '-5000.00');
  await make.statusReport(alpha, '2026-02-28', 40);

  await make.costEntry(alpha, '2026-01-15', '1500.00', { supplier: 'Smith, Jones & "Partners"', reference: 'INV-1' });
  await make.costEntry(alpha, '2026-02-03', '-5000.00', { supplier: '=HYPERLINK("http://evil.example","click")', reference: '-INV-2' });
  await make.costEntry(alpha, '2026-02-04', '0.01', { supplier: '+31 20 555 0100', reference: '@SUM(A1)' });
  await make.costEntry(alpha, '2026-02-05', '12.30', { supplier: '\tTabbed', reference: 'line one\r\nline two' });
  await make.costEntry(beta, '2026-03-01', '99.99', { supplier: 'Ünïcødé € Ltd', reference: null });

  // References are numbered by change control (CR-<project code>-001).
  alphaChange = await make.changeRequest(alpha, {
    title: '-Drop the reporting module',
    type: 'normal',
    impact: { cost: '250000', scheduleDays: -3 },
    decision: 'approved',
    decisionDate: '2026-02-10T15:30:00.000Z',
  });
  betaChange = await make.changeRequest(beta, { title: 'Add SSO', type: 'standard', impact: { cost: '1234567', scheduleDays: 12 } });
});

const exportOf = (agent: Agent, path: string) => agent.get(path).buffer(true).parse(binary);

describe('the four reports', () => {
  it('financial-summary: one header row, one row per project with EVM figures', async () => {
    const res = await exportOf(finance, `/pmo/exports/financial-summary.csv?programme=${programme.code}&asOf=2026-02-28`);
    expect(res.status).toBe(200);
    const text = csvText(res);
    expect(text.split('\r\n')[0]).toBe(HEADERS['financial-summary']);
    const { records } = parseCsvRecords(text);
    expect(records.map((r) => r.project_code)).toEqual([alpha.code, beta.code]);
    expect(records[0]).toEqual({
      project_code: alpha.code,
      project_name: NASTY_NAME, // a comma, quotes and a newline survive the round trip
      programme_code: programme.code,
      currency: 'EUR',
      as_of: '2026-02-28',
      bac: '-2000.00', // 1,000 + 2,000 − 5,000; the management reserve is kept out
      pv: '3000.00',
      ev: '-800.00',
      ac: '-3487.69',
      cv: '2687.69',
      sv: '-3800.00',
      cpi: '0.2294',
      spi: '-0.2667',
      eac: '-8719.23', // −8,719.225: half a cent, rounded away from zero
      etc: '-5231.54',
      vac: '6719.23',
      tcpi: '-0.8066',
    });
    // A project name that looks like a formula is neutralised.
    expect(records[1].project_name).toBe('\'=cmd|" /C calc"!A0');
    expect(records[1]).toMatchObject({ bac: '0.00', ac: '0.00', cpi: '', spi: '', eac: '', tcpi: '' });
  });

  it('financial-summary agrees with the earned-value route', async () => {
    const evm = await finance.get(`/pmo/evm/projects/${alpha.documentId}?asOf=2026-02-28`);
    const res = await exportOf(finance, `/pmo/exports/financial-summary.csv?project=${alpha.documentId}&asOf=2026-02-28`);
    const [row] = parseCsvRecords(csvText(res)).records;
    for (const key of ['bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'eac', 'etc', 'vac'] as const) expect([key, row[key]]).toEqual([key, evm.body[key]]);
    for (const key of ['cpi', 'spi', 'tcpi'] as const) expect([key, Number(row[key])]).toEqual([key, evm.body[key]]);
  });

  it('budget-outline: one row per project, month and category, summed, reserve included', async () => {
    const res = await exportOf(finance, `/pmo/exports/budget-outline.csv?project=${alpha.code}`);
    expect(res.status).toBe(200);
    const text = csvText(res);
    expect(text.split('\r\n')[0]).toBe(HEADERS['budget-outline']);
    const rows = parseCsv(text).slice(1);
    expect(rows).toEqual([
      [alpha.code, programme.code, '2026-01', 'labour', '1000.00'],
      [alpha.code, programme.code, '2026-01', 'management-reserve', '250.00'],
      [alpha.code, programme.code, '2026-02', 'capex', '2000.00'],
      [alpha.code, programme.code, '2026-03', 'change', '-5000.00'], // negative money is a plain number
    ]);
    const window = await exportOf(finance, `/pmo/exports/budget-outline.csv?project=${alpha.code}&from=2026-02-15&to=2026-02-15`);
    expect(parseCsv(csvText(window)).slice(1).map((r) => r[2])).toEqual(['2026-02']);
  });

  it('cost-ledger: every entry, oldest first; quoting and the injection rule on text cells only', async () => {
    const res = await exportOf(finance, `/pmo/exports/cost-ledger.csv?programme=${programme.documentId}`);
    expect(res.status).toBe(200);
    const text = csvText(res);
    expect(text.split('\r\n')[0]).toBe(HEADERS['cost-ledger']);
    expect(parseCsv(text).slice(1)).toEqual([
      ['2026-01-15', alpha.code, 'opex', '1500.00', 'Smith, Jones & "Partners"', 'INV-1'],
      ['2026-02-03', alpha.code, 'opex', '-5000.00', '\'=HYPERLINK("http://evil.example","click")', "'-INV-2"],
      ['2026-02-04', alpha.code, 'opex', '0.01', "'+31 20 555 0100", "'@SUM(A1)"],
      ['2026-02-05', alpha.code, 'opex', '12.30', "'\tTabbed", 'line one\r\nline two'],
      ['2026-03-01', beta.code, 'opex', '99.99', 'Ünïcødé € Ltd', ''],
    ]);
    // Money is never quoted nor prefixed, even when negative.
    expect(text).toContain(`2026-02-03,${alpha.code},opex,-5000.00,"'=HYPERLINK(""http://evil.example"",""click"")",'-INV-2\r\n`);
  });

  it('cost-ledger: from and to bound the entry dates, inclusive', async () => {
    const res = await exportOf(finance, `/pmo/exports/cost-ledger.csv?programme=${programme.code}&from=2026-02-03&to=2026-02-04`);
    expect(parseCsv(csvText(res)).slice(1).map((r) => r[0])).toEqual(['2026-02-03', '2026-02-04']);
  });

  it('change-log: reference, project, state, cost and schedule impact, decision', async () => {
    expect(alphaChange.reference).toMatch(new RegExp(alpha.code));
    const res = await exportOf(finance, `/pmo/exports/change-log.csv?programme=${programme.code}`);
    expect(res.status).toBe(200);
    const text = csvText(res);
    expect(text.split('\r\n')[0]).toBe(HEADERS['change-log']);
    const { records } = parseCsvRecords(text);
    expect(records).toEqual([
      {
        reference: alphaChange.reference,
        project_code: alpha.code,
        title: "'-Drop the reporting module",
        type: 'normal',
        state: 'new',
        cost_impact: '2500.00',
        schedule_days: '-3', // a number column: never prefixed
        decision: 'approved',
        decision_date: '2026-02-10',
      },
      {
        reference: betaChange.reference,
        project_code: beta.code,
        title: 'Add SSO',
        type: 'standard',
        state: expect.any(String),
        cost_impact: '12345.67',
        schedule_days: '12',
        decision: '',
        decision_date: '',
      },
    ]);
    const decided = await exportOf(finance, `/pmo/exports/change-log.csv?programme=${programme.code}&from=2026-02-10&to=2026-02-10`);
    expect(parseCsvRecords(csvText(decided)).records.map((r) => r.reference)).toEqual([alphaChange.reference]);
  });
});

describe('format and options', () => {
  it('is a UTF-8 CSV attachment with a sensible filename', async () => {
    const res = await exportOf(finance, `/pmo/exports/financial-summary.csv?programme=${programme.code}&asOf=2026-02-28`);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="financial-summary_${programme.code}_2026-02-28.csv"`);
    expect((res.body as Buffer).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  });

  it('starts with a byte order mark with bom=1', async () => {
    const res = await exportOf(finance, `/pmo/exports/cost-ledger.csv?project=${beta.code}&bom=1`);
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(bytes.subarray(3).toString('utf8')).toBe(`${HEADERS['cost-ledger']}\r\n2026-03-01,${beta.code},opex,99.99,Ünïcødé € Ltd,\r\n`);
  });

  it('uses ; as the delimiter when asked, quoting cells that hold it', async () => {
    const supplier = 'Dupont; Fils';
    await make.costEntry(beta, '2026-03-02', '1.00', { supplier, reference: 'a,b' });
    const res = await exportOf(finance, `/pmo/exports/cost-ledger.csv?project=${beta.code}&delimiter=%3B`);
    const text = csvText(res);
    expect(text.split('\r\n')[0]).toBe(HEADERS['cost-ledger'].replace(/,/g, ';'));
    expect(text).toContain(`2026-03-02;${beta.code};opex;1.00;"Dupont; Fils";a,b\r\n`);
    expect(parseCsv(text, ';').slice(-1)[0]).toEqual(['2026-03-02', beta.code, 'opex', '1.00', supplier, 'a,b']);
  });
});

describe('bad parameters answer 400 naming the parameter in words', () => {
  it.each([
    ['an unknown report', '/pmo/exports/everything.csv', /^Choose one of the reports/],
    ['a bad delimiter', '/pmo/exports/cost-ledger.csv?delimiter=%7C', /^The column separator must be/],
    ['from after to', '/pmo/exports/cost-ledger.csv?from=2026-03-01&to=2026-02-01', /^The period starts \(1 Mar 2026\) after it ends \(1 Feb 2026\)/],
    ['a malformed from', '/pmo/exports/cost-ledger.csv?from=2026-02-30', /^Give the start of the period as a real day/],
    ['a malformed asOf', '/pmo/exports/financial-summary.csv?asOf=yesterday', /^Give the as-of date as a real day/],
    ['asOf on a dated ledger', '/pmo/exports/cost-ledger.csv?asOf=2026-01-01', /^The as-of date does not apply to this report/],
    ['an unknown programme', '/pmo/exports/cost-ledger.csv?programme=NO-SUCH-PROGRAMME', /^Choose a programme: there is none with the code "NO-SUCH-PROGRAMME"/],
    ['an unknown project', '/pmo/exports/budget-outline.csv?project=NO-SUCH-PROJECT', /^Choose a project: there is none with the code "NO-SUCH-PROJECT"/],
    ['a bad bom', '/pmo/exports/cost-ledger.csv?bom=yes', /^The byte order mark must be 1/],
    ['an unknown parameter', '/pmo/exports/cost-ledger.csv?programmes=X', /programmes/],
    ['a repeated parameter', '/pmo/exports/cost-ledger.csv?from=2026-01-01&from=2026-02-01', /^The start of the period must be given once/],
  ])('%s', async (_label, path, message) => {
    const res = await finance.get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});

describe('who may export', () => {
  it.each(['pmo-director', 'pmo-manager', 'pmo-analyst', 'finance'] as const)('lets %s export over the admin route', async (role) => {
    const res = await exportOf(await asRole(role), `/pmo/exports/cost-ledger.csv?project=${beta.code}`);
    expect(res.status).toBe(200);
  });

  it.each(['project-manager', 'change-board'] as const)('refuses %s with a 403', async (role) => {
    const res = await (await asRole(role)).get(`/pmo/exports/cost-ledger.csv?project=${beta.code}`);
    expect(res.status).toBe(403);
  });

  it('serves /api/pmo/exports to a custom API token holding the export permission', async () => {
    const token = await withApiToken('custom', [EXPORT_ACTION]);
    const res = await exportOf(token, `/api/pmo/exports/cost-ledger.csv?project=${beta.code}`);
    expect(res.status).toBe(200);
    expect(csvText(res).split('\r\n')[0]).toBe(HEADERS['cost-ledger']);
    const full = await exportOf(await withApiToken('full-access'), `/api/pmo/exports/change-log.csv?project=${beta.code}`);
    expect(full.status).toBe(200);
  });

  it('refuses a custom token without the permission, a read-only token and no token', async () => {
    const other = await withApiToken('custom', ['api::project.project.find']);
    expect((await other.get(`/api/pmo/exports/cost-ledger.csv?project=${beta.code}`)).status).toBe(403);
    const readOnly = await withApiToken('read-only');
    expect((await readOnly.get(`/api/pmo/exports/cost-ledger.csv?project=${beta.code}`)).status).toBe(403);
    const anonymous = await request(getStrapi().server.httpServer).get(`/api/pmo/exports/cost-ledger.csv?project=${beta.code}`);
    expect([401, 403]).toContain(anonymous.status);
  });

  it('refuses an admin JWT on the API-token route and an API token on the admin route', async () => {
    const token = await withApiToken('full-access');
    expect((await token.get(`/pmo/exports/cost-ledger.csv?project=${beta.code}`)).status).toBe(401);
    expect([401, 403]).toContain((await finance.get(`/api/pmo/exports/cost-ledger.csv?project=${beta.code}`)).status);
  });
});

describe('streaming', () => {
  const ROWS = 40000;
  let bulk: Awaited<ReturnType<typeof make.project>>;

  beforeAll(async () => {
    // Straight into the tables: fat rows, so the export far outruns the sockets' buffers.
    bulk = await make.project(undefined, 'Bulk');
    const strapi = getStrapi();
    const knex = strapi.db.connection;
    const meta = strapi.db.metadata.get('api::cost-entry.cost-entry') as any;
    const link = meta.attributes.project.joinTable;
    const projectId = (await strapi.db.query('api::project.project').findOne({ where: { documentId: bulk.documentId } }))!.id;
    const supplier = 'S'.repeat(200);
    const reference = 'R'.repeat(120);
    for (let start = 0; start < ROWS; start += 500) {
      const rows = Array.from({ length: Math.min(500, ROWS - start) }, (_, i) => ({
        document_id: `bulk${projectId}x${start + i}`.padEnd(24, '0').slice(0, 24),
        date: '2026-01-01',
        category: 'opex',
        amount: 100 + start + i,
        supplier,
        reference,
      }));
      const ids = (await knex(meta.tableName).insert(rows).returning('id')).map((r: any) => (typeof r === 'object' ? r.id : r));
      await knex(link.name).insert(ids.map((id: number) => ({ [link.joinColumn.name]: id, [link.inverseJoinColumn.name]: projectId })));
    }
  });

  afterAll(async () => {
    // Leave the worker's shared database as small as we found it.
    const strapi = getStrapi();
    const meta = strapi.db.metadata.get('api::cost-entry.cost-entry') as any;
    const link = meta.attributes.project.joinTable;
    const projectId = (await strapi.db.query('api::project.project').findOne({ where: { documentId: bulk.documentId } }))!.id;
    const ids = strapi.db.connection(link.name).select(link.joinColumn.name).where(link.inverseJoinColumn.name, projectId);
    await strapi.db.connection(meta.tableName).whereIn('id', ids).delete();
    await strapi.db.connection(link.name).where(link.inverseJoinColumn.name, projectId).delete();
  });

  /** Waits for `condition` (polled), failing with `what` after `ms`. */
  async function until(what: string, condition: () => boolean | Promise<boolean>, ms = 10000) {
    const deadline = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sessions on the worker's PostgreSQL database, other than ours, running a COPY or inside a transaction that reads a cursor. */
  async function openCursorSessions() {
    const { rows } = await getStrapi().db.connection.raw(
      `SELECT pid, state, query FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND state IN ('active', 'idle in transaction') AND query ~* '^\\s*(declare|fetch|copy)\\s'`
    );
    return rows as Array<{ pid: number; state: string; query: string }>;
  }

  it(`holds ${ROWS} rows back while the client reads nothing, and closes the query when it disconnects`, async () => {
    const strapi = getStrapi();
    const isPostgres = (strapi.db.connection.client as any).driverName === 'pg';
    const server = strapi.server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const path = `/pmo/exports/cost-ledger.csv?project=${bulk.code}`;
    // The whole file: a header and ROWS lines of at least 330 bytes each (~13 MB).
    const fileSize = ROWS * 330;

    // The server's side of the connection: what it has handed to the socket, sent or buffered.
    let serverSocket: import('net').Socket | undefined;
    const onRequest = (req: http.IncomingMessage) => {
      if (req.url === path) serverSocket = req.socket;
    };
    server.on('request', onRequest);

    let req!: http.ClientRequest;
    const firstBytes = await new Promise<number>((resolve, reject) => {
      req = http.get({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${finance.token}` } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
        res.once('data', (chunk: Buffer) => {
          res.pause(); // stop reading: a streaming server must wait, not produce the rest
          resolve(chunk.length);
        });
      });
      req.on('error', () => undefined);
    });
    server.off('request', onRequest);
    expect(firstBytes).toBeGreaterThan(0);
    expect(serverSocket).toBeDefined();

    // 1. The server settles with most of the file still unproduced: what it wrote to the socket
    //    (including anything Node buffers for it) stops growing far below the file's size. A
    //    server that builds the file first, or writes it without backpressure, hands over all of it.
    let last = -1;
    let stableSince = Date.now();
    await until('the server stops writing', () => {
      const now = serverSocket!.bytesWritten;
      if (now !== last) {
        last = now;
        stableSince = Date.now();
      }
      return Date.now() - stableSince > 300;
    });
    expect(serverSocket!.bytesWritten).toBeLessThan(fileSize / 2);

    // 2. PostgreSQL: the export's COPY is still running, waiting to write, while the client
    //    holds the first bytes.
    if (isPostgres) {
      const open = await openCursorSessions();
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ state: 'active', query: expect.stringMatching(/^COPY \(/) });
    }

    // 3. The client goes away: the database stops the query and the connection is free again.
    req.destroy();
    if (isPostgres) {
      // The database itself says so: no session is left inside a cursor's transaction.
      await until('no session reads a cursor', async () => (await openCursorSessions()).length === 0);
    } else {
      // SQLite has one connection, and better-sqlite3 refuses any statement on it while an
      // iterator is open ("busy executing a query"): a statement run on it proves the export's
      // iterator was returned and the connection released.
      const client = strapi.db.connection.client as any;
      const connection = await Promise.race([
        client.acquireConnection(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('the export kept the SQLite connection')), 10000)),
      ]);
      try {
        expect(() => connection.prepare('SELECT 1 AS one').get()).not.toThrow();
      } finally {
        await client.releaseConnection(connection);
      }
    }
    await expect(strapi.db.query('api::project.project').count()).resolves.toBeGreaterThan(0);
  });

  /** GETs `path` as the finance user and reads on: how the response ended, and the bytes it brought. */
  async function download(path: string): Promise<{ ended: 'complete' | 'cut off'; bytes: number; ms: number }> {
    const server = getStrapi().server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${finance.token}` } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ ended: 'complete', bytes, ms: Date.now() - started }));
        res.on('aborted', () => resolve({ ended: 'cut off', bytes, ms: Date.now() - started }));
      });
      req.on('error', reject);
    });
  }

  it('a download that fails part way is cut off at once, not left open as if more were coming', async () => {
    // The database going away after the first rows (a restart, a fail-over): the export's stream fails.
    const service = getStrapi().plugin('pmo').service('exports') as { open: (...args: unknown[]) => Promise<unknown> };
    const open = jest.spyOn(service, 'open').mockImplementationOnce(async () => ({
      filename: 'cost-ledger.csv',
      stream: Readable.from(
        (async function* () {
          yield `${HEADERS['cost-ledger']}\r\n2026-01-01,${bulk.code},opex,1.00,S,R\r\n`;
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new Error('the database connection was lost');
        })()
      ),
    }));
    try {
      const cut = await download(`/pmo/exports/cost-ledger.csv?project=${bulk.code}`);
      // Before: Koa logged the error and left the response open; the client waited minutes.
      expect(cut.ended).toBe('cut off');
      expect(cut.bytes).toBeGreaterThan(0);
      expect(cut.ms).toBeLessThan(5000);
    } finally {
      open.mockRestore();
    }
    // The server goes on: the next download is whole.
    const whole = await download(`/pmo/exports/cost-ledger.csv?project=${beta.code}`);
    expect(whole.ended).toBe('complete');
  });

  it(`streams all ${ROWS} rows to a client that reads them`, async () => {
    const res = await exportOf(finance, `/pmo/exports/cost-ledger.csv?project=${bulk.code}`);
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    const lines = csvText(res).split('\r\n');
    expect(lines.length).toBe(ROWS + 2); // header, rows, and the empty string after the last CRLF
    expect(lines[1]).toBe(`2026-01-01,${bulk.code},opex,1.00,${'S'.repeat(200)},${'R'.repeat(120)}`);
  });
});

/**
 * Inside a transaction every query goes to the transaction's one connection, so change control
 * sends them one after another. On PostgreSQL a query sent while the connection is still running
 * another is queued by the driver, which pg deprecates ("Calling client.query() when the client
 * is already executing a query is deprecated", pg 9 refuses it).
 *
 * pg says so through `util.deprecate`, i.e. `process.emitWarning` once per process: listening for
 * the warning would miss every case after the first in a test worker. So this test watches the
 * condition itself: it records every query sent to a pg client that is still executing one,
 * while governed change-request transitions run (guards, authority, change budget, decision).
 */
import { getStrapi } from '../helpers/strapi';
import { CHANGE, actors, expectFire, project, raise, type Actors } from './change-control-fixtures';

type PgClient = { _activeQuery?: { text?: string } | null; _queryQueue?: unknown[] };
type Query = (this: PgClient, config: unknown, ...rest: unknown[]) => unknown;

const onPostgres = getStrapi().db.dialect.client === 'postgres';

let people: Actors;
let watching = false;
const overlapping: string[] = [];
let restore = () => {};

beforeAll(async () => {
  people = await actors();
  if (!onPostgres) return;
  // The driver's client class, as Strapi's knex loaded it.
  const Client = (getStrapi().db.connection as any).client.driver.Client as { prototype: { query: Query } };
  const query = Client.prototype.query;
  Client.prototype.query = function watched(this: PgClient, config, ...rest) {
    const busy = Boolean(this._activeQuery) || (this._queryQueue?.length ?? 0) > 0;
    if (watching && busy) {
      const text = (sql: unknown) => String(typeof sql === 'string' ? sql : (sql as { text?: string })?.text).slice(0, 160);
      overlapping.push(`${text(config)}\n    sent while running: ${text(this._activeQuery)}`);
    }
    return query.call(this, config, ...rest);
  };
  restore = () => {
    Client.prototype.query = query;
  };
});

afterAll(() => restore());

/** Runs `work` watching the pg clients; the queries it sent while a client was busy. */
async function overlapsDuring(work: () => Promise<unknown>) {
  overlapping.length = 0;
  watching = true;
  try {
    await work();
  } finally {
    watching = false;
  }
  return [...overlapping];
}

(onPostgres ? describe : describe.skip)('queries inside a change-request transition (PostgreSQL)', () => {
  it('are sent one after another: guards, authority, the change budget and the decision', async () => {
    const p = await project({ changeBudget: '5000.00' });
    const normal = await raise(p, { cost: '1234.50' });
    const emergency = await raise(p, { type: 'emergency', cost: '10.00' });
    const standard = await raise(p, { type: 'standard', cost: '20.00' });
    const rejected = await raise(p, { cost: '30.00' });

    const overlaps = await overlapsDuring(async () => {
      await expectFire(people.raiser, normal, 'submit', 200);
      await expectFire(people.analyst, normal, 'recommend', 200); // deriveAuthority
      await expectFire(people.pm, normal, 'authorize-pm', 422); // the authority guard explains the level
      await expectFire(people.board1, normal, 'authorize', 202);
      await expectFire(people.board2, normal, 'authorize', 200); // budget guard, drawChangeBudget, recordDecision
      await expectFire(people.raiser, emergency, 'submit-emergency', 200);
      await expectFire(people.raiser, standard, 'schedule-standard', 200);
      await expectFire(people.raiser, rejected, 'submit', 200);
      await expectFire(people.pm, rejected, 'reject', 200, 'Not now');
    });
    expect(overlaps).toEqual([]);

    const stored = await getStrapi().db.query(CHANGE as any).findOne({ where: { documentId: normal.documentId } });
    expect(stored).toMatchObject({ workflowState: 'scheduled', decision: 'approved' });
  });

  it('are sent one after another when a change request is edited inside a transaction', async () => {
    const p = await project();
    const change = await raise(p, { cost: '100.00' });
    const overlaps = await overlapsDuring(() =>
      getStrapi().db.transaction(() =>
        getStrapi().documents(CHANGE as any).update({ documentId: change.documentId, data: { title: 'Renamed', impact: { cost: '20000' } } } as any)
      )
    );
    expect(overlaps).toEqual([]);
    expect(await getStrapi().db.query(CHANGE as any).findOne({ where: { documentId: change.documentId } })).toMatchObject({
      title: 'Renamed',
      authorityLevel: 'project-manager',
    });
  });
});

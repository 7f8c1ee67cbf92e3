/**
 * sumMinor on a real SQLite (better-sqlite3 in memory, as the app runs it): exact against BigInt
 * sums, across the borrow between its two parts, and past 2^63 where SQLite's own SUM overflows.
 * PostgreSQL's form is a plain cast; the API suite runs both through the app's routes.
 */
import knexFactory, { type Knex } from 'knex';
import { sumMinor } from './money-sql';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const big = (value: number | string | bigint) => BigInt(value);

let knex: Knex;

beforeAll(async () => {
  // One connection: each connection to ':memory:' is a database of its own.
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  await knex.schema.createTable('lines', (table) => {
    table.increments('id');
    table.string('grp');
    table.bigInteger('amount');
  });
});

afterAll(() => knex.destroy());

/** Stores the amounts (as text, so none passes through a double) and sums them in SQL. */
async function sumOf(amounts: bigint[]): Promise<string> {
  await knex('lines').del();
  for (let i = 0; i < amounts.length; i += 500) {
    await knex('lines').insert(amounts.slice(i, i + 500).map((amount) => ({ grp: 'a', amount: amount.toString() })));
  }
  const [row] = await knex('lines').select(sumMinor(knex, 'lines.amount', 'total'));
  return row.total as string;
}

const exact = (amounts: bigint[]) => amounts.reduce((a, b) => a + b, big(0)).toString();

describe('sumMinor on SQLite', () => {
  it.each([
    ['no rows', []],
    ['one cent', [big(1)]],
    ['minus one cent', [big(-1)]],
    ['zero', [big(0), big(0)]],
    ['exactly 10^9', [big('1000000000')]],
    ['exactly -10^9', [big('-1000000000')]],
    ['one below -10^9', [big('-1000000001')]],
    ['a negative total with a low part to borrow', [big(1), big('-1000000000')]],
    ['a positive total from mixed signs', [big('5000000003'), big('-999999999')]],
    ['a total of minus one from large parts', [MAX, -MAX, big(-1)]],
    ['a total just below -10^9 from large parts', [-MAX, MAX - big('1000000001')]],
    ['the largest amount', [MAX]],
    ['the smallest amount', [-MAX]],
    ['past 2^53', [MAX, MAX, MAX, big(123456789)]],
  ])('adds %s exactly', async (_label, amounts) => {
    expect(await sumOf(amounts as bigint[])).toBe(exact(amounts as bigint[]));
  });

  it('adds random amounts across the whole range exactly', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let round = 0; round < 20; round += 1) {
      const amounts = Array.from({ length: 1 + (random() % 40) }, () => {
        const magnitude = (big(random()) * big(random()) * big(random() % 4096)) % (MAX + big(1));
        return random() % 2 === 0 ? magnitude : -magnitude;
      });
      expect(await sumOf(amounts)).toBe(exact(amounts));
    }
  });

  it('stays exact past 2^63, beyond which SQLite’s own SUM of integers overflows', async () => {
    const amounts = new Array(1025).fill(MAX) as bigint[];
    expect(await sumOf(amounts)).toBe((MAX * big(1025)).toString());
    expect(await sumOf(amounts.map((amount) => -amount))).toBe((-MAX * big(1025)).toString());
  });

  it('sums per group', async () => {
    await knex('lines').del();
    await knex('lines').insert([
      { grp: 'a', amount: '10' },
      { grp: 'a', amount: '20' },
      { grp: 'b', amount: MAX.toString() },
      { grp: 'b', amount: MAX.toString() },
    ]);
    const rows = await knex('lines').select('grp', sumMinor(knex, 'lines.amount', 'total')).groupBy('grp').orderBy('grp');
    expect(rows).toEqual([
      { grp: 'a', total: '30' },
      { grp: 'b', total: (MAX * big(2)).toString() },
    ]);
  });
});

import fc from 'fast-check';
import createKnex, { type Knex } from 'knex';
import { createLineWriter, lineSelect } from './csv-lines';
import { createRowWriter, type Delimiter } from './csv';
import type { CopyColumn } from './csv-copy';
import { formatMinor } from '../../../shared/money';

const COLUMNS: CopyColumn[] = [
  { column: 'date', kind: 'text' },
  { column: 'code', kind: 'text' },
  { column: 'amount', kind: 'money' },
  { column: 'supplier', kind: 'text' },
  { column: 'hours', kind: 'number' },
  { column: 'stored', kind: 'money' },
];
const AS_ROW = COLUMNS.map(({ column, kind }) => ({ name: column, kind: kind === 'text' ? ('text' as const) : ('number' as const) }));

/** `amount` is money as text (a sum past 2^63 is text), `stored` as an integer (a stored amount). */
type Entry = { date: string | null; code: string | null; amount: string | null; supplier: string | null; hours: number | null; stored: number | null };

/**
 * Text weighted towards what the writer must notice: quotes, both delimiters, line breaks,
 * formula starts, the separator and its escape (U+001F, U+001E) and what follows an escape.
 */
const cellText = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom('"', ',', ';', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', 'e', 's', '\u001e', '\u001f', '\u0000', 'é', '€', '🚀'), fc.string({ maxLength: 3 })), { maxLength: 6 })
      .map((parts) => parts.join('')),
  }
);
const entry: fc.Arbitrary<Entry> = fc.record({
  date: cellText,
  code: cellText,
  amount: fc.option(fc.bigInt({ min: -(BigInt(10) ** BigInt(20)), max: BigInt(10) ** BigInt(20) }).map(String)),
  supplier: cellText,
  hours: fc.option(fc.integer({ min: -1e6, max: 1e6 })),
  stored: fc.option(fc.maxSafeInteger()),
});

let knex: Knex;
beforeAll(async () => {
  knex = createKnex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await knex.schema.createTable('entries', (table) => {
    table.increments('id');
    table.text('date');
    table.text('code');
    table.text('amount'); // text: sums past 2^63 arrive as text (money-sql.ts)
    table.text('supplier');
    table.integer('hours');
    table.bigInteger('stored');
  });
});
afterAll(() => knex.destroy());

const SOURCES = { date: 'e.date', code: 'e.code', amount: 'e.amount', supplier: 'e.supplier', hours: 'e.hours', stored: 'e.stored' };

/**
 * The entries through SQLite: each as the row writer's cells and as the line lineSelect reads,
 * selected from the table (`sources`) and from the query as a subquery, which must agree.
 */
async function throughSqlite(entries: Entry[]): Promise<Array<{ cells: Array<string | null>; line: string }>> {
  await knex('entries').del();
  if (entries.length > 0) await knex.batchInsert('entries', entries, 100);
  const source = () => knex('entries as e').select('e.date', 'e.code', 'e.amount', 'e.supplier', 'e.hours', 'e.stored').orderBy('e.id');
  const rows = await source();
  const lines = await lineSelect(knex, source(), COLUMNS, SOURCES);
  const throughSubquery = await lineSelect(knex, source(), COLUMNS);
  expect(throughSubquery).toEqual(lines);
  return rows.map((row: Entry, i: number) => ({
    cells: [row.date, row.code, row.amount === null ? null : formatMinor(String(row.amount)), row.supplier, row.hours === null ? null : String(row.hours), row.stored === null ? null : formatMinor(String(row.stored))],
    line: lines[i].line,
  }));
}

describe('a line SQLite half-builds, finished by the line writer, is what the row writer writes', () => {
  it.each<Delimiter>([',', ';'])('for any cells, delimiter %j', async (delimiter) => {
    const line = createLineWriter(COLUMNS, delimiter);
    const row = createRowWriter(AS_ROW, delimiter);
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 40 }), async (entries) => {
        for (const { cells, line: text } of await throughSqlite(entries)) expect(line(text)).toBe(row(cells));
      }),
      { numRuns: 150 }
    );
  });

  it('writes money from minor units as the reports do, at any size and sign', async () => {
    const amounts = ['0', '5', '-5', '12', '-12', '100', '123450', '-123450', '007', '9007199254740991', '-99999999999999999999999', null];
    const stored = (amount: string | null) => (amount === null || Math.abs(Number(amount)) > Number.MAX_SAFE_INTEGER ? null : Number(amount));
    const lines = await throughSqlite(amounts.map((amount) => ({ date: '2026-12-02', code: 'P', amount, supplier: 's', hours: 1, stored: stored(amount) })));
    const written = lines.map(({ line }) => createLineWriter(COLUMNS)(line).trimEnd().split(','));
    expect(written.map((cells) => cells[2])).toEqual(
      ['0.00', '0.05', '-0.05', '0.12', '-0.12', '1.00', '1234.50', '-1234.50', '0.07', '90071992547409.91', '-999999999999999999999.99', '']
    );
    expect(written.map((cells) => cells[5])).toEqual(['0.00', '0.05', '-0.05', '0.12', '-0.12', '1.00', '1234.50', '-1234.50', '0.07', '90071992547409.91', '', '']);
  });

  it('keeps the separator, its escape and NUL characters inside text, and writes missing cells empty', async () => {
    const [{ line }] = await throughSqlite([{ date: null, code: 'A\u001fB', amount: null, supplier: '\u001es\u0000', hours: null, stored: null }]);
    expect(createLineWriter(COLUMNS)(line)).toBe(',A\u001fB,,\u001es\u0000,,\r\n');
  });

  it('takes the quick way for a plain line, and quotes or prefixes only where a cell needs it', () => {
    const line = createLineWriter(COLUMNS);
    expect(line(['2026-12-02', 'PRJ-1', '1234.50', 'Acme Ltd', '3', '1.00'].join('\u001f'))).toBe('2026-12-02,PRJ-1,1234.50,Acme Ltd,3,1.00\r\n');
    expect(line(['2026-12-02', '=1+1', '-0.05', 'Smith, Jones', '', ''].join('\u001f'))).toBe('2026-12-02,\'=1+1,-0.05,"Smith, Jones",,\r\n');
    expect(createLineWriter(COLUMNS, ';')(['2026-12-02', 'a,b', '0.00', 'c;d', '-1', '-0.01'].join('\u001f'))).toBe('2026-12-02;a,b;0.00;"c;d";-1;-0.01\r\n');
  });

  it('refuses a line whose cells do not match the columns', () => {
    expect(() => createLineWriter(COLUMNS)('"\u001ftwo')).toThrow('a CSV line of 2 cells for 6 columns');
  });
});

/**
 * A SQLite export read in two parts (splitLineChunks) through a real SQLite file: the parts follow
 * one another in order whether a worker reads the second, none can be started, or the one
 * started cannot read it at all (then the main thread does); a worker failing part way fails the
 * export, since the file has begun.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import createKnex, { type Knex } from 'knex';
import type { LinePart, PartWorker } from '../platform/csv-line-workers';
import { splitLineChunks } from './cursor';

let knex: Knex;
let file: string;

beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-cursor-')), 'split.db');
  knex = createKnex({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
  await knex.schema.createTable('entries', (table) => {
    table.increments('id');
    table.text('day');
  });
  const days = ['2026-03-02', '2026-01-05', null, '2026-02-01', '2026-01-05', '2026-03-01'];
  await knex('entries').insert(days.map((day) => ({ day })));
});
afterAll(async () => {
  await knex.destroy();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

const CUT = '2026-02-01';
const line = () => knex.raw(`ifnull(day, '') || char(31) || id AS line`);
const first = () => knex('entries').select(line()).where((w) => w.where('day', '<', CUT).orWhereNull('day')).orderBy([{ column: 'day' }, { column: 'id' }]);
const second = () => knex('entries').select(line()).where('day', '>=', CUT).orderBy([{ column: 'day' }, { column: 'id' }]);
const formatRow = (text: string) => `${text.replace('\u001f', ',')}\r\n`;
const WHOLE = ',3\r\n2026-01-05,2\r\n2026-01-05,5\r\n2026-02-01,4\r\n2026-03-01,6\r\n2026-03-02,1\r\n';

/** A worker's part as the worker would send it: `chunks`, then an error where given. */
function fakePart(chunks: string[], failure?: Error): { start: (part: LinePart) => PartWorker; started: LinePart[]; closed: () => boolean } {
  const started: LinePart[] = [];
  let closed = false;
  return {
    started,
    closed: () => closed,
    start(part) {
      started.push(part);
      return {
        async *chunks() {
          for (const chunk of chunks) yield chunk;
          if (failure) throw failure;
        },
        async close() {
          closed = true;
        },
      };
    },
  };
}

async function readAll(generator: AsyncGenerator<string, void, undefined>) {
  let text = '';
  for await (const chunk of generator) text += chunk;
  return text;
}

const split = (startPart: (part: LinePart) => PartWorker | null, batchSize = 2) => splitLineChunks(knex, first(), second(), { batchSize, formatRow, startPart });

describe('an export read in two parts', () => {
  it("hands the worker the second part's SELECT on the same file, and follows the first part with its chunks", async () => {
    const worker = fakePart(['2026-02-01,4\r\n2026-03-01,6\r\n', '2026-03-02,1\r\n']);
    expect(await readAll(split(worker.start))).toBe(WHOLE);
    expect(worker.started).toHaveLength(1);
    expect(path.resolve(worker.started[0].file)).toBe(path.resolve(file));
    expect(worker.started[0].sql).toMatch(/>= \?/);
    expect(worker.started[0].bindings).toEqual([CUT]);
    expect(worker.closed()).toBe(true);
  });

  it('reads both parts on the main thread where no worker can be started', async () => {
    expect(await readAll(split(() => null))).toBe(WHOLE);
    expect(await readAll(split(() => null, 1000))).toBe(WHOLE);
  });

  it('reads the second part itself when the worker cannot read it at all', async () => {
    const worker = fakePart([], new Error('unable to open database file'));
    expect(await readAll(split(worker.start))).toBe(WHOLE);
    expect(worker.closed()).toBe(true);
  });

  it('fails when the worker fails part way, the connection released', async () => {
    const worker = fakePart(['2026-02-01,4\r\n'], new Error('disk I/O error'));
    await expect(readAll(split(worker.start))).rejects.toThrow('disk I/O error');
    expect(worker.closed()).toBe(true);
    expect(await knex('entries').count({ n: '*' })).toEqual([{ n: 6 }]);
  });
});

/** The request guard's pure checks, on plain schemas. */
import { findHostileInput } from './hostile-input';
import { checkQuery, checkRelationsQuery } from './query-shape';
import { checkWriteShape, type Attributes } from './write-shape';
import { readTarget, writeTarget } from './write-target';

const SCHEMAS: Record<string, Attributes> = {
  'api::project.project': {
    name: { type: 'string' },
    programme: { type: 'relation', relation: 'manyToOne', target: 'api::programme.programme' },
    percent: { type: 'integer' },
    startDate: { type: 'date' },
    approvedAt: { type: 'datetime' },
    opensAt: { type: 'time' },
    tolerances: { type: 'component', component: 'project.tolerances' },
    steps: { type: 'component', component: 'project.tolerances', repeatable: true },
    settings: { type: 'json' },
    body: { type: 'blocks' },
  },
  'api::programme.programme': { name: { type: 'string' } },
  'project.tolerances': { costPercent: { type: 'integer' }, owner: { type: 'relation' } },
};
const lookup = (uid: string) => SCHEMAS[uid];
const paths = (problems: Array<{ path: Array<string | number> }>) => problems.map((problem) => problem.path.join('.'));

describe('findHostileInput', () => {
  it('finds prototype-named keys at any depth and NUL characters, with where they sit', () => {
    const body = JSON.parse('{"data":{"a":[{"constructor":1}],"__proto__":{},"b":"x\\u0000y","ok":{"toString":2}}}');
    expect(paths(findHostileInput(body)).sort()).toEqual(['data.__proto__', 'data.a.0.constructor', 'data.b', 'data.ok.toString']);
  });

  it('passes ordinary bodies, and refuses bodies nested too deeply', () => {
    expect(findHostileInput({ data: { name: 'Constructor of bridges', tags: ['toString'] } })).toEqual([]);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i += 1) deep = { x: deep };
    expect(findHostileInput(deep)[0].message).toMatch(/nested more than 32 levels/);
  });
});

describe('checkWriteShape', () => {
  it.each([
    [{ programme: 3 }], [{ programme: 'k2x9a' }], [{ programme: null }], [{ programme: { connect: [{ id: 4 }], disconnect: ['abc'] } }],
    [{ programme: [{ documentId: 'abc', locale: null }] }], [{ percent: '12' }], [{ tolerances: { costPercent: 5, owner: 2 } }],
    [{ settings: [1, 2] }], [{ settings: '{"a":1}' }], [{ unknown: 1.5 }],
    [{ body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] }], [{ id: 3, documentId: 'abc' }], [{ id: '2147483647' }],
    [{ programme: '42' }], [{ programme: { connect: ['2147483647'] } }],
  ])('accepts %j', (data) => {
    expect(checkWriteShape(lookup, 'api::project.project', data)).toEqual([]);
  });

  it.each([
    [{ programme: 1.5 }, 'programme'], [{ programme: true }, 'programme'], [{ programme: 0 }, 'programme'], [{ programme: 2147483648 }, 'programme'],
    [{ programme: { connect: [1.5] } }, 'programme.connect.0'], [{ programme: { set: [{ id: 'x' }] } }, 'programme.set.0'],
    [{ programme: 'has space' }, 'programme'], [{ percent: 1.5 }, 'percent'], [{ percent: 2 ** 40 }, 'percent'],
    [{ tolerances: { owner: false } }, 'tolerances.owner'], [{ steps: [{ owner: 1 }, { owner: -1 }] }, 'steps.1.owner'],
    [{ steps: { owner: 1 } }, 'steps'], [{ settings: 'not json' }, 'settings'],
    [{ body: [null] }, 'body'], [{ body: [{ type: 'paragraph', children: [1] }] }, 'body'], [{ documentId: { '': null } }, 'documentId'],
    [{ id: '9999999999999999999999999999999999999999' }, 'id'], [{ id: '2147483648' }, 'id'], [{ id: '0' }, 'id'],
    // Text Strapi would read as an id (it begins with a number) but no id in range: it aborted PostgreSQL's transaction.
    [{ programme: '9999999999999999999999999999999999999999' }, 'programme'], [{ programme: '2026-02-31' }, 'programme'],
    [{ programme: '-5' }, 'programme'], [{ programme: { connect: ['12abc'] } }, 'programme.connect.0'], [{ programme: [{ documentId: '2147483648' }] }, 'programme.0'],
  ])('refuses %j naming %s', (data, path) => {
    expect(paths(checkWriteShape(lookup, 'api::project.project', data))).toEqual([path]);
  });

  it('accepts the dates, date-times and times Strapi reads, and names the field of any other', () => {
    for (const data of [
      { startDate: '2026-12-02' }, { startDate: '2026-12-02T10:00:00Z' }, { startDate: null }, { approvedAt: '2026-12-02T09:30:00.000Z' },
      { approvedAt: '2026-12-02T09:30:00+01:00' }, { approvedAt: '2026-12-02' }, { approvedAt: 1796567799003 }, { approvedAt: '1796567799003' },
      { opensAt: '09:30:00' }, { opensAt: '09:30:00.250' },
    ]) {
      expect([data, checkWriteShape(lookup, 'api::project.project', data)]).toEqual([data, []]);
    }
    for (const [data, path] of [
      [{ startDate: 'not-a-date' }, 'startDate'], [{ startDate: '2026-02-31' }, 'startDate'], [{ startDate: '2026-13-01' }, 'startDate'],
      [{ startDate: '31/12/2026' }, 'startDate'], [{ startDate: '' }, 'startDate'], [{ startDate: true }, 'startDate'], [{ startDate: {} }, 'startDate'],
      [{ approvedAt: 'not-a-date' }, 'approvedAt'], [{ approvedAt: '2026-02-31T10:00:00.000Z' }, 'approvedAt'], [{ approvedAt: '2026-01-01T25:61:00Z' }, 'approvedAt'],
      [{ approvedAt: true }, 'approvedAt'], [{ opensAt: '25:00:00' }, 'opensAt'], [{ opensAt: 930 }, 'opensAt'],
    ] as const) {
      expect([data, paths(checkWriteShape(lookup, 'api::project.project', data))]).toEqual([data, [path]]);
    }
    expect(checkWriteShape(lookup, 'api::project.project', { startDate: 'soon' })[0].message).toBe('"Start date" must be a date, written year-month-day (2026-12-02)');
    expect(checkWriteShape(lookup, 'api::project.project', { steps: [{ costPercent: 1 }] })).toEqual([]);
  });

  it('refuses data that is not an object of fields', () => {
    expect(checkWriteShape(lookup, 'api::project.project', [1])[0].message).toMatch(/must be an object of fields/);
  });
});

describe('checkQuery', () => {
  it.each([
    ['filters[id][$eq]=1.5', { filters: { id: { $eq: '1.5' } } }],
    ['an id out of range', { filters: { programme: { id: { $in: ['1', '99999999999'] } } } }],
    ['an impossible date', { filters: { startDate: { $gt: '2026-02-31' } } }],
    ['a nested $or', { filters: { $or: [{ percent: 'x' }] } }],
    ['a built-in in fields', { fields: ['name', 'valueOf'] }],
    ['a built-in in sort', { sort: 'toString:asc' }],
  ])('refuses %s', (_label, query) => {
    expect(checkQuery(lookup, 'api::project.project', query)).toHaveLength(1);
  });

  it('accepts well-typed filters, null checks and unknown fields (left to Strapi)', () => {
    const query = { filters: { id: { $gt: '0' }, startDate: { $lte: '2026-12-31', $null: 'true' }, name: { $containsi: 'x' }, other: { $eq: 'y' } }, sort: 'name:asc' };
    expect(checkQuery(lookup, 'api::project.project', query)).toEqual([]);
  });

  it.each([
    ['a built-in in a populate key', { populate: { 'programme,valueOf': true } }, 'populate'],
    ['a built-in deep in populate', { populate: { programme: { fields: ['name', 'isPrototypeOf'] } } }, 'populate'],
    ['a relation filter out of range', { filters: { tolerances: { costPercent: { $lt: '1e400' } } } }, 'filters.tolerances.costPercent.$lt'],
    ['a negated condition', { filters: { startDate: { $not: { $gt: 'soon' } } } }, 'filters.startDate.$not.$gt'],
    ['a branch given as an object', { filters: { $and: { 0: { id: '-1' } } } }, 'filters.$and.0.id'],
  ])('refuses %s, naming where', (_label, query, path) => {
    expect(paths(checkQuery(lookup, 'api::project.project', query))).toEqual([path]);
  });

  it('finds hostile input and ill-typed filters in the same walk, on any route', () => {
    const query = JSON.parse('{"filters":{"percent":{"$eq":"1.5"},"name":{"prototype":"x"},"$or":[{"name":"a\\u0000b"}]},"page":{"constructor":1}}');
    expect(paths(checkQuery(lookup, 'api::project.project', query)).sort()).toEqual([
      'filters.$or.0.name', 'filters.name.prototype', 'filters.percent.$eq', 'page.constructor',
    ]);
    // A route about no content type: no schema, still no built-ins and no NUL characters.
    expect(paths(checkQuery(lookup, null, { filters: { percent: 'x', toString: 1 }, sort: 'valueOf' })).sort()).toEqual([
      'filters.toString', 'sort',
    ]);
  });

  it('stops checking filter values past eight levels of nesting, but never stops looking for hostile keys', () => {
    let filters: Record<string, unknown> = { percent: { $eq: 'x' }, valueOf: 1 };
    for (let i = 0; i < 12; i += 1) filters = { $and: [filters] };
    expect(checkQuery(lookup, 'api::project.project', { filters }).map((problem) => problem.path.at(-1))).toEqual(['valueOf']);
  });

  it('checks the relations route ids, and its hostile input', () => {
    expect(checkRelationsQuery({ idsToOmit: ['1', '2'] })).toEqual([]);
    expect(paths(checkRelationsQuery({ idsToOmit: ['abc'], idsToInclude: '1.5' }))).toEqual(['idsToOmit', 'idsToInclude']);
    expect(paths(checkRelationsQuery({ _q: 'a\u0000', page: { prototype: '1' } }))).toEqual(['_q', 'page.prototype']);
  });
});

describe('writeTarget and readTarget', () => {
  const plural = (name: string) => (name === 'projects' ? 'api::project.project' : undefined);
  it('reads the type, document and data of Content Manager and Content API writes', () => {
    expect(writeTarget('POST', '/content-manager/collection-types/api::project.project', { name: 'x' }, plural)).toEqual({ uid: 'api::project.project', documentId: null, data: { name: 'x' } });
    expect(writeTarget('PUT', '/content-manager/collection-types/api%3A%3Aproject.project/abc', {}, plural)).toMatchObject({ documentId: 'abc' });
    expect(writeTarget('POST', '/content-manager/collection-types/api::project.project/clone/src1', {}, plural)).toMatchObject({ documentId: 'src1' });
    expect(writeTarget('POST', '/content-manager/collection-types/api::project.project/abc/actions/publish', {}, plural)).toMatchObject({ documentId: 'abc' });
    expect(writeTarget('POST', '/api/projects', { data: { name: 'x' } }, plural)).toEqual({ uid: 'api::project.project', documentId: null, data: { name: 'x' } });
    expect(writeTarget('PUT', '/api/projects/abc', { data: {} }, plural)).toMatchObject({ documentId: 'abc' });
  });

  it('leaves other routes alone', () => {
    expect(writeTarget('POST', '/content-manager/collection-types/api::project.project/actions/bulkDelete', {}, plural)).toBeNull();
    expect(writeTarget('POST', '/api/unknowns', { data: {} }, plural)).toBeNull();
    expect(writeTarget('GET', '/api/projects', undefined, plural)).toBeNull();
    expect(readTarget('GET', '/api/projects/abc', plural)).toBe('api::project.project');
    expect(readTarget('GET', '/pmo/governance/board', plural)).toBeNull();
  });
});

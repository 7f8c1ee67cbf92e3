import { isEmptyValue, isUnchanged } from './field-values';

const relation = { type: 'relation', relation: 'manyToMany' };
const people = [
  { id: 1, documentId: 'abc' },
  { id: 2, documentId: 'def' },
];

describe('isUnchanged', () => {
  it.each([
    ['the same relation as the Content Manager sends it', { connect: [], disconnect: [] }, true],
    ['an item already connected', { connect: [{ documentId: 'abc', position: { end: true } }], disconnect: [] }, true],
    ['an item that is not there disconnected', { disconnect: [{ id: 9 }] }, true],
    ['another item connected', { connect: [{ documentId: 'xyz' }] }, false],
    ['an item disconnected', { disconnect: [{ id: 2 }] }, false],
    ['the same set by documentId, in another order', ['def', 'abc'], true],
    ['the same set by id and objects', { set: [{ id: 1 }, 2] }, true],
    ['a smaller set', ['abc'], false],
    ['no one', null, false],
  ])('relations: %s', (_label, value, unchanged) => {
    expect(isUnchanged(relation, value, people)).toBe(unchanged);
  });

  it('reads a cleared relation as unchanged when none was stored', () => {
    expect(isUnchanged(relation, [], [])).toBe(true);
    expect(isUnchanged({ type: 'relation', relation: 'manyToOne' }, { connect: [], disconnect: [] }, null)).toBe(true);
  });

  it.each([
    ['ISO text against epoch milliseconds (SQLite)', '2026-02-10T15:30:00.000Z', Date.parse('2026-02-10T15:30:00.000Z'), true],
    ['ISO text against a Date (PostgreSQL)', '2026-02-10T16:30:00.000+01:00', new Date('2026-02-10T15:30:00Z'), true],
    ['epoch text against ISO text', String(Date.parse('2026-02-10T15:30:00Z')), '2026-02-10T15:30:00.000Z', true],
    ['another instant', '2026-02-10T15:30:01.000Z', '2026-02-10T15:30:00.000Z', false],
  ])('datetimes as instants: %s', (_label, value, stored, unchanged) => {
    expect(isUnchanged({ type: 'datetime' }, value, stored)).toBe(unchanged);
  });

  it('compares dates as days and empties as empty', () => {
    expect(isUnchanged({ type: 'date' }, '2026-03-02', '2026-03-02')).toBe(true);
    expect(isUnchanged({ type: 'date' }, '2026-03-02T00:00:00.000Z', '2026-03-02')).toBe(true);
    expect(isUnchanged({ type: 'date' }, '2026-03-03', '2026-03-02')).toBe(false);
    expect(isUnchanged({ type: 'enumeration' }, null, null)).toBe(true);
    expect(isUnchanged({ type: 'string' }, '', null)).toBe(true);
    expect(isUnchanged({ type: 'enumeration' }, 'approved', null)).toBe(false);
    expect(isUnchanged({ type: 'enumeration' }, null, 'approved')).toBe(false);
  });

  it('compares JSON by content, whatever the key order', () => {
    expect(isUnchanged({ type: 'json' }, [{ met: 'yes', key: 'A#1' }], [{ key: 'A#1', met: 'yes' }])).toBe(true);
    expect(isUnchanged({ type: 'json' }, [{ key: 'A#1', met: 'no' }], [{ key: 'A#1', met: 'yes' }])).toBe(false);
  });
});

describe('isEmptyValue', () => {
  it.each([
    [{ type: 'enumeration' }, null, true],
    [{ type: 'string' }, '', true],
    [{ type: 'enumeration' }, 'approved', false],
    [relation, { connect: [], disconnect: [] }, true],
    [relation, [], true],
    [relation, { set: [] }, true],
    [relation, { connect: [{ documentId: 'abc' }] }, false],
    [relation, ['abc'], false],
    [relation, 'abc', false],
  ])('%j %j → %s', (attribute, value, empty) => {
    expect(isEmptyValue(attribute, value)).toBe(empty);
  });
});

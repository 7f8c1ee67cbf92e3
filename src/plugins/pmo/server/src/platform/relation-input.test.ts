import { relationTarget, sameItem } from './relation-input';

describe('relationTarget', () => {
  it.each([
    ['absent', undefined, undefined],
    ['null', null, null],
    ['a documentId', 'abc', { documentId: 'abc' }],
    ['an empty string', '', null],
    ['an id', 7, { id: 7 }],
    ['an object with a documentId', { documentId: 'abc' }, { documentId: 'abc' }],
    ['a list (set)', ['a', 'b'], { documentId: 'b' }],
    ['an empty list', [], null],
    ['set', { set: [{ id: 3 }] }, { id: 3 }],
    ['a Content Manager connect', { connect: [{ id: 4, documentId: 'd4' }], disconnect: [] }, { documentId: 'd4' }],
    ['a Content Manager disconnect', { connect: [], disconnect: [{ id: 4 }] }, null],
    ['a Content Manager no-op', { connect: [], disconnect: [] }, undefined],
  ])('reads %s', (_label, input, expected) => {
    expect(relationTarget(input)).toEqual(expected);
  });

  it('matches an item by documentId or id', () => {
    expect(sameItem({ documentId: 'd1' }, { id: 1, documentId: 'd1' })).toBe(true);
    expect(sameItem({ id: 2 }, { id: 1, documentId: 'd1' })).toBe(false);
  });
});

import { problemInWords, problemsInWords, referencePath, unknownReference } from './strapi-words';

describe('referencePath', () => {
  const id = 'zzunknown0000000000000000';
  it.each([
    [{ decidedBy: id }, ['decidedBy']],
    [{ decidedBy: [id] }, ['decidedBy']],
    [{ decidedBy: { connect: [{ documentId: id }] } }, ['decidedBy']],
    [{ decidedBy: { set: [id] } }, ['decidedBy']],
    [{ title: 'T', contacts: [{ role: 'x' }, { person: id }] }, ['contacts', 1, 'person']],
    [{ reviewers: ['known', id] }, ['reviewers']],
  ])('finds the relation field in %j', (sent, path) => {
    expect(referencePath(sent, id)).toEqual(path);
  });

  it('is null when the body does not hold the id', () => {
    expect(referencePath({ title: 'T', project: 'other' }, id)).toBeNull();
    expect(referencePath(undefined, id)).toBeNull();
    expect(referencePath(id, id)).toBeNull();
  });
});

describe('unknownReference', () => {
  it('names the field when the body shows it, and says there is no such item otherwise', () => {
    expect(unknownReference('abc', { programme: 'abc' })).toEqual({ path: ['programme'], message: 'Choose an existing item for "Programme": there is none with the id "abc"' });
    expect(unknownReference('abc', {})).toEqual({ path: [], message: 'No item has the id "abc": choose one that exists' });
  });
});

describe("Strapi's validation words", () => {
  it('rewrites yup type, choice and required messages naming the field', () => {
    expect(problemInWords({ path: ['source'], message: 'source must be a `string` type, but the final value was: `{}`.' })).toEqual({ path: ['source'], message: 'The source must be text' });
    expect(problemInWords({ path: ['source'], message: 'source must be one of the following values: gate-review, meeting, other, ' })).toEqual({
      path: ['source'],
      message: 'The source must be one of: gate-review, meeting, other',
    });
    expect(problemInWords({ path: ['title'], message: 'title must be defined.' })).toEqual({ path: ['title'], message: 'The title is required: fill it in' });
  });

  it('names a date field in words a sentence can hold, and quotes it as the Content Manager labels it', () => {
    const required = (field: string) => problemInWords({ path: [field], message: `${field} cannot be null` }).message;
    expect(required('raisedOn')).toBe('The date raised is required: fill it in');
    expect(required('decidedOn')).toBe('The decision date is required: fill it in');
    expect(required('recordedOn')).toBe('The date recorded is required: fill it in');
    expect(required('needBy')).toBe('The date needed by is required: fill it in');
    // Quoted, a field reads as its Content Manager label, so a person finds it on the form.
    expect(unknownReference('x1', { approvedAt: 'x1' }).message).toBe('Choose an existing item for "Approved on": there is none with the id "x1"');
    expect(unknownReference('x1', { lastReviewedAt: 'x1' }).message).toBe('Choose an existing item for "Last reviewed": there is none with the id "x1"');
  });

  it("keeps PMO Hub's own messages and yields one of yup's problems per field", () => {
    const own = { path: ['project'], message: 'Choose the project the lesson was learned on' };
    expect(problemInWords(own)).toBe(own);
    expect(
      problemsInWords([
        { path: ['source'], message: 'source must be a `string` type, but the final value was: `{}`.' },
        { path: ['source'], message: 'source must be one of the following values: meeting, other, ' },
        own,
      ])
    ).toEqual([{ path: ['source'], message: 'The source must be text' }, own]);
  });
});

describe('an unknown reference inside a list', () => {
  it('says where it is', () => {
    expect(unknownReference('abc', { contacts: [{ role: 'x' }, { person: 'abc' }] }).message).toBe('Choose an existing item for the person of contact 2: there is none with the id "abc"');
  });
});

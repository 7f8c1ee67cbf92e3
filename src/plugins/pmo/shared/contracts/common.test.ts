import { body, describeIssue, isoDay, noQuery, parseWith, query, queryWholeNumber, reference, text, wholeNumber, z } from './common';

describe('route contracts: the one 400 shape, in words that name the field', () => {
  const schedule = body({
    project: reference('project', 'project'),
    gate: wholeNumber('gate', 1, 5),
    notes: text('notes', 10).optional(),
    when: isoDay('when').optional(),
  });

  it('names every problem by its path, an unknown field at its own path', () => {
    const parsed = parseWith(schedule, { gate: 7, notes: 'far too long here', when: '2026-02-30', colour: 'red' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { path: ['project'], message: 'project is required (choose a project)' },
        { path: ['gate'], message: 'gate must be a whole number from 1 to 5' },
        { path: ['notes'], message: 'notes must be at most 10 characters' },
        { path: ['when'], message: 'when must be a real date written YYYY-MM-DD' },
        { path: ['colour'], message: 'unknown field: colour' },
      ])
    );
    expect(parsed.problems).toHaveLength(5);
  });

  it('accepts good input and hands back the parsed values', () => {
    expect(parseWith(schedule, { project: 'abc', gate: 3 })).toEqual({ ok: true, value: { project: 'abc', gate: 3 } });
  });

  it('reads query strings as text: numbers converted, repeats and unknown parameters refused', () => {
    const list = query({ gate: queryWholeNumber('gate', 1, 5).optional() });
    expect(parseWith(list, { gate: '4' }, 'query')).toEqual({ ok: true, value: { gate: 4 } });
    expect(parseWith(list, { gate: ['1', '2'] }, 'query')).toMatchObject({ ok: false, problems: [{ path: ['gate'], message: 'gate must be given once, as text' }] });
    expect(parseWith(list, { gate: '9' }, 'query')).toMatchObject({ ok: false, problems: [{ path: ['gate'], message: 'gate must be a whole number from 1 to 5' }] });
    expect(parseWith(noQuery, { sort: 'x' }, 'query')).toMatchObject({ ok: false, problems: [{ path: ['sort'], message: 'unknown query parameter: sort' }] });
  });

  it('writes its own words where a schema gives none', () => {
    const plain = z.strictObject({ items: z.array(z.object({ count: z.number().int().max(3) })), flag: z.boolean() });
    const parsed = parseWith(plain, { items: [{ count: 1.5 }, { count: 9 }], flag: 'yes' });
    expect(parsed).toMatchObject({
      ok: false,
      problems: [
        { path: ['items', 0, 'count'], message: 'items[0].count must be a whole number' },
        { path: ['items', 1, 'count'], message: 'items[1].count must be at most 3' },
        { path: ['flag'], message: 'flag must be true or false' },
      ],
    });
    expect(parseWith(plain, [1, 2])).toMatchObject({ ok: false, problems: [{ path: [], message: 'the request body must be a JSON object' }] });
  });

  it('names a missing field as required', () => {
    expect(describeIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['title'] } as never)).toBe('title is required');
  });
});

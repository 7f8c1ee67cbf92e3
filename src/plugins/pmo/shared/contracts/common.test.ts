import { body, describeIssue, isoDay, noQuery, parseWith, query, queryWholeNumber, reference, requiredText, text, wholeNumber, z } from './common';

describe('route contracts: the one 400 shape, in words that name the field', () => {
  const schedule = body({
    project: reference('project', 'project'),
    gate: wholeNumber('gate', 1, 5),
    notes: text('notes', 10).optional(),
    dueDate: isoDay('dueDate').optional(),
  });

  it('names every problem by its path, an unknown field at its own path', () => {
    const parsed = parseWith(schedule, { gate: 7, notes: 'far too long here', dueDate: '2026-02-30', colour: 'red' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { path: ['project'], message: 'Choose a project' },
        { path: ['gate'], message: 'The gate must be a whole number from 1 to 5' },
        { path: ['notes'], message: 'The notes must be at most 10 characters' },
        { path: ['dueDate'], message: 'Give the due date as a real day, written 2026-12-02 for 2 Dec 2026' },
        { path: ['colour'], message: 'This request has no field "colour"' },
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
    expect(parseWith(list, { gate: ['1', '2'] }, 'query')).toMatchObject({ ok: false, problems: [{ path: ['gate'], message: 'The gate must be given once, as text' }] });
    expect(parseWith(list, { gate: '9' }, 'query')).toMatchObject({ ok: false, problems: [{ path: ['gate'], message: 'The gate must be a whole number from 1 to 5' }] });
    expect(parseWith(noQuery, { sort: 'x' }, 'query')).toMatchObject({ ok: false, problems: [{ path: ['sort'], message: 'This address has no query parameter "sort"' }] });
  });

  it('writes its own words where a schema gives none', () => {
    const plain = z.strictObject({ items: z.array(z.object({ count: z.number().int().max(3) })), flag: z.boolean() });
    const parsed = parseWith(plain, { items: [{ count: 1.5 }, { count: 9 }], flag: 'yes' });
    expect(parsed).toMatchObject({
      ok: false,
      problems: [
        { path: ['items', 0, 'count'], message: 'The count of item 1 must be a whole number' },
        { path: ['items', 1, 'count'], message: 'The count of item 2 must be at most 3' },
        { path: ['flag'], message: 'The flag must be yes or no (true or false)' },
      ],
    });
    expect(parseWith(plain, [1, 2])).toMatchObject({ ok: false, problems: [{ path: [], message: 'The request must be a JSON object' }] });
  });

  it('names a missing field as required', () => {
    expect(describeIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['title'] } as never)).toBe('Give a title');
  });

  it('names a field inside a list by its entry, as a person counts: "Action item 1 needs a text"', () => {
    const session = body({
      actionItems: z.array(body({ text: requiredText('text', 100), dueDate: isoDay('dueDate'), owner: reference('owner', 'person') })),
    });
    const parsed = parseWith(session, { actionItems: [{ text: ' ', dueDate: 'soon' }] });
    expect(parsed).toMatchObject({
      ok: false,
      problems: [
        { path: ['actionItems', 0, 'text'], message: 'Action item 1 needs a text' },
        { path: ['actionItems', 0, 'dueDate'], message: 'Give the due date of action item 1 as a real day, written 2026-12-02 for 2 Dec 2026' },
        { path: ['actionItems', 0, 'owner'], message: 'Action item 1 needs an owner' },
      ],
    });
  });

  it('never puts a field key or a documentId in a message, only in the path', () => {
    const change = body({ project: reference('project', 'project'), percentComplete: wholeNumber('percentComplete', 0, 100), olderThanDays: text('olderThanDays', 3) });
    const parsed = parseWith(change, { percentComplete: 120, olderThanDays: 'four' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      'Choose a project',
      'The percentage complete must be a whole number from 0 to 100',
      'The age in days must be at most 3 characters',
    ]);
    for (const { message } of parsed.problems) expect(message).not.toMatch(/documentId|[a-z]+[A-Z][a-zA-Z]*\b|pmo-[a-z]+/);
  });
});

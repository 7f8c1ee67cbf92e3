import { parseWith } from './common';
import { changeControlRoutes, raiseInput } from './change-control';

const problems = (value: unknown) => {
  const parsed = parseWith(raiseInput, value);
  return parsed.ok ? [] : parsed.problems;
};

describe('the change-control contract', () => {
  const good = { project: 'p1', title: 'Add a second data centre', impact: { cost: '150000', scheduleDays: -3 } };

  it('accepts a raise and hands back what it read', () => {
    expect(parseWith(raiseInput, good)).toEqual({ ok: true, value: good });
    expect(parseWith(raiseInput, { ...good, impact: { cost: null, scheduleDays: null } })).toMatchObject({ ok: true });
  });

  it('asks for a project and a title in words', () => {
    expect(problems({})).toEqual([
      { path: ['project'], message: 'Choose a project' },
      { path: ['title'], message: 'Give a title' },
    ]);
    expect(problems({ ...good, title: '   ' })).toEqual([{ path: ['title'], message: 'Give a title' }]);
    expect(problems({ ...good, title: 'x'.repeat(201) })).toEqual([{ path: ['title'], message: 'The title must be at most 200 characters' }]);
  });

  it('takes a cost impact in whole cents as a string, once per problem, up to the largest amount', () => {
    const rule =
      'The cost impact must be a whole number of cents, zero or more, as text ("123450" for 1,234.50); record savings under the benefits';
    for (const cost of ['12.50', '-100', 1500, '']) {
      expect([cost, problems({ ...good, impact: { cost } })]).toEqual([cost, [{ path: ['impact', 'cost'], message: rule }]]);
    }
    expect(problems({ ...good, impact: { cost: '9007199254740992' } })).toEqual([
      { path: ['impact', 'cost'], message: 'The cost impact must be at most 90,071,992,547,409.91' },
    ]);
    expect(problems({ ...good, impact: { cost: '9007199254740991' } })).toEqual([]);
  });

  it('names schedule days, unknown impact fields and the fields PMO Hub sets', () => {
    expect(problems({ ...good, impact: { scheduleDays: 1.5 } })).toEqual([
      { path: ['impact', 'scheduleDays'], message: 'The schedule impact must be a whole number of days' },
    ]);
    expect(problems({ ...good, impact: { scheduleDays: 4000 } })[0].message).toBe('The schedule impact must be between -3650 and 3650 days');
    expect(problems({ ...good, impact: { colour: 'red' } })).toEqual([{ path: ['impact', 'colour'], message: 'The impact has no field "colour"' }]);
    expect(problems({ ...good, impact: 'expensive' })).toEqual([{ path: ['impact'], message: 'The impact must be a set of fields' }]);
    expect(problems({ ...good, raisedBy: 'someone', reference: 'CR-MINE-001' }).map((p) => p.path)).toEqual([['raisedBy'], ['reference']]);
    expect(problems({ ...good, authorityLevel: 'project-manager' })[0].message).toMatch(/^The authority level is not sent/);
    expect(problems({ ...good, type: 'minor' })).toEqual([{ path: ['type'], message: 'The type must be one of "normal", "standard" or "emergency"' }]);
  });

  it('reads the list filters from the query string', () => {
    const list = changeControlRoutes.list.query;
    expect(parseWith(list, { project: 'ERP', olderThanDays: '3', type: 'normal' }, 'query')).toEqual({
      ok: true,
      value: { project: 'ERP', olderThanDays: 3, type: 'normal' },
    });
    for (const [key, value] of [['olderThanDays', 'soon'], ['type', 'minor'], ['colour', 'red']]) {
      const parsed = parseWith(list, { [key]: value }, 'query');
      expect(parsed.ok ? [] : parsed.problems.map((problem) => problem.path)).toEqual([[key]]);
    }
  });
});

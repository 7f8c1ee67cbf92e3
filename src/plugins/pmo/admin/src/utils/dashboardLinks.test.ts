import { parse } from 'qs';

import { figureLists, type LinkScope } from './dashboardLinks';

/** What the Content Manager reads from a link: the admin parses its URL with qs's defaults (five brackets deep). */
const read = (path: string | null) => {
  const query = parse(path!.slice(path!.indexOf('?') + 1));
  return { uid: path!.slice(0, path!.indexOf('?')).split('/').pop(), filters: query.filters };
};

const none = { portfolio: null, programme: null, manager: null, department: null, programmes: [], projects: 3 };
const answer = (scope: Partial<LinkScope['scope']>): LinkScope => ({ asOf: '2026-12-05', scope: { ...none, ...scope } });
const PF = { documentId: 'pf1', code: 'PF', name: 'Change' };
const PG = { documentId: 'pg1', code: 'PG', name: 'Customer' };
const MANAGER = { documentId: 'm1', fullName: 'Mara Manager' };
const DEPARTMENT = { documentId: 'd1', name: 'Finance' };

/** Every string leaf's key path: none of them may be a bracketed literal (what a too-deep key becomes). */
const literalKeys = (value: unknown, path = ''): string[] =>
  value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => (key.includes('[') ? [`${path}.${key}`] : literalKeys(inner, `${path}.${key}`))) : [];

describe('the dashboard figures’ Content Manager lists', () => {
  it('narrows a heat-map cell of a programme to its projects’ risks and the programme’s own', () => {
    const { uid, filters } = read(figureLists.risks(answer({ programme: PG }), 2, 5));
    expect(uid).toBe('api::risk.risk');
    expect(filters).toEqual({
      $or: [
        { probability: '2', impact: '5', status: 'open', project: { programme: { documentId: 'pg1' } } },
        { probability: '2', impact: '5', status: 'open', project: { id: { $null: 'true' } }, programme: { documentId: 'pg1' } },
      ],
    });
  });

  it('reaches a portfolio’s risks and critical issues through its programmes, as of the date', () => {
    const scope = answer({ portfolio: PF, programmes: ['pg1', 'pg2'] });
    const { filters } = read(figureLists.criticalIssues(scope));
    const open = { priority: 'critical', status: 'open', raisedOn: { $lte: '2026-12-05' } };
    expect(filters).toEqual({
      $or: [
        { ...open, project: { programme: { documentId: 'pg1' } } },
        { ...open, project: { id: { $null: 'true' } }, programme: { documentId: 'pg1' } },
        { ...open, project: { programme: { documentId: 'pg2' } } },
        { ...open, project: { id: { $null: 'true' } }, programme: { documentId: 'pg2' } },
      ],
    });
    // A portfolio with no programme has nothing in it.
    expect(read(figureLists.risks(answer({ portfolio: PF, programmes: [] }), 1, 1)).filters).toEqual({ id: { $null: 'true' } });
    // Ten programmes fit (20 branches); an eleventh would not, so the figure goes without a link.
    const programmes = (count: number) => Array.from({ length: count }, (_, i) => `pg${i}`);
    expect(figureLists.risks(answer({ portfolio: PF, programmes: programmes(10) }), 1, 1)).not.toBeNull();
    expect(figureLists.risks(answer({ portfolio: PF, programmes: programmes(11) }), 1, 1)).toBeNull();
  });

  it('narrows to the projects of a manager or department (no programme-held items), whatever else is chosen', () => {
    expect(read(figureLists.risks(answer({ portfolio: PF, programmes: ['pg1'], manager: MANAGER, department: DEPARTMENT }), 3, 4)).filters).toEqual({
      probability: '3',
      impact: '4',
      status: 'open',
      project: { programme: { portfolio: { documentId: 'pf1' } }, manager: { documentId: 'm1', department: { documentId: 'd1' } } },
    });
    expect(read(figureLists.state(answer({ portfolio: PF, department: DEPARTMENT }), 'executing')).filters).toEqual({
      workflowState: 'executing',
      programme: { portfolio: { documentId: 'pf1' } },
      manager: { department: { documentId: 'd1' } },
    });
    expect(read(figureLists.state(answer({ programme: PG, manager: MANAGER }), null)).filters).toEqual({
      workflowState: { $null: 'true' },
      programme: { documentId: 'pg1' },
      manager: { documentId: 'm1' },
    });
  });

  it('writes every filter combination in keys the admin reads whole', () => {
    const combinations = [{}, { programme: PG }, { portfolio: PF, programmes: ['pg1', 'pg2'] }, { manager: MANAGER }, { department: DEPARTMENT }];
    const scopes = combinations.flatMap((a) => combinations.map((b) => ({ ...a, ...b }))).filter((scope) => !('programme' in scope && 'portfolio' in scope));
    for (const scope of scopes) {
      for (const path of [figureLists.state(answer(scope), 'planning'), figureLists.risks(answer(scope), 5, 5), figureLists.criticalIssues(answer(scope))]) {
        expect(path).not.toBeNull();
        expect(literalKeys(read(path).filters)).toEqual([]);
      }
    }
  });
});

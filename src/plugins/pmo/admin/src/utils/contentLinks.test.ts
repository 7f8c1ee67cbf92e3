import { parse } from 'qs';

import { registerList } from './contentLinks';

/** What the Content Manager reads from a link: the admin parses its URL with qs's defaults (five brackets deep). */
const filtersOf = (path: string) => parse(path.slice(path.indexOf('?') + 1)).filters;

describe('registerList: Content Manager lists a link carries whole', () => {
  it('writes a single branch as plain filters', () => {
    const path = registerList('api::risk.risk', [[{ probability: 3, impact: 4 }], [{ status: 'open' }], [{ project: { documentId: 'p1' } }]]);
    expect(path.startsWith('/content-manager/collection-types/api::risk.risk?page=1&')).toBe(true);
    expect(filtersOf(path)).toEqual({ probability: '3', impact: '4', status: 'open', project: { documentId: 'p1' } });
  });

  it("multiplies alternatives out into one level of $or that the admin's parsing keeps intact", () => {
    const residual = [
      { residualProbability: 2, residualImpact: 3 },
      { probability: 2, impact: 3, residualProbability: { $null: true } },
    ];
    const programme = [{ project: { programme: { documentId: 'g1' } } }, { programme: { documentId: 'g1' } }];
    const filters = filtersOf(registerList('api::risk.risk', [residual, [{ status: 'open' }], programme]));
    expect(filters).toEqual({
      $or: [
        { residualProbability: '2', residualImpact: '3', status: 'open', project: { programme: { documentId: 'g1' } } },
        { residualProbability: '2', residualImpact: '3', status: 'open', programme: { documentId: 'g1' } },
        { probability: '2', impact: '3', residualProbability: { $null: 'true' }, status: 'open', project: { programme: { documentId: 'g1' } } },
        { probability: '2', impact: '3', residualProbability: { $null: 'true' }, status: 'open', programme: { documentId: 'g1' } },
      ],
    });
    // What `$and` → `$or` → a relation path would have become: a key the server cannot read.
    expect(parse('filters[$and][0][$or][0][project][programme][documentId][$eq]=g1').filters).toEqual({
      $and: [{ $or: [{ project: { '[programme][documentId][$eq]': 'g1' } }] }],
    });
  });
});

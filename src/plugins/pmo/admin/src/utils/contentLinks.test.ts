import { parse } from 'qs';

import { listLink, registerList } from './contentLinks';

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

describe('listLink: filters no link can hold', () => {
  it('matches nothing when a condition has no alternative, rather than dropping the condition', () => {
    expect(filtersOf(listLink('api::risk.risk', [[{ status: 'open' }], []])!)).toEqual({ id: { $null: 'true' } });
  });

  it('gives no link when the branches would be more than qs reads as a list (20)', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ code: `c${i}` }));
    expect(listLink('api::project.project', [many])).toBeNull();
    const most = filtersOf(listLink('api::project.project', [many.slice(0, 20)])!) as { $or: unknown[] };
    expect(Array.isArray(most.$or) && most.$or.length).toBe(20);
    // What a 21st branch would have become: an object, which the server does not read as `$or`.
    expect(Array.isArray((filtersOf(registerList('api::project.project', [many])) as { $or: unknown }).$or)).toBe(false);
  });
});

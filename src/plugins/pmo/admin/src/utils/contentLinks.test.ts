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

describe('listLink: lists of values, and filters no link can hold', () => {
  it('writes a list as the same key repeated, which qs reads back as the list', () => {
    const path = listLink('api::risk.risk', [[{ status: 'open' }], [{ project: { programme: { documentId: ['g1', 'g2'] } } }, { project: { id: { $null: true } }, programme: { documentId: ['g1', 'g2'] } }]]);
    expect(path).toContain('filters%5B%24or%5D%5B0%5D%5Bproject%5D%5Bprogramme%5D%5BdocumentId%5D=g1&filters%5B%24or%5D%5B0%5D%5Bproject%5D%5Bprogramme%5D%5BdocumentId%5D=g2');
    expect(filtersOf(path!)).toEqual({
      $or: [
        { status: 'open', project: { programme: { documentId: ['g1', 'g2'] } } },
        { status: 'open', project: { id: { $null: 'true' } }, programme: { documentId: ['g1', 'g2'] } },
      ],
    });
  });

  it('splits a list longer than qs keeps (20) into branches of at most 20 values', () => {
    const ids = Array.from({ length: 45 }, (_, i) => `p${i}`);
    const filters = filtersOf(listLink('api::project.project', [[{ documentId: ids }]])!) as { $or: Array<{ documentId: string[] }> };
    expect(filters.$or.map((branch) => branch.documentId.length)).toEqual([20, 20, 5]);
    expect(filters.$or.flatMap((branch) => branch.documentId)).toEqual(ids);
  });

  it('matches nothing for an empty list, rather than dropping the condition', () => {
    expect(filtersOf(listLink('api::risk.risk', [[{ status: 'open' }], [{ programme: { documentId: [] } }]])!)).toEqual({ id: { $null: 'true' } });
  });

  it('gives no link when the branches would be more than qs reads as a list (21)', () => {
    const many = Array.from({ length: 22 }, (_, i) => ({ code: `c${i}` }));
    expect(listLink('api::project.project', [many])).toBeNull();
    expect(listLink('api::project.project', [many.slice(0, 21)])).not.toBeNull();
    expect(registerList('api::project.project', [many])).toContain('filters%5B%24or%5D%5B21%5D%5Bcode%5D=c21');
  });
});

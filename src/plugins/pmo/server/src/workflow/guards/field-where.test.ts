import { fieldGuardWhere, type ModelOf } from './field-where';

const models: Record<string, ReturnType<ModelOf>> = {
  'plugin::pmo.change-request': {
    attributes: {
      type: { type: 'enumeration' },
      title: { type: 'string' },
      impact: { type: 'component', component: 'change.impact', repeatable: false },
      risks: { type: 'component', component: 'change.impact', repeatable: true },
      project: { type: 'relation', relation: 'manyToOne', target: 'api::project.project' },
      decidedBy: { type: 'relation', relation: 'manyToMany', target: 'api::person.person' },
      urgent: { type: 'boolean' },
      ratio: { type: 'decimal' },
    },
  },
  'change.impact': { attributes: { cost: { type: 'biginteger' }, scheduleDays: { type: 'integer' } } },
  'api::project.project': { attributes: { code: { type: 'string' } } },
  'api::document.document': { attributes: { title: { type: 'string' } }, options: { draftAndPublish: true } },
};
const modelOf: ModelOf = (uid) => models[uid];
const where = (path: string, op: string, value?: unknown, uid = 'plugin::pmo.change-request') =>
  fieldGuardWhere({ path, op: op as never, value }, uid, modelOf);

describe('the field guard as a where-clause', () => {
  it('says exactly which items pass plain checks, through single components and to-one relations', () => {
    expect(where('type', 'eq', 'normal')).toEqual({ where: { type: { $eq: 'normal' } }, exact: true });
    expect(where('impact.cost', 'exists')).toEqual({ where: { impact: { cost: { $notNull: true } } }, exact: true });
    expect(where('title', 'exists')).toEqual({ where: { title: { $notNull: true, $ne: '' } }, exact: true });
    expect(where('type', 'in', ['normal', '', 'standard'])).toEqual({ where: { type: { $in: ['normal', 'standard'] } }, exact: true });
    expect(where('project.code', 'eq', 'PRJ-1')).toEqual({ where: { project: { code: { $eq: 'PRJ-1' } } }, exact: true });
    expect(where('impact.cost', 'gte', 100000)).toEqual({ where: { impact: { cost: { $notNull: true, $gte: '100000' } } }, exact: true });
    expect(where('impact.scheduleDays', 'in', [1, '2'])).toEqual({ where: { impact: { scheduleDays: { $in: ['1', '2'] } } }, exact: true });
    expect(where('urgent', 'eq', false)).toEqual({ where: { urgent: { $eq: false } }, exact: true });
  });

  it('leaves to the evaluator what SQL would compare otherwise', () => {
    // Numbers as text compare as numbers in the guard ("007" equals "7"), text orders by code point.
    expect(where('title', 'eq', '7')).toBeNull();
    expect(where('title', 'lt', 'm')).toBeNull();
    // A database that ignores case would leave out "Normal", which differs from "normal".
    expect(where('type', 'neq', 'normal')).toBeNull();
    expect(where('impact.cost', 'gt', 10.5)).toBeNull();
    expect(where('ratio', 'eq', 1)).toBeNull();
    // Lists of people or of components, a relation itself, no such field.
    expect(where('decidedBy.fullName', 'exists')).toBeNull();
    expect(where('risks.cost', 'exists')).toBeNull();
    expect(where('project', 'exists')).toBeNull();
    expect(where('colour', 'eq', 'red')).toBeNull();
  });

  it('is a superset only where an item has several rows (draft and published)', () => {
    expect(where('title', 'eq', 'Plan', 'api::document.document')).toEqual({ where: { title: { $eq: 'Plan' } }, exact: false });
  });
});

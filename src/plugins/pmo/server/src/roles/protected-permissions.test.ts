import { withoutProtectedFields, type Permission } from './protected-permissions';

const CHANGE = 'plugin::pmo.change-request';
const UPDATE = 'plugin::content-manager.explorer.update';
const all = () => ['title', 'impact.cost', 'decision', 'decidedBy', 'workflowState'];

describe('withoutProtectedFields', () => {
  it('drops the protected fields of a create or update permission', () => {
    const permission = { id: 7, action: UPDATE, subject: CHANGE, properties: { fields: ['title', 'decision', 'impact.cost', 'reference'] } };
    expect(withoutProtectedFields(permission, all)).toEqual({ ...permission, properties: { fields: ['title', 'impact.cost'] } });
  });

  it('lists every other field when the permission names none (all fields, to Strapi)', () => {
    const permission: Permission = { action: UPDATE, subject: CHANGE, properties: {} };
    expect(withoutProtectedFields(permission, all)?.properties?.fields).toEqual(['title', 'impact.cost']);
  });

  it('leaves alone what has nothing to drop: read permissions, clean fields, other types', () => {
    expect(withoutProtectedFields({ action: 'plugin::content-manager.explorer.read', subject: CHANGE, properties: { fields: all() } }, all)).toBeNull();
    expect(withoutProtectedFields({ action: UPDATE, subject: CHANGE, properties: { fields: ['title'] } }, all)).toBeNull();
    expect(withoutProtectedFields({ action: UPDATE, subject: 'api::person.person', properties: { fields: ['fullName'] } }, all)).toBeNull();
  });

  it('keeps no field of a type the engine owns entirely', () => {
    const permission = { action: UPDATE, subject: 'plugin::pmo.workflow-instance', properties: { fields: ['state', 'votes'] } };
    expect(withoutProtectedFields(permission, all)?.properties?.fields).toEqual([]);
  });
});

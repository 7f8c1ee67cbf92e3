import { withProtectedReadFields, withoutProtectedFields, type Permission } from './protected-permissions';

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

describe('withProtectedReadFields', () => {
  const READ = 'plugin::content-manager.explorer.read';
  const REPORT = 'api::status-report.status-report';

  it('adds a protected field a read permission lacks, so the role reads what names the item', () => {
    const permission = { id: 3, action: READ, subject: REPORT, properties: { fields: ['project', 'asOf', 'summary'] } };
    expect(withProtectedReadFields(permission)).toEqual({
      ...permission,
      properties: { fields: ['project', 'asOf', 'summary', 'label', 'workflowState'] },
    });
  });

  it('adds the workflow state to a read permission of any type a workflow may govern', () => {
    const permission = { action: READ, subject: 'api::person.person', properties: { fields: ['fullName'] } };
    expect(withProtectedReadFields(permission)?.properties?.fields).toEqual(['fullName', 'workflowState']);
  });

  it('leaves alone reads that have them or list no fields, writes, other types and types the engine owns', () => {
    expect(withProtectedReadFields({ action: READ, subject: REPORT, properties: { fields: ['asOf', 'label', 'workflowState'] } })).toBeNull();
    expect(withProtectedReadFields({ action: READ, subject: REPORT, properties: {} })).toBeNull();
    expect(withProtectedReadFields({ action: UPDATE, subject: REPORT, properties: { fields: ['asOf'] } })).toBeNull();
    expect(withProtectedReadFields({ action: READ, subject: 'plugin::pmo.workflow-instance', properties: { fields: ['state'] } })).toBeNull();
  });
});

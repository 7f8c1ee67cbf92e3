import { abilityKey } from './ability-cache';

const user = { id: 7, email: 'pm@pmo.test', roles: [{ id: 3, code: 'project-manager' }], updatedAt: '2026-12-01T09:00:00.000Z' };
const read = { id: 11, action: 'plugin::pmo.access', subject: null, conditions: '[]', updated_at: 1764579600000 };
const own = { id: 12, action: 'plugin::content-manager.explorer.read', subject: 'api::risk.risk', conditions: '["admin::is-creator"]', updated_at: 1764579600000 };

describe('the key a kept admin ability is found by', () => {
  it('is the same for the same user and the same permission rows', () => {
    expect(abilityKey(user, [read, own])).toBe(abilityKey({ ...user }, [{ ...read }, { ...own }]));
  });

  it('changes with any permission row, its update time included, and with the user', () => {
    const key = abilityKey(user, [read, own]);
    expect(abilityKey(user, [read])).not.toBe(key);
    expect(abilityKey(user, [read, { ...own, updated_at: own.updated_at + 1 }])).not.toBe(key);
    expect(abilityKey(user, [read, { ...own, subject: 'api::issue.issue' }])).not.toBe(key);
    expect(abilityKey({ ...user, id: 8 }, [read, own])).not.toBe(key);
    expect(abilityKey({ ...user, roles: [{ id: 4, code: 'pmo-analyst' }] }, [read, own])).not.toBe(key);
  });

  it("keeps abilities whose conditions read only the user (Strapi's two), on either database's row shape", () => {
    expect(abilityKey(user, [read, own])).not.toBeNull();
    expect(abilityKey(user, [{ ...own, conditions: ['admin::has-same-role-as-creator'] }, { ...read, conditions: null }])).not.toBeNull();
  });

  it('keeps none with another condition, or conditions it cannot read', () => {
    expect(abilityKey(user, [read, { ...own, conditions: '["plugin::pmo.my-department"]' }])).toBeNull();
    expect(abilityKey(user, [read, { ...own, conditions: '["admin::is-creator"' }])).toBeNull();
    expect(abilityKey(user, [read, { ...own, conditions: '{"admin::is-creator":true}' }])).toBeNull();
  });
});

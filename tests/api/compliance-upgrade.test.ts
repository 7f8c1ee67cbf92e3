/**
 * A database seeded before the compliance guards: governance's bootstrap brings the project
 * lifecycle up to the new seed (version 2) only while it is the old seed unchanged; a lifecycle an
 * administrator saved is never touched. The stored row is put back as it was after each test.
 */
import { getStrapi } from '../helpers/strapi';
import { governance } from '../../src/plugins/pmo/server/src/governance';

const WORKFLOW = 'plugin::pmo.workflow';
type Guard = { type: string };
type Definition = { transitions: Array<{ key: string; guards?: Guard[] }> };

const query = () => getStrapi().db.query(WORKFLOW as any);
const stored = async () => (await query().findOne({ where: { key: 'project-lifecycle' } })) as Record<string, any>;
const invalidate = () => (getStrapi().plugin('pmo').service('workflow') as any).invalidate?.();

/** The definition as it was seeded before compliance: gates 2-5 without documents and standards guards. */
const withoutCompliance = (definition: Definition): Definition => ({
  ...definition,
  transitions: definition.transitions.map((t) => ({ ...t, guards: t.guards?.filter((g) => g.type !== 'documents' && g.type !== 'standards') })),
});
const complianceGuardsOf = (definition: Definition) =>
  definition.transitions.filter((t) => t.guards?.some((g) => g.type === 'standards' || g.type === 'documents')).map((t) => t.key);

let original: Record<string, any>;
beforeAll(async () => {
  original = await stored();
});
afterEach(async () => {
  const { id, definition, version, versions, updatedByName } = original;
  await query().update({ where: { id }, data: { definition, version, versions, updatedByName } });
  invalidate();
});

async function seededAs(updatedByName: string) {
  const old = withoutCompliance(original.definition);
  await query().update({
    where: { id: original.id },
    data: { definition: old, version: 1, versions: [{ version: 1, definition: old, savedAt: '2026-01-01T00:00:00.000Z', savedBy: updatedByName }], updatedByName },
  });
  invalidate();
}

describe('upgrading a lifecycle seeded before the compliance guards', () => {
  it('adds them to gates 2 to 5 as version 2 while it is the old seed unchanged', async () => {
    expect(complianceGuardsOf(original.definition)).toEqual(['gate-2', 'gate-3', 'gate-4', 'gate-5']);
    await seededAs('PMO Hub defaults');
    await governance.bootstrap!(getStrapi());
    const upgraded = await stored();
    expect(upgraded.version).toBe(2);
    expect(complianceGuardsOf(upgraded.definition)).toEqual(['gate-2', 'gate-3', 'gate-4', 'gate-5']);
    expect(upgraded.versions.map((v: { version: number; savedBy: string }) => [v.version, v.savedBy])).toEqual([
      [1, 'PMO Hub defaults'],
      [2, 'PMO Hub defaults'],
    ]);
    // Run again: nothing more to do.
    await governance.bootstrap!(getStrapi());
    expect((await stored()).version).toBe(2);
  });

  it('leaves a lifecycle an administrator saved as it is', async () => {
    await seededAs('Ada Administrator');
    await governance.bootstrap!(getStrapi());
    const kept = await stored();
    expect([kept.version, complianceGuardsOf(kept.definition)]).toEqual([1, []]);
  });
});

/**
 * Decisions recorded in the decision log by themselves, once each: a gate review's decision
 * (through governance's routes and its Document Service writes) and a change request's
 * authorisation or rejection (the `logDecision` effect of the change-control workflow). The
 * project lifecycle's gate 5 needs a lesson learned (guard `lessons`). Seeded workflows saved
 * before these gain them on start-up while unchanged; an administrator's edits are kept.
 */
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import { actors, expectFire, project as changingProject, raise } from './change-control-fixtures';
import { fire, review, stateOf, throughGates } from './governance-fixtures';
import { DECISION, cm, expectInvalid, lesson, member, project, type Doc } from './raid-fixtures';
import { governance } from '../../src/plugins/pmo/server/src/governance';
import { changeControl } from '../../src/plugins/pmo/server/src/change-control';

const decisionsOf = (sourceDocumentId: string) =>
  getStrapi().db.query(DECISION as any).findMany({ where: { sourceDocumentId }, populate: { decidedBy: true, project: true }, orderBy: { id: 'asc' } });

let director: { person: Doc; agent: Agent };
beforeAll(async () => {
  director = await member('raid.director@test.pmo', ['pmo-director'], 'Dana Decider');
});

describe("a gate review's decision", () => {
  it('is recorded in the decision log when the review is held, once, dated the day it was held', async () => {
    const p = await project({ name: 'Warehouse robots' });
    const scheduled = await director.agent.post('/pmo/gate-reviews').send({ project: p.documentId, gate: 1, scheduledDate: '2026-05-01' });
    expect(scheduled.status).toBe(201);
    const id = scheduled.body.documentId;
    expect(await decisionsOf(id)).toEqual([]);

    const held = await director.agent.put(`/pmo/gate-reviews/${id}`).send({ decision: 'go', heldDate: '2026-05-04', reviewers: [director.person.documentId], notes: 'Strong case' });
    expect(held.status).toBe(200);
    await director.agent.put(`/pmo/gate-reviews/${id}`).send({ notes: 'Strong case; minutes filed' });
    const logged = await decisionsOf(id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      title: `${p.code} Gate 1 (business justification): go`,
      decidedOn: '2026-05-04',
      source: 'gate-review',
      sourceDocumentId: id,
      project: expect.objectContaining({ documentId: p.documentId }),
      decidedBy: expect.objectContaining({ documentId: director.person.documentId }),
    });
    expect(logged[0].decision).toBe(
      `Go at Gate 1 (business justification) of ${p.code} Warehouse robots, review held on 4 May 2026. Reviewers: Dana Decider. Recorded by Test pmo-director. Notes: Strong case`
    );
  });

  it('is recorded for a review decided when it is first written (hold), and for the gates a project passes', async () => {
    const p = await project();
    const held = await director.agent.post('/pmo/gate-reviews').send({ project: p.documentId, gate: 1, decision: 'hold', heldDate: '2026-06-01' });
    expect(held.status).toBe(201);
    expect((await decisionsOf(held.body.documentId)).map((d: any) => [d.title, d.decidedOn])).toEqual([[`${p.code} Gate 1 (business justification): hold`, '2026-06-01']]);
    const other = await project();
    await throughGates(await asRole('pmo-manager'), other, 2);
    const all = await getStrapi().db.query(DECISION as any).findMany({ where: { project: { documentId: other.documentId } }, orderBy: { id: 'asc' } });
    expect(all.map((d: any) => [d.source, d.title])).toEqual([
      ['gate-review', `${other.code} Gate 1 (business justification): go`],
      ['gate-review', `${other.code} Gate 2 (delivery strategy): go`],
    ]);
  });
});

describe("a change request's decision", () => {
  it('is recorded when it is authorised, once, by the person who authorised it', async () => {
    const who = await actors();
    const p = await changingProject();
    const cr = await raise(p, { title: 'Add single sign-on', cost: '100.00' });
    await expectFire(who.raiser, cr, 'submit', 200);
    await expectFire(who.pm, cr, 'recommend', 200);
    await expectFire(who.pm, cr, 'authorize-pm', 200, 'Within tolerance');
    const logged = await decisionsOf(cr.documentId);
    const day = new Date().toISOString().slice(0, 10);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      title: `${cr.reference} approved: Add single sign-on`,
      decidedOn: day,
      source: 'change-request',
      project: expect.objectContaining({ documentId: p.documentId }),
      decidedBy: expect.objectContaining({ fullName: 'Pat Manager' }),
    });
    expect(logged[0].decision).toMatch(new RegExp(`^Change request ${cr.reference} "Add single sign-on" approved \\(Authorise \\(project manager, within tolerance\\)\\) by [^.]+\\. Comment: Within tolerance$`));
  });

  it('is recorded when it is rejected, with the reason', async () => {
    const who = await actors();
    const cr = await raise(await changingProject(), { title: 'Gold-plate the reports' });
    await expectFire(who.raiser, cr, 'submit', 200);
    await expectFire(who.pm, cr, 'reject', 200, 'No business case');
    const logged = await decisionsOf(cr.documentId);
    expect(logged.map((d: any) => [d.title, d.source])).toEqual([[`${cr.reference} rejected: Gold-plate the reports`, 'change-request']]);
    expect(logged[0].decision).toContain('Comment: No business case');
  });

  it("keeps its source record to PMO Hub: a person's value is refused, naming the field", async () => {
    const res = await (await asRole('pmo-manager')).post(cm(DECISION)).send({
      title: 'Forged',
      decision: 'We go',
      decidedOn: '2026-01-05',
      source: 'gate-review',
      sourceDocumentId: 'abc',
      project: { connect: [{ documentId: (await project()).documentId }], disconnect: [] },
    });
    expectInvalid(res, ['sourceDocumentId'], '"Source record" is set by PMO Hub when it records a decision taken at a gate review or on a change request; it cannot be entered');
  });
});

describe("the project lifecycle's gate 5", () => {
  it('is refused while the project has no lesson learned, naming what is missing, and passes once it has one', async () => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    await throughGates(manager, p, 4);
    await review(p, 5, 'go');
    const refused = await fire(manager, p, 'gate-5');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.failures).toEqual([
      { guard: 'lessons', message: 'Before Closed, record at least one lesson learned for the project (what happened and the recommendation): it has none' },
    ]);
    expect(await stateOf(p)).toBe('closing');
    // Another project's lesson does not count.
    await lesson(await project());
    expect((await fire(manager, p, 'gate-5')).status).toBe(422);
    await lesson(p, { title: 'Book the test rig early' });
    expect((await fire(manager, p, 'gate-5')).status).toBe(200);
    expect(await stateOf(p)).toBe('closed');
  });
});

describe('upgrading the seeded workflows', () => {
  const WORKFLOW = 'plugin::pmo.workflow';
  const query = () => getStrapi().db.query(WORKFLOW as any);
  const stored = async (key: string) => (await query().findOne({ where: { key } })) as Record<string, any>;
  const invalidate = () => (getStrapi().plugin('pmo').service('workflow') as any).invalidate?.();
  type Definition = { transitions: Array<{ key: string; guards?: Array<{ type: string }>; effects?: Array<{ type: string }> }> };
  const originals: Record<string, Record<string, any>> = {};

  beforeAll(async () => {
    for (const key of ['project-lifecycle', 'change-control']) originals[key] = await stored(key);
  });
  afterEach(async () => {
    for (const { id, definition, version, versions, updatedByName } of Object.values(originals)) {
      await query().update({ where: { id }, data: { definition, version, versions, updatedByName } });
    }
    invalidate();
  });

  async function storeAs(key: string, definition: Definition, version: number, updatedByName: string) {
    const versions = Array.from({ length: version }, (_, i) => ({ version: i + 1, definition, savedAt: '2026-01-01T00:00:00.000Z', savedBy: updatedByName }));
    await query().update({ where: { id: originals[key].id }, data: { definition, version, versions, updatedByName } });
    invalidate();
  }

  const without = (definition: Definition, kind: 'guards' | 'effects', type: string): Definition => ({
    ...definition,
    transitions: definition.transitions.map((t) => ({ ...t, [kind]: (t[kind] ?? []).filter((item) => item.type !== type) })),
  });
  const keysWith = (definition: Definition, kind: 'guards' | 'effects', type: string) =>
    definition.transitions.filter((t) => (t[kind] ?? []).some((item) => item.type === type)).map((t) => t.key);

  it('adds the lessons guard to a lifecycle seeded without it, at version 1 or 2, unless an administrator saved it', async () => {
    const lifecycle = originals['project-lifecycle'].definition as Definition;
    expect(keysWith(lifecycle, 'guards', 'lessons')).toEqual(['gate-5']);
    for (const version of [1, 2]) {
      await storeAs('project-lifecycle', without(lifecycle, 'guards', 'lessons'), version, 'PMO Hub defaults');
      await governance.bootstrap!(getStrapi());
      const upgraded = await stored('project-lifecycle');
      expect([version, upgraded.version, keysWith(upgraded.definition, 'guards', 'lessons')]).toEqual([version, version + 1, ['gate-5']]);
    }
    await storeAs('project-lifecycle', without(lifecycle, 'guards', 'lessons'), 2, 'Ada Administrator');
    await governance.bootstrap!(getStrapi());
    expect([(await stored('project-lifecycle')).version, keysWith((await stored('project-lifecycle')).definition, 'guards', 'lessons')]).toEqual([2, []]);
  });

  it('adds the decision log to a change-control workflow seeded without it, unless an administrator saved it', async () => {
    const workflow = originals['change-control'].definition as Definition;
    const deciding = ['schedule-standard', 'authorize-pm', 'authorize', 'authorize-director', 'reject'];
    expect(keysWith(workflow, 'effects', 'logDecision')).toEqual(deciding);
    await storeAs('change-control', without(workflow, 'effects', 'logDecision'), 1, 'PMO Hub defaults');
    await changeControl.bootstrap!(getStrapi());
    expect([(await stored('change-control')).version, keysWith((await stored('change-control')).definition, 'effects', 'logDecision')]).toEqual([2, deciding]);
    await storeAs('change-control', without(workflow, 'effects', 'logDecision'), 1, 'Ada Administrator');
    await changeControl.bootstrap!(getStrapi());
    expect([(await stored('change-control')).version, keysWith((await stored('change-control')).definition, 'effects', 'logDecision')]).toEqual([1, []]);
  });
});

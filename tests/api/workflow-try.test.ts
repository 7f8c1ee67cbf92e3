/**
 * "Try it" in the workflow editor: POST /pmo/workflows/:key/try judges a transition for an item
 * and another person with the engine's own evaluation, and fires nothing; with the roles, people
 * and items the panel offers.
 */
import { adminUser, asCapability, asRole, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const LIFECYCLE = 'project-lifecycle';
const TRY = `/pmo/workflows/${LIFECYCLE}/try`;

let administrator: Agent;
let managerId: number;
let analystId: number;

beforeAll(async () => {
  administrator = await asRole('pmo-administrator');
  await asRole('pmo-manager');
  await asRole('pmo-analyst');
  managerId = (await adminUser('pmo-manager@test.pmo')).id;
  analystId = (await adminUser('pmo-analyst@test.pmo')).id;
});

async function newProject(name: string, gate1 = true) {
  const project = await getStrapi().documents(PROJECT).create({ data: { name, code: uniqueCode('TRY') } as any });
  if (gate1) {
    await asCapability('governance', () =>
      getStrapi().documents('plugin::pmo.gate-review').create({
        data: { project: project.documentId, gate: 1, decision: 'go', heldDate: '2026-01-15' } as any,
      })
    );
  }
  return project;
}

const engine = () => getStrapi().plugin('pmo').service('workflow') as any;

describe('POST /pmo/workflows/:key/try', () => {
  it('answers allowed for a person the transition admits, on an item whose guards pass', async () => {
    const project = await newProject('Try: allowed');
    const res = await administrator.post(TRY).send({ documentId: project.documentId, transition: 'gate-1', asUser: managerId });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      allowed: true,
      blockers: [],
      state: 'Proposed',
      to: 'Initiating',
      requireComment: expect.any(Boolean),
      approvals: null,
    });
  });

  it('answers blocked by a guard, in its words, when the item does not meet it', async () => {
    const project = await newProject('Try: no gate review', false);
    const res = await administrator.post(TRY).send({ documentId: project.documentId, transition: 'gate-1', asUser: managerId });
    expect(res.status).toBe(200);
    expect(res.body.allowed).toBe(false);
    expect(res.body.blockers).toEqual([expect.objectContaining({ kind: 'guard', guard: 'gateReview', message: expect.stringMatching(/\w+ \w+/) })]);
    // The same words the item's own view gives its manager.
    const manager = await getStrapi().db.query('admin::user').findOne({ where: { id: managerId }, populate: ['roles'] });
    const view = await engine().view(PROJECT, project.documentId, manager);
    expect(view.transitions.find((t: any) => t.key === 'gate-1').blockers).toEqual(res.body.blockers);
  });

  it('answers blocked by the actor rule for a person it does not admit', async () => {
    const project = await newProject('Try: analyst');
    const res = await administrator.post(TRY).send({ documentId: project.documentId, transition: 'gate-1', asUser: analystId });
    expect(res.status).toBe(200);
    expect(res.body.allowed).toBe(false);
    expect(res.body.blockers).toEqual([expect.objectContaining({ kind: 'actor' })]);
  });

  it('says when the item is not in a state the transition starts from', async () => {
    const project = await newProject('Try: wrong state');
    const res = await administrator.post(TRY).send({ documentId: project.documentId, transition: 'gate-3', asUser: managerId });
    expect(res.status).toBe(200);
    expect(res.body.allowed).toBe(false);
    expect(res.body.blockers.map((b: { kind: string }) => b.kind)).toContain('state');
  });

  it('fires nothing: no history event, the version and the state unchanged', async () => {
    const project = await newProject('Try: nothing changes');
    const before = await engine().findInstance(PROJECT, project.documentId);
    const res = await administrator.post(TRY).send({ documentId: project.documentId, transition: 'gate-1', asUser: managerId });
    expect(res.body.allowed).toBe(true);
    const after = await engine().findInstance(PROJECT, project.documentId);
    expect(after).toMatchObject({ state: before.state, version: before.version, votes: before.votes ?? {} });
    expect(await engine().history(PROJECT, project.documentId)).toEqual([]);
    const reread = await getStrapi().documents(PROJECT).findOne({ documentId: project.documentId });
    expect((reread as any).workflowState).toBe('proposed');
    const reviews = await getStrapi().db.query('plugin::pmo.gate-review').count({ where: { project: { documentId: project.documentId } } });
    expect(reviews).toBe(1); // the gate's effect (schedule the next review) did not run
  });

  it('answers 404 for an unknown item, transition or workflow', async () => {
    const unknownItem = await administrator.post(TRY).send({ documentId: 'no-such-document', transition: 'gate-1', asUser: managerId });
    expect(unknownItem.status).toBe(404);
    expect(unknownItem.body.error.message).not.toMatch(/no-such-document/);
    const project = await newProject('Try: 404s');
    const unknownTransition = await administrator.post(TRY).send({ documentId: project.documentId, transition: 'fly', asUser: managerId });
    expect(unknownTransition.status).toBe(404);
    const unknownWorkflow = await administrator.post('/pmo/workflows/nothing-here/try').send({ documentId: project.documentId, transition: 'gate-1', asUser: managerId });
    expect(unknownWorkflow.status).toBe(404);
    const unknownUser = await administrator.post(TRY).send({ documentId: project.documentId, transition: 'gate-1', asUser: 999999 });
    expect(unknownUser.status).toBe(404);
  });

  it('answers 400 in words to a body of the wrong shape', async () => {
    const res = await administrator.post(TRY).send({ documentId: '', transition: 'gate-1', asUser: 'Ana' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.details.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['documentId'], message: 'Choose an item to try the transition on' }),
        expect.objectContaining({ path: ['asUser'], message: 'Choose a person to try it as' }),
      ])
    );
    const empty = await administrator.post(TRY).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining(['Choose a transition'])
    );
  });

  it('answers 403 to those who may not configure workflows', async () => {
    for (const role of ['pmo-manager', 'pmo-director', 'pmo-analyst'] as const) {
      const agent = await asRole(role);
      const res = await agent.post(TRY).send({ documentId: 'x', transition: 'gate-1', asUser: managerId });
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
      expect((await agent.get(`/pmo/workflows/${LIFECYCLE}/try/users`)).status).toBe(403);
      expect((await agent.get(`/pmo/workflows/${LIFECYCLE}/try/items`)).status).toBe(403);
    }
  });
});

describe('what the editor offers around it', () => {
  it('names the PMO roles (workflows read)', async () => {
    const res = await (await asRole('pmo-analyst')).get('/pmo/workflow-roles');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.map((role: { code: string; name: string }) => [role.code, role.name]));
    expect(byCode['pmo-manager']).toMatch(/^PMO manager$/i);
    expect(byCode['change-board']).toMatch(/^Change board$/i);
    expect(res.body[0].code).toBe('pmo-director');
  });

  it('lists the people holding PMO roles, with their role names', async () => {
    // Searched for: the worker's database holds other files' users too, and a list is at most 20.
    const res = await administrator.get(`/pmo/workflows/${LIFECYCLE}/try/users?q=pmo-manager@test.pmo`);
    expect(res.status).toBe(200);
    const manager = res.body.find((user: { id: number }) => user.id === managerId);
    expect(manager).toMatchObject({ email: 'pmo-manager@test.pmo', roles: [expect.stringMatching(/^PMO manager$/i)] });
  });

  it('finds the people to try as by name or email in the database, at most 20, and never one without a PMO role', async () => {
    const found = await administrator.get(`/pmo/workflows/${LIFECYCLE}/try/users?q=pmo-manager@TEST`);
    expect(found.status).toBe(200);
    expect(found.body.map((user: { id: number }) => user.id)).toEqual([managerId]);
    const all = await administrator.get(`/pmo/workflows/${LIFECYCLE}/try/users`);
    expect(all.body.length).toBeGreaterThan(0);
    expect(all.body.length).toBeLessThanOrEqual(20);
    expect(all.body.every((user: { roles: string[] }) => user.roles.length > 0)).toBe(true);
    const long = await administrator.get(`/pmo/workflows/${LIFECYCLE}/try/users?q=${'x'.repeat(101)}`);
    expect([long.status, long.body.error.details.errors[0].path]).toEqual([400, ['q']]);
  });

  it("finds the workflow's items by name, with their state", async () => {
    const project = await newProject(`Try: Zephyr findable ${uniqueCode('Z')}`);
    const res = await administrator.get(`/pmo/workflows/${LIFECYCLE}/try/items?q=zephyr findable`);
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({ documentId: project.documentId, label: `${project.code} · ${project.name}`, state: 'Proposed' });
  });
});

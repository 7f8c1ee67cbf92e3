/**
 * Escalation to the programme through the seeded workflows: a project's risk is escalated only
 * when its score exceeds the project's risk tolerance (guard `riskAboveTolerance`), and only
 * where there is a programme (guard `toProgramme`); the programme's manager and sponsor are told
 * through the notify effect (a dotted recipient path); the programme hands it back with a
 * comment. Until it is escalated, the risk waits in the project manager's "My work". Issues of
 * high or critical priority are escalated the same way.
 */
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import { ISSUE, PROJECT, RISK, documents, issue, member, person, programme, project, risk, row, type Doc } from './raid-fixtures';

const OUTBOX = 'plugin::pmo.outbox-message';

const fire = (agent: Agent, uid: string, item: Doc, transition: string, comment?: string) =>
  agent.post('/pmo/transitions').send({ uid, documentId: item.documentId, transition, ...(comment ? { comment } : {}) });

const stateOf = async (uid: string, item: Doc) => (await row(uid, item.documentId)).workflowState as string;
const mailsAbout = (item: Doc) => getStrapi().db.query(OUTBOX as any).findMany({ where: { sourceDocumentId: item.documentId }, orderBy: { id: 'asc' } });

let manager: Agent;
let pm: { person: Doc; agent: Agent };
let programmeManager: { person: Doc; agent: Agent };
let sponsor: Doc;
let pg: Doc;
let p: Doc;

beforeAll(async () => {
  manager = await asRole('pmo-manager');
  pm = await member('raid.pm@test.pmo', ['project-manager'], 'Priya Projectmanager');
  programmeManager = await member('raid.programme@test.pmo', ['project-manager'], 'Grace Programme');
  sponsor = await person('raid.sponsor@test.pmo', 'Sam Sponsor');
  pg = await programme({ manager: programmeManager.person.documentId, sponsor: sponsor.documentId });
  p = await project({ programme: pg.documentId, manager: pm.person.documentId, riskTolerance: 12 });
});

describe('a risk escalated to the programme', () => {
  it('is refused while its score is within the tolerance, and passes once a write takes it above', async () => {
    const r = await risk({ project: p.documentId }, { probability: 3, impact: 4, title: 'Data migration overruns' });
    expect(await stateOf(RISK, r)).toBe('with-project');
    const refused = await fire(manager, RISK, r, 'escalate');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.failures).toEqual([
      {
        guard: 'riskAboveTolerance',
        message: `The risk scores 12 (probability 3 × impact 4), within ${p.code}'s risk tolerance of 12: a risk is escalated only when its score exceeds the tolerance`,
      },
    ]);
    expect(await stateOf(RISK, r)).toBe('with-project');

    await documents(RISK).update({ documentId: r.documentId, data: { impact: 5 } });
    const applied = await fire(pm.agent, RISK, r, 'escalate');
    expect([applied.status, applied.body.state]).toEqual([200, 'escalated']);
    expect(await stateOf(RISK, r)).toBe('escalated');
    const mails = await mailsAbout(r);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'workflow-step', recipients: ['raid.programme@test.pmo', 'raid.sponsor@test.pmo'] });
    expect(mails[0].subject).toContain('Data migration overruns');
  });

  it("follows the project's tolerance: refused above a score of 16 at 20, allowed once the tolerance is 15", async () => {
    const tolerant = await project({ programme: pg.documentId, manager: pm.person.documentId, riskTolerance: 20 });
    const r = await risk({ project: tolerant.documentId }, { probability: 4, impact: 4 });
    expect((await fire(manager, RISK, r, 'escalate')).body.error.details.failures[0].message).toMatch(/^The risk scores 16 .* risk tolerance of 20:/);
    await documents(PROJECT).update({ documentId: tolerant.documentId, data: { riskTolerance: 15 } });
    expect((await fire(manager, RISK, r, 'escalate')).status).toBe(200);
  });

  it("is refused for a programme's own risk, a project outside any programme and a closed risk, in words", async () => {
    const own = await risk({ programme: pg.documentId }, { probability: 5, impact: 5 });
    const ownRefusal = await fire(manager, RISK, own, 'escalate');
    expect(ownRefusal.body.error.details.failures).toEqual([
      { guard: 'toProgramme', message: `This risk is held by the programme ${pg.code} itself: only a project's risks are escalated to their programme` },
    ]);
    const alone = await project({ manager: pm.person.documentId });
    const orphan = await risk({ project: alone.documentId }, { probability: 5, impact: 5 });
    expect((await fire(manager, RISK, orphan, 'escalate')).body.error.details.failures).toEqual([
      { guard: 'toProgramme', message: `${alone.code} belongs to no programme, so there is no programme to escalate the risk to` },
    ]);
    const closed = await risk({ project: p.documentId }, { probability: 5, impact: 5, status: 'closed' });
    expect((await fire(manager, RISK, closed, 'escalate')).body.error.details.failures).toEqual([
      { guard: 'riskAboveTolerance', message: 'The risk is closed: only an open risk is escalated' },
    ]);
  });

  it("is handed back by the programme's manager with a comment, telling the project manager", async () => {
    const r = await risk({ project: p.documentId }, { probability: 5, impact: 4, owner: pm.person.documentId });
    expect((await fire(manager, RISK, r, 'escalate')).status).toBe(200);
    expect((await fire(programmeManager.agent, RISK, r, 'hand-back')).status).toBe(400);
    const handed = await fire(programmeManager.agent, RISK, r, 'hand-back', 'The project can reduce it with a second supplier');
    expect([handed.status, handed.body.state]).toEqual([200, 'with-project']);
    const mails = await mailsAbout(r);
    expect(mails.map((mail: any) => mail.recipients)).toEqual([['raid.programme@test.pmo', 'raid.sponsor@test.pmo'], ['raid.pm@test.pmo']]);
    // A project manager of another project may not escalate it.
    const stranger = await member('raid.stranger@test.pmo', ['project-manager'], 'Stan Stranger');
    expect((await fire(stranger.agent, RISK, r, 'escalate')).status).toBe(403);
  });

  it("waits in the project manager's My work while it is above tolerance and not escalated", async () => {
    const mine = await project({ programme: pg.documentId, manager: pm.person.documentId, riskTolerance: 6 });
    const above = await risk({ project: mine.documentId }, { probability: 2, impact: 4, title: 'Licence costs rise' });
    const within = await risk({ project: mine.documentId }, { probability: 2, impact: 3, title: 'Within tolerance' });
    const ours = async () =>
      ((await pm.agent.get('/pmo/my-work')).body.results as any[]).filter((item) => [above.documentId, within.documentId].includes(item.documentId));
    expect(await ours()).toEqual([
      {
        kind: 'risk',
        title: `Escalate or reduce the risk "Licence costs rise" (${mine.code}): it scores 8, above the risk tolerance of 6`,
        dueDate: null,
        overdue: false,
        uid: RISK,
        documentId: above.documentId,
        url: `/admin/content-manager/collection-types/${RISK}/${above.documentId}`,
      },
    ]);
    expect((await fire(pm.agent, RISK, above, 'escalate')).status).toBe(200);
    expect(await ours()).toEqual([]);
  });
});

describe('an issue escalated to the programme', () => {
  it('is refused below high priority and passes for a critical one, telling the programme', async () => {
    const medium = await issue({ project: p.documentId }, { priority: 'medium', title: 'Test rig unavailable' });
    expect((await fire(manager, ISSUE, medium, 'escalate')).body.error.details.failures).toEqual([
      { guard: 'field', message: 'Only an issue of high or critical priority is escalated to the programme' },
    ]);
    await documents(ISSUE).update({ documentId: medium.documentId, data: { priority: 'critical' } });
    expect((await fire(pm.agent, ISSUE, medium, 'escalate')).status).toBe(200);
    expect(await stateOf(ISSUE, medium)).toBe('escalated');
    expect((await mailsAbout(medium)).map((mail: any) => mail.recipients)).toEqual([['raid.programme@test.pmo', 'raid.sponsor@test.pmo']]);
    const resolved = await issue({ project: p.documentId }, { priority: 'high', status: 'resolved' });
    expect((await fire(manager, ISSUE, resolved, 'escalate')).body.error.details.failures).toEqual([{ guard: 'field', message: 'Only an open issue is escalated' }]);
  });
});

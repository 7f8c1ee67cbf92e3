import type { WorkflowDefinition, WorkflowTransition } from '../../../shared/contracts/workflow';
import { decideFire, describeActors, evaluateTransition, type ActorFacts, type InstanceFacts } from './evaluate';

const authorize: WorkflowTransition = {
  key: 'authorize-pm',
  label: 'Authorize (project manager)',
  from: ['authorize'],
  to: 'scheduled',
  actors: [{ field: 'project.manager' }],
  approvals: { quorum: 1, excludeRequester: false, excludeFields: ['raisedBy'] },
};
const definition: WorkflowDefinition = {
  key: 'change-control',
  name: 'Change control',
  appliesTo: 'plugin::pmo.change-request',
  initial: 'authorize',
  states: [
    { key: 'authorize', name: 'Authorize' },
    { key: 'scheduled', name: 'Scheduled', terminal: true },
  ],
  transitions: [authorize],
};
const instance: InstanceFacts & { version: number } = {
  state: 'authorize',
  version: 3,
  enteredById: 7,
  raisedById: 7,
  votes: {},
};
const manager: ActorFacts = { id: 9, name: 'Pat', email: 'pat@pmo', isSuperAdmin: false, roles: ['project-manager'], personIds: ['pat'] };
const input = (actor: ActorFacts, relations: Record<string, string[]>) => ({
  definition,
  transition: authorize,
  instance,
  actor,
  relations,
  guardOutcomes: [],
  now: '2026-05-02T10:00:00.000Z',
});

describe('actor fields through a relation and people excluded from approving', () => {
  it('lets the manager of the item\'s project approve', () => {
    expect(decideFire(input(manager, { 'project.manager': ['pat'], raisedBy: ['sam'] }))).toMatchObject({ outcome: 'apply' });
  });

  it('refuses someone who is not the project\'s manager, naming the path in words', () => {
    const decision = decideFire(input(manager, { 'project.manager': ['kim'], raisedBy: ['sam'] }));
    expect(decision).toMatchObject({ outcome: 'refuse', refusal: 'actor' });
    expect(describeActors(authorize.actors!)).toBe("the project's manager");
  });

  it('refuses the person who raised the item even when the actor rules let them act (403)', () => {
    const decision = decideFire(input(manager, { 'project.manager': ['pat'], raisedBy: ['pat'] }));
    expect(decision).toEqual({
      outcome: 'refuse',
      refusal: 'requester',
      message: 'You are the person who raised it, so you cannot approve "Authorize (project manager)"',
    });
    const view = evaluateTransition(input(manager, { 'project.manager': ['pat'], raisedBy: ['pat'] }));
    expect(view.blockers.map((blocker) => blocker.kind)).toEqual(['requester']);
  });

  it('excludes the raiser even for a super admin', () => {
    const admin = { ...manager, isSuperAdmin: true, roles: ['strapi-super-admin'] };
    expect(decideFire(input(admin, { 'project.manager': [], raisedBy: ['pat'] }))).toMatchObject({ refusal: 'requester' });
  });
});

describe('who may act, in words: people the item names and roles by name, never keys or codes', () => {
  const withdraw: WorkflowTransition = { ...authorize, label: 'Withdraw', actors: [{ field: 'raisedBy' }, { field: 'project.manager' }, { role: 'pmo-manager' }] };

  it('says "Only the person who raised it, the project\'s manager or a PMO manager may …"', () => {
    const decision = decideFire({ ...input(manager, { 'project.manager': ['kim'], raisedBy: ['sam'] }), transition: withdraw, definition: { ...definition, transitions: [withdraw] } });
    expect(decision).toMatchObject({
      outcome: 'refuse',
      refusal: 'actor',
      message: 'Only the person who raised it, the project\'s manager or a PMO manager may "Withdraw"',
    });
  });

  it('names every PMO role by its name, and a role PMO Hub does not know by its words', () => {
    expect(describeActors([{ role: 'change-board' }, { role: 'pmo-director' }])).toBe('a member of the change board or a PMO director');
    expect(describeActors([{ role: 'finance' }])).toBe('a member of the finance team');
    expect(describeActors([{ role: 'steering-group' }])).toBe('someone with the role Steering group');
    expect(describeActors([])).toBe('anyone');
  });

  it('asks for a comment and names the states in words', () => {
    const commented = { ...input(manager, { 'project.manager': ['pat'] }), transition: { ...authorize, requireComment: true }, comment: ' ' };
    expect(decideFire(commented)).toMatchObject({ refusal: 'comment', message: 'Give a comment: "Authorize (project manager)" needs one' });
  });
});

describe('decideFire speaks outcomes and refusal kinds, never HTTP statuses', () => {
  const board: WorkflowTransition = { ...authorize, actors: [], approvals: { quorum: 2, excludeRequester: true } };
  const voteDefinition = { ...definition, transitions: [board] };
  const base = {
    definition: voteDefinition,
    transition: board,
    instance,
    actor: manager,
    relations: {},
    guardOutcomes: [],
    now: '2026-05-02T10:00:00.000Z',
  };

  it('records a vote short of the quorum, with the votes so far', () => {
    const decision = decideFire(base);
    expect(decision).toEqual({ outcome: 'vote', quorum: 2, votes: [{ id: 9, name: 'Pat', at: base.now }] });
    expect(decision).not.toHaveProperty('status');
  });

  it('applies at the quorum', () => {
    const votes = { [board.key]: [{ id: 3, name: 'Kim', at: '2026-05-01T00:00:00.000Z' }] };
    expect(decideFire({ ...base, instance: { ...instance, votes } })).toMatchObject({ outcome: 'apply', votes: [{ id: 3 }, { id: 9 }] });
  });

  it('names each refusal by its kind, in DESIGN.md order', () => {
    const cases: Array<[Partial<Parameters<typeof decideFire>[0]>, string]> = [
      [{ expectedVersion: 2 }, 'stale'],
      [{ instance: { ...instance, state: 'scheduled' } }, 'state'],
      [{ transition: { ...board, actors: [{ role: 'pmo-director' }] } }, 'actor'],
      [{ instance: { ...instance, enteredById: 9 } }, 'requester'],
      [{ instance: { ...instance, votes: { [board.key]: [{ id: 9, name: 'Pat', at: 'x' }] } } }, 'voted'],
      [{ transition: { ...board, requireComment: true }, comment: '  ' }, 'comment'],
      [{ guardOutcomes: [{ guard: 'field', ok: false, message: 'budget missing' }] }, 'guards'],
    ];
    for (const [change, refusal] of cases) {
      const decision = decideFire({ ...base, ...change });
      expect(decision).toMatchObject({ outcome: 'refuse', refusal });
      expect(decision).not.toHaveProperty('status');
    }
  });

  it('reports failing guards with their messages', () => {
    const decision = decideFire({ ...base, guardOutcomes: [{ guard: 'field', ok: false, message: 'budget missing' }] });
    expect(decision).toEqual({
      outcome: 'refuse',
      refusal: 'guards',
      message: '"Authorize (project manager)" is not possible yet: budget missing',
      failures: [{ guard: 'field', message: 'budget missing' }],
    });
  });
});

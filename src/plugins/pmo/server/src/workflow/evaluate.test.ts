import type { WorkflowDefinition, WorkflowTransition } from '../../../shared/workflow-types';
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
    expect(decision).toMatchObject({ outcome: 'refuse', status: 403 });
    expect(describeActors(authorize.actors!)).toBe("the item's project's manager");
  });

  it('refuses the person who raised the item even when the actor rules let them act (403)', () => {
    const decision = decideFire(input(manager, { 'project.manager': ['pat'], raisedBy: ['pat'] }));
    expect(decision).toEqual({
      outcome: 'refuse',
      status: 403,
      message: 'You are this item\'s raisedBy, so you cannot approve "Authorize (project manager)"',
    });
    const view = evaluateTransition(input(manager, { 'project.manager': ['pat'], raisedBy: ['pat'] }));
    expect(view.blockers.map((blocker) => blocker.kind)).toEqual(['requester']);
  });

  it('excludes the raiser even for a super admin', () => {
    const admin = { ...manager, isSuperAdmin: true, roles: ['strapi-super-admin'] };
    expect(decideFire(input(admin, { 'project.manager': [], raisedBy: ['pat'] }))).toMatchObject({ status: 403 });
  });
});

/** The validator: the ITIL example, every problem at once, removed states. Fixtures in definition.fixtures.ts. */
import { removedStates, validateDefinition, type ValidationContext } from './definition';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import {
  context,
  changeControl,
  T,
  withTransition,
  tiny,
  problemsOf,
} from './definition.fixtures';

describe('validateDefinition: the ITIL change-control example', () => {
  it('is valid', () => {
    const result = validateDefinition(changeControl(), context);
    expect(result).toEqual({ ok: true, definition: expect.any(Object) });
  });

  it('is returned in canonical form, with defaults filled in', () => {
    const result = validateDefinition(changeControl(), context);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const d = result.definition;
    expect(d.states[0]).toEqual({ key: 'new', name: 'New', color: '#4945FF', terminal: false });
    expect(d.states[6]).toEqual({
      key: 'closed',
      name: 'Closed',
      color: '#328048',
      terminal: true,
    });
    expect(d.transitions[0]).toEqual({
      key: 'submit',
      label: 'Submit',
      from: ['new'],
      to: 'assess',
      actors: [{ field: 'raisedBy' }],
      guards: [],
      effects: [],
      requireComment: false,
    });
    expect(d.transitions[2]).toEqual({
      key: 'authorize',
      label: 'Authorize',
      from: ['authorize'],
      to: 'scheduled',
      actors: [{ role: 'change-board' }],
      approvals: { quorum: 2, excludeRequester: true },
      guards: [{ type: 'field', path: 'impact.cost', op: 'exists' }],
      effects: [{ type: 'notify', to: ['field:raisedBy'], template: 'change-authorized' }],
      requireComment: false,
    });
    expect(d.transitions[5].actors).toEqual([]);
    // Canonical: validating the canonical form gives it back unchanged.
    expect(validateDefinition(JSON.parse(JSON.stringify(d)), context)).toEqual({
      ok: true,
      definition: d,
    });
  });

  it('trims strings, drops null optional properties and fills every default', () => {
    const result = validateDefinition(
      {
        key: ' tiny ',
        name: '  Tiny flow ',
        description: '   ',
        appliesTo: ' plugin::pmo.project',
        initial: ' open ',
        states: [
          { key: 'open ', name: ' Open ', color: null, description: ' Just opened ' },
          { key: 'done', name: 'Done', terminal: true, color: ' #00ff00 ' },
        ],
        transitions: [
          {
            key: ' finish',
            label: ' Finish ',
            from: [' open'],
            to: 'done ',
            actors: [{ role: ' project-manager ' }, { field: ' manager ' }],
            approvals: { quorum: 1 },
            guards: [{ type: ' noOpen ', uid: 'plugin::pmo.risk' }],
            effects: null,
            requireComment: null,
          },
        ],
      },
      context
    );
    expect(result).toEqual({
      ok: true,
      definition: {
        key: 'tiny',
        name: 'Tiny flow',
        appliesTo: 'plugin::pmo.project',
        initial: 'open',
        states: [
          { key: 'open', name: 'Open', terminal: false, description: 'Just opened' },
          { key: 'done', name: 'Done', terminal: true, color: '#00ff00' },
        ],
        transitions: [
          {
            key: 'finish',
            label: 'Finish',
            from: ['open'],
            to: 'done',
            actors: [{ role: 'project-manager' }, { field: 'manager' }],
            approvals: { quorum: 1, excludeRequester: false },
            guards: [{ type: 'noOpen', uid: 'plugin::pmo.risk' }],
            effects: [],
            requireComment: false,
          },
        ],
      },
    });
  });

  it('accepts a single terminal initial state with no transitions', () => {
    const result = validateDefinition(
      tiny({ states: [{ key: 'open', name: 'Open', terminal: true }] }),
      context
    );
    expect(result.ok).toBe(true);
  });

  it('accepts a self-loop next to a real way out, and uses a custom person content type', () => {
    const ctx: ValidationContext = {
      ...context,
      personUid: 'plugin::pmo.person',
      contentTypes: {
        'plugin::pmo.project': {
          attributes: {
            lead: { type: 'relation', relation: 'manyToOne', target: 'plugin::pmo.person' },
          },
        },
      },
    };
    const result = validateDefinition(
      tiny({
        states: [
          { key: 'open', name: 'Open' },
          { key: 'done', name: 'Done', terminal: true },
        ],
        transitions: [
          { key: 'note', label: 'Add note', from: ['open'], to: 'open', requireComment: true },
          {
            key: 'finish',
            label: 'Finish',
            from: ['open'],
            to: 'done',
            actors: [{ field: 'lead' }],
          },
        ],
      }),
      ctx
    );
    expect(result.ok).toBe(true);
  });

  it('accepts actor fields through a relation (project.manager) and people excluded from approving', () => {
    const result = validateDefinition(
      withTransition({
        actors: [{ field: 'project.manager' }],
        approvals: { quorum: 1, excludeFields: [' raisedBy ', 'project.manager', 'raisedBy'] },
      })(changeControl()),
      context
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.definition.transitions[T]).toMatchObject({
      actors: [{ field: 'project.manager' }],
      approvals: { quorum: 1, excludeRequester: false, excludeFields: ['raisedBy', 'project.manager'] },
    });
  });

  it('does not alias the input: changing the input afterwards leaves the definition alone', () => {
    const input = changeControl();
    const result = validateDefinition(input, context);
    if (!result.ok) throw new Error('expected valid');
    input.transitions[1].guards[0].op = 'eq';
    input.states[0].name = 'Changed';
    expect(result.definition.transitions[1].guards?.[0].op).toBe('exists');
    expect(result.definition.states[0].name).toBe('New');
  });
});

describe('validateDefinition: every problem at once', () => {
  it('reports all five separate problems of one definition', () => {
    const d = changeControl();
    d.key = 'Change Control';
    d.states[1].color = 'teal';
    d.transitions[1].guards = [{ type: 'fieldd', path: 'impact.cost', op: 'exists' }];
    d.transitions[2].actors = [{ role: 'change-bored' }];
    d.transitions[6].to = 'closd';
    d.transitions.push({ key: 'end', label: 'End', from: ['review'], to: 'closed' }); // keeps review open
    const problems = problemsOf(d);
    expect(problems).toEqual([
      { path: 'key', message: expect.stringContaining('The workflow has the key "Change Control"; a key starts with a lowercase letter') },
      { path: 'states[1].color', message: 'The state “Assessment” has the colour "teal"; write a colour as # and six hex digits, e.g. #4945FF' },
      {
        path: 'transitions[1].guards[0].type',
        message:
          'The transition “Send for authorization”: guard 1 has the type "fieldd", which PMO Hub does not know (did you mean "field"?); the guard types are "children", "field" and "noOpen"',
      },
      {
        path: 'transitions[2].actors[0].role',
        message: expect.stringContaining(
          'The transition “Authorize” lets someone with the role "change-bored" fire it, but there is no such role (did you mean a member of the change board?)'
        ),
      },
      {
        path: 'transitions[6].to',
        message: expect.stringContaining('The transition “Close” goes to "closd", which is not one of the states; choose New, Assessment,'),
      },
    ]);
  });

  it('reports the consequences of a problem too, rather than hiding them', () => {
    const d = changeControl();
    d.transitions[4].to = 'implemnt'; // "scheduled" still has "cancel" as a way out
    expect(problemsOf(d)).toEqual([
      {
        path: 'transitions[4].to',
        message: expect.stringContaining('The transition “Start implementation” goes to "implemnt", which is not one of the states'),
      },
      {
        path: 'states[4]',
        message: 'The state “Implementation” cannot be reached from “New”, the first state; add a transition into it or remove it',
      },
      { path: 'states[5]', message: expect.stringContaining('The state “Post-implementation review” cannot be reached from “New”') },
      { path: 'states[6]', message: expect.stringContaining('The state “Closed” cannot be reached from “New”') },
    ]);
  });

  it('reports several problems of one transition together', () => {
    const problems = problemsOf(
      withTransition({
        key: 'Bad Key',
        label: '',
        from: ['nowhere'],
        to: 'void',
        actors: [{ role: 'ceo' }],
        approvals: { quorum: 0 },
        guards: [{ type: 'magic' }],
        effects: [{ type: 'email' }],
        requireComment: 1,
        extra: true,
      })(changeControl())
    );
    expect(problems.map((p) => p.path)).toEqual([
      `transitions[${T}].extra`,
      `transitions[${T}].key`,
      `transitions[${T}].label`,
      `transitions[${T}].from[0]`,
      `transitions[${T}].to`,
      `transitions[${T}].actors[0].role`,
      `transitions[${T}].approvals.quorum`,
      `transitions[${T}].guards[0].type`,
      `transitions[${T}].effects[0].type`,
      `transitions[${T}].requireComment`,
    ]);
  });

  it('reports every problem of an empty object, without cascading into the graph', () => {
    expect(problemsOf({}).map((p) => p.path)).toEqual([
      'key',
      'name',
      'appliesTo',
      'states',
      'initial',
      'transitions',
    ]);
  });

  it('names the known roles, content types, person fields and states in its hints, in words', () => {
    const d = changeControl();
    d.appliesTo = 'plugin::pmo.chnage-request';
    const [appliesTo] = problemsOf(d);
    expect(appliesTo.message).toBe('There is no content type “Chnage request” for the workflow to govern; choose Change request or Project');
    const [role] = problemsOf(withTransition({ actors: [{ role: 'cab' }] })(changeControl()));
    expect(role.message).toBe(
      'The transition “Extra” lets someone with the role "cab" fire it, but there is no such role; choose a PMO director, a PMO manager, ' +
        'a PMO analyst, a PMO administrator, a project manager, a member of the change board or a member of the finance team'
    );
    const [field] = problemsOf(withTransition({ actors: [{ field: 'owner' }] })(changeControl()));
    expect(field.message).toBe(
      'The transition “Extra” names "owner" among who may fire it, but the owner of a change request is an admin user, not a person; ' +
        'the fields of a change request that name a person are the person implementing it and the person who raised it'
    );
    const [to] = problemsOf(withTransition({ to: 'done' })(changeControl()));
    expect(to.message).toBe(
      'The transition “Extra” goes to "done", which is not one of the states; choose New, Assessment, Authorization, Scheduled, ' +
        'Implementation, Post-implementation review, Closed, Rejected or Cancelled'
    );
  });

  it('names a role an administrator created by its own name', () => {
    const ctx: ValidationContext = { ...context, roles: [...context.roles, 'steering'], roleNames: { steering: 'Steering group' } };
    const result = validateDefinition(withTransition({ actors: [{ role: 'steerin' }] })(changeControl()), ctx);
    if (result.ok) throw new Error('expected problems');
    expect(result.problems[0].message).toContain('(did you mean someone with the role Steering group?)');
    expect(result.problems[0].message).toContain('a member of the finance team or someone with the role Steering group');
  });
});


describe('removedStates', () => {
  const def = (...keys: string[]): WorkflowDefinition => ({
    key: 'w',
    name: 'W',
    appliesTo: 'plugin::pmo.project',
    initial: keys[0] ?? 'a',
    states: keys.map((key) => ({ key, name: key })),
    transitions: [],
  });

  it.each<[string, WorkflowDefinition, WorkflowDefinition, string[]]>([
    ['nothing removed', def('a', 'b'), def('a', 'b'), []],
    ['a state added', def('a', 'b'), def('a', 'b', 'c'), []],
    ['states reordered', def('a', 'b', 'c'), def('c', 'a', 'b'), []],
    ['one removed', def('a', 'b', 'c'), def('a', 'c'), ['b']],
    ['several removed, in the previous order', def('a', 'b', 'c', 'd'), def('d', 'b'), ['a', 'c']],
    ['a state renamed by key', def('new', 'done'), def('new', 'closed'), ['done']],
    ['all removed', def('a', 'b'), def(), ['a', 'b']],
    ['from no states', def(), def('a'), []],
  ])('%s', (_name, previous, next, removed) => {
    expect(removedStates(previous, next)).toEqual(removed);
  });

  it('changing display names is not a removal', () => {
    const next = def('a', 'b');
    next.states[1].name = 'Renamed';
    expect(removedStates(def('a', 'b'), next)).toEqual([]);
  });

  it('tolerates malformed stored definitions', () => {
    const broken = { states: null } as unknown as WorkflowDefinition;
    expect(removedStates(broken, def('a'))).toEqual([]);
    expect(removedStates(def('a'), broken)).toEqual(['a']);
    expect(removedStates(null as unknown as WorkflowDefinition, def('a'))).toEqual([]);
  });
});

import { parseWith } from './common';
import { fireInput, fireResult, targetQuery, workflowDefinition } from './workflow';

const problemsOf = (result: ReturnType<typeof parseWith>) => (result.ok ? [] : result.problems);

describe('the workflow definition schema', () => {
  const seed = {
    key: ' review ',
    name: 'Review',
    appliesTo: 'api::document.document',
    initial: 'open',
    description: null,
    states: [
      { key: 'open', name: ' Open ', color: null },
      { key: 'done', name: 'Done', terminal: true },
    ],
    transitions: [{ key: 'finish', label: 'Finish', from: ['open'], to: 'done', approvals: { quorum: 2, excludeFields: ['owner', 'owner'] }, actors: [{ role: 'pmo-manager', field: null }] }],
  };

  it('gives the canonical form: text trimmed, defaults filled, nulls and repeats dropped', () => {
    const parsed = workflowDefinition.parse(seed);
    expect(parsed).toEqual({
      key: 'review',
      name: 'Review',
      appliesTo: 'api::document.document',
      initial: 'open',
      states: [
        { key: 'open', name: 'Open', terminal: false },
        { key: 'done', name: 'Done', terminal: true },
      ],
      transitions: [
        {
          key: 'finish',
          label: 'Finish',
          from: ['open'],
          to: 'done',
          actors: [{ role: 'pmo-manager' }],
          approvals: { quorum: 2, excludeRequester: false, excludeFields: ['owner'] },
          guards: [],
          effects: [],
          requireComment: false,
        },
      ],
    });
    expect(Object.keys(parsed.transitions[0])).toEqual(['key', 'label', 'from', 'to', 'actors', 'approvals', 'guards', 'effects', 'requireComment']);
    expect(workflowDefinition.parse(parsed)).toEqual(parsed);
  });

  it('names each problem by its path, in words that say what to write', () => {
    const broken = {
      ...seed,
      key: 'Review!',
      states: [{ key: 'open', name: '', colour: '#fff' }, 'done'],
      transitions: [{ key: 'finish', label: 'Finish', from: [], to: 'done', actors: [{ role: 'a', field: 'b' }], approvals: { quorum: 1.5 } }],
    };
    // On its own the schema names a state or transition by its position; the server puts its name in.
    expect(problemsOf(parseWith(workflowDefinition, broken))).toEqual([
      {
        path: ['key'],
        message:
          'The workflow has the key "Review!"; a key starts with a lowercase letter and uses only lowercase letters, digits and hyphens (2 to 63 characters), e.g. "in-review"',
      },
      { path: ['states', 0, 'name'], message: 'State 1 needs a name' },
      {
        path: ['states', 0, 'colour'],
        message:
          'State 1 has no field "colour" (did you mean its colour, written color?); a state has a key, a name, a colour, whether it is terminal and a description',
      },
      { path: ['states', 1], message: 'State 2 must be a state with a key and a name, not "done"' },
      { path: ['transitions', 0, 'from'], message: 'Transition 1 must start from at least one state' },
      { path: ['transitions', 0, 'actors', 0], message: 'Transition 1: actor 1 names both a role and a person field; use one actor for each' },
      {
        path: ['transitions', 0, 'approvals', 'quorum'],
        message: 'Transition 1 has a quorum of 1.5; the quorum, how many different people must approve, is a whole number from 1 to 50',
      },
    ]);
  });

  it('reports an unknown property beside the problems of the known ones, even after a quorum that is not whole', () => {
    const broken = { ...seed, inital: 'open', transitions: [{ ...seed.transitions[0], approvals: { quorum: 2.5 } }] };
    expect(problemsOf(parseWith(workflowDefinition, broken)).map((problem) => problem.path)).toEqual([
      ['transitions', 0, 'approvals', 'quorum'],
      ['inital'],
    ]);
  });

  it('keeps a guard’s and an effect’s options as given, beside their type', () => {
    const guard = { type: ' field ', path: 'impact.cost', op: 'gt', value: 0 };
    const parsed = workflowDefinition.parse({ ...seed, transitions: [{ ...seed.transitions[0], guards: [guard] }] });
    expect(parsed.transitions[0].guards).toEqual([{ type: 'field', path: 'impact.cost', op: 'gt', value: 0 }]);
  });
});

describe('POST /pmo/transitions input', () => {
  it('requires the item and the transition, by name', () => {
    expect(problemsOf(parseWith(fireInput, {}))).toEqual([
      { path: ['uid'], message: 'Say which kind of item this is (its content type, such as api::project.project)' },
      { path: ['documentId'], message: 'Say which item this is about' },
      { path: ['transition'], message: 'Choose a transition' },
    ]);
  });

  it('refuses an unknown field and a version that is not a whole number from 1', () => {
    const base = { uid: 'api::project.project', documentId: 'abc', transition: 'gate-1' };
    expect(problemsOf(parseWith(fireInput, { ...base, force: true }))).toEqual([{ path: ['force'], message: 'This request has no field "force"' }]);
    expect(problemsOf(parseWith(fireInput, { ...base, expectedVersion: 'one' }))).toEqual([
      { path: ['expectedVersion'], message: 'The version you loaded must be a whole number' },
    ]);
    expect(problemsOf(parseWith(fireInput, { ...base, expectedVersion: 0 }))).toEqual([
      { path: ['expectedVersion'], message: 'The version you loaded must be 1 or more' },
    ]);
    expect(parseWith(fireInput, { ...base, comment: null, expectedVersion: 3 })).toEqual({ ok: true, value: { ...base, comment: null, expectedVersion: 3 } });
  });
});

describe('?uid=&documentId=', () => {
  it('refuses a parameter given twice and one it does not know', () => {
    expect(problemsOf(parseWith(targetQuery, { uid: ['a', 'b'], documentId: 'x', page: '2' }, 'query'))).toEqual([
      { path: ['uid'], message: 'Say which kind of item this is (its content type, such as api::project.project)' },
      { path: ['page'], message: 'This address has no query parameter "page"' },
    ]);
  });
});

describe('the transition answer', () => {
  it('is either applied, with the new state, or a vote, with the count', () => {
    expect(fireResult.safeParse({ outcome: 'applied', state: 'initiating', version: 2 }).success).toBe(true);
    expect(fireResult.safeParse({ outcome: 'vote', votes: 1, quorum: 2, version: 3 }).success).toBe(true);
    expect(fireResult.safeParse({ outcome: 'vote', state: 'initiating', version: 2 }).success).toBe(false);
  });
});

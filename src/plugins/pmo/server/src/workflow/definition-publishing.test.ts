/** Publishing by state in a definition: `publishRequires` and `onNewDraft` (DESIGN.md "Workflows on any type"). */
import { validateDefinition, type ValidationContext } from './definition';
import { context, tiny } from './definition.fixtures';

const STANDARD = 'api::standard.standard';
const withStandards: ValidationContext = {
  ...context,
  contentTypes: {
    ...context.contentTypes,
    [STANDARD]: { displayName: 'Standard', draftAndPublish: true, attributes: { title: { type: 'string' }, workflowState: { type: 'string' } } },
    'plugin::pmo.workflow-instance': { displayName: 'Workflow instance', attributes: { workflowState: { type: 'string' } } },
  },
};

const approval = (extra: Record<string, unknown> = {}) => ({
  key: 'std-approval',
  name: 'Standard approval',
  appliesTo: STANDARD,
  initial: 'draft',
  states: [
    { key: 'draft', name: 'Draft' },
    { key: 'approved', name: 'Approved' },
  ],
  transitions: [
    { key: 'approve', label: 'Approve', from: ['draft'], to: 'approved', actors: [{ role: 'pmo-director' }] },
    { key: 'revise', label: 'Revise', from: ['approved'], to: 'draft', actors: [{ role: 'pmo-manager' }] },
  ],
  ...extra,
});

const problems = (input: unknown) => {
  const result = validateDefinition(input, withStandards);
  return result.ok ? [] : result.problems.map((p) => ({ path: p.path.join('.'), message: p.message }));
};

describe('publishing by state in a definition', () => {
  it('keeps publishRequires and onNewDraft on a draft & publish type', () => {
    const result = validateDefinition(approval({ publishRequires: ['approved'], onNewDraft: 'draft' }), withStandards);
    expect(result.ok && result.definition).toMatchObject({ publishRequires: ['approved'], onNewDraft: 'draft' });
  });

  it('leaves them out when not given', () => {
    const result = validateDefinition(approval(), withStandards);
    expect(result.ok && 'publishRequires' in result.definition).toBe(false);
  });

  it('refuses them on a type without draft & publish, in words', () => {
    expect(problems(tiny({ states: [{ key: 'open', name: 'Open', terminal: true }], publishRequires: ['open'] }))).toEqual([
      {
        path: 'publishRequires',
        message:
          'The content type Project has no draft & publish, so its items are never published: leave out the states needed to publish and the state of a new draft',
      },
    ]);
  });

  it('names unknown and repeated states, and an unknown state for a new draft', () => {
    expect(problems(approval({ publishRequires: ['approved', 'published', 'approved'], onNewDraft: 'nowhere' }))).toEqual([
      { path: 'publishRequires.1', message: 'Publishing needs "published", which is not one of the states; choose Draft or Approved' },
      { path: 'publishRequires.2', message: 'Publishing lists the state “Approved” twice among the states it needs' },
      { path: 'onNewDraft', message: 'A new draft goes back to "nowhere", which is not one of the states; choose Draft or Approved' },
    ]);
  });

  it('refuses an empty list and a list that is not one', () => {
    expect(problems(approval({ publishRequires: [] })).map((p) => p.path)).toEqual(['publishRequires']);
    expect(problems(approval({ publishRequires: 'approved' })).map((p) => p.path)).toEqual(['publishRequires']);
  });

  it('never offers or accepts a type the engine keeps itself', () => {
    const found = problems({ ...approval(), appliesTo: 'plugin::pmo.workflow-instance' });
    expect(found).toEqual([
      { path: 'appliesTo', message: expect.stringMatching(/^Workflow instances are kept by PMO Hub itself and cannot follow a workflow; choose /) },
    ]);
    expect(found[0].message).not.toContain('Workflow instance,');
  });
});

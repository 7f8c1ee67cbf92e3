/** The editor keeps publishing settings true to the states as states are renamed and removed. */
import type { WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import { removeState, renameState, setOnNewDraft, setPublishRequires, withoutPublishing } from './model';

const approval = (extra: Partial<WorkflowDefinition> = {}): WorkflowDefinition =>
  ({
    key: 'standard-approval',
    name: 'Standard approval',
    appliesTo: 'api::standard.standard',
    initial: 'draft',
    states: [
      { key: 'draft', name: 'Draft' },
      { key: 'in-review', name: 'In review' },
      { key: 'approved', name: 'Approved' },
    ],
    transitions: [
      { key: 'submit', label: 'Submit', from: ['draft'], to: 'in-review', actors: [], guards: [], effects: [] },
      { key: 'approve', label: 'Approve', from: ['in-review'], to: 'approved', actors: [], guards: [], effects: [] },
    ],
    publishRequires: ['approved'],
    onNewDraft: 'draft',
    ...extra,
  }) as WorkflowDefinition;

const publishing = (definition: WorkflowDefinition) => ({
  publishRequires: definition.publishRequires,
  onNewDraft: definition.onNewDraft,
});

describe('renaming a state keeps publishing pointing at it', () => {
  it('renames the key in the states publishing needs and where a new draft goes', () => {
    let definition = renameState(approval(), 2, 'signed-off');
    definition = renameState(definition, 0, 'drafting');
    expect(publishing(definition)).toEqual({ publishRequires: ['signed-off'], onNewDraft: 'drafting' });
    expect(definition.initial).toBe('drafting');
  });

  it('keeps the settings off a definition that has none', () => {
    const definition = renameState(withoutPublishing(approval()), 2, 'signed-off');
    expect('publishRequires' in definition || 'onNewDraft' in definition).toBe(false);
  });
});

describe('removing a state takes it out of publishing', () => {
  it('drops it from the states publishing needs and keeps the others', () => {
    const definition = removeState(approval({ publishRequires: ['in-review', 'approved'] }), 1);
    expect(publishing(definition)).toEqual({ publishRequires: ['approved'], onNewDraft: 'draft' });
  });

  it('leaves publishing ungoverned, with no new-draft state, when the last state it needed goes', () => {
    const definition = removeState(approval(), 2);
    expect('publishRequires' in definition || 'onNewDraft' in definition).toBe(false);
  });

  it('sends a new draft to the initial state again when its state goes', () => {
    const definition = removeState(approval({ onNewDraft: 'in-review' }), 1);
    expect(publishing(definition)).toEqual({ publishRequires: ['approved'], onNewDraft: undefined });
    expect('onNewDraft' in definition).toBe(false);
  });

  it('keeps what a duplicate of the removed key still stands for', () => {
    const twin = approval({
      states: [...approval().states, { key: 'approved', name: 'Approved again' }],
    });
    expect(publishing(removeState(twin, 3))).toEqual({ publishRequires: ['approved'], onNewDraft: 'draft' });
  });
});

describe('choosing publishing settings', () => {
  it('orders the states as the workflow does and never stores an empty list', () => {
    expect(setPublishRequires(approval(), ['approved', 'in-review', 'approved']).publishRequires).toEqual(['in-review', 'approved']);
    const none = setPublishRequires(approval(), []);
    expect('publishRequires' in none || 'onNewDraft' in none).toBe(false);
  });

  it('clears where a new draft goes back to, so the initial state applies', () => {
    expect('onNewDraft' in setOnNewDraft(approval(), undefined)).toBe(false);
    expect(setOnNewDraft(approval(), 'in-review').onNewDraft).toBe('in-review');
  });
});

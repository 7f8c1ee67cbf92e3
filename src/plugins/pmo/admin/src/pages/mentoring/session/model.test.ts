import { parseWith } from '../../../../../shared/contracts/common';
import { sessionCreate, sessionUpdate, type NextSession } from '../../../../../shared/contracts/mentoring';
import { emptyItem, sessionBody, valuesFromNext, type SessionValues } from './model';

const next: NextSession = {
  relationship: 'rel1',
  lastSession: { documentId: 's1', date: '2026-03-01', durationMinutes: 45 },
  focusCompetencies: [],
  draft: {
    relationship: 'rel1',
    date: '2026-03-10',
    durationMinutes: 45,
    topics: null,
    ratings: [],
    sharedNotes: null,
    confidentialNotes: null,
    actionItems: [{ id: 'a1', text: 'Map the sponsors', owner: 'mentee', dueDate: null, done: false, carriedFrom: 's1' }],
  },
};

const create = (values: SessionValues) => parseWith(sessionCreate, sessionBody(values, { confidential: true, relationship: 'rel1' }));
const problemsOf = (parsed: ReturnType<typeof create>) => (parsed.ok ? [] : parsed.problems.map((p) => [p.path.join('.'), p.message]));

describe('the session form sends what the contract accepts', () => {
  it('logs the prefilled next session as it stands, carrying its open item', () => {
    const parsed = create(valuesFromNext(next));
    expect(parsed).toEqual({
      ok: true,
      value: {
        relationship: 'rel1',
        date: '2026-03-10',
        durationMinutes: 45,
        topics: null,
        ratings: [],
        sharedNotes: null,
        confidentialNotes: null,
        actionItems: [{ id: 'a1', text: 'Map the sponsors', owner: 'mentee', dueDate: null, done: false }],
      },
    });
  });

  it('names a duration of 0 or of words beside the duration, as the server would', () => {
    for (const durationMinutes of ['0', 'an hour']) {
      expect(problemsOf(create({ ...valuesFromNext(next), durationMinutes }))).toEqual([
        ['durationMinutes', 'The duration must be a whole number of minutes from 1 to 1440'],
      ]);
    }
    expect(problemsOf(create({ ...valuesFromNext(next), durationMinutes: '' }))).toEqual([['durationMinutes', 'Give a duration']]);
  });

  it('refuses an action item row left empty beside its text, at the row it is', () => {
    const values = valuesFromNext(next);
    const parsed = create({ ...values, actionItems: [...values.actionItems, emptyItem()] });
    expect(problemsOf(parsed)).toEqual([['actionItems.1.text', 'Action item 2 needs a text']]);
  });

  it('sends ratings at the paths the rating rows read, and blank notes as none', () => {
    const values = { ...valuesFromNext(next), ratings: [{ competency: 'c1', rating: 4 }], sharedNotes: '  ', topics: 'Sponsors' };
    const body = sessionBody(values, { confidential: false, revision: 3 });
    expect(body).toMatchObject({ ratings: [{ competency: 'c1', rating: 4 }], sharedNotes: null, topics: 'Sponsors', revision: 3 });
    expect(body).not.toHaveProperty('confidentialNotes');
    expect(parseWith(sessionUpdate, body).ok).toBe(true);
  });
});

import { parseWith, type InputPart } from './common';
import { endsBeforeStart, mentoringRoutes as routes, relationshipCreate, relationshipUpdate, sessionCreate, sessionUpdate, tickInput } from './mentoring';

const session = {
  relationship: 'rel1',
  date: '2026-03-10',
  durationMinutes: 60,
  topics: 'Stakeholder map',
  ratings: [{ competency: 'c1', rating: 4 }],
  sharedNotes: 'Agreed next steps',
  confidentialNotes: 'Worried about burnout',
  actionItems: [{ text: 'Map the sponsors', owner: 'mentee', dueDate: '2026-03-24', done: false }],
};

/** The problems of a refused input, as `ratings[0].rating`-style labels with their messages. */
function refusal(schema: Parameters<typeof parseWith>[0], value: unknown, part: InputPart = 'body') {
  const parsed = parseWith(schema, value, part);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(value)}`);
  return parsed.problems.map((problem) => ({ path: problem.path.join('.'), message: problem.message }));
}
const paths = (schema: Parameters<typeof parseWith>[0], value: unknown, part: InputPart = 'body') =>
  refusal(schema, value, part).map((problem) => problem.path);
const accepted = <S extends Parameters<typeof parseWith>[0]>(schema: S, value: unknown, part: InputPart = 'body') => {
  const parsed = parseWith(schema, value, part);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};

describe('a session as sent to POST /pmo/mentoring/sessions', () => {
  it('accepts a complete session', () => {
    expect(accepted(sessionCreate, session)).toEqual(session);
  });

  it.each([
    ['a rating of 6', { ratings: [{ competency: 'c1', rating: 6 }] }, 'ratings.0.rating', 'The score of rating 1 must be a whole number from 1 to 5'],
    ['a rating of 0', { ratings: [{ competency: 'c1', rating: 0 }] }, 'ratings.0.rating', 'The score of rating 1 must be a whole number from 1 to 5'],
    ['a rating of 3.5', { ratings: [{ competency: 'c1', rating: 3.5 }] }, 'ratings.0.rating', 'The score of rating 1 must be a whole number from 1 to 5'],
    ['a rating as text', { ratings: [{ competency: 'c1', rating: '4' }] }, 'ratings.0.rating', 'The score of rating 1 must be a whole number from 1 to 5'],
    [
      'the same competency rated twice',
      { ratings: [{ competency: 'c1', rating: 4 }, { competency: 'c1', rating: 2 }] },
      'ratings.1.competency',
      'Rating 2 rates a competency already rated in this session',
    ],
    ['ratings that are not a list', { ratings: { c1: 4 } }, 'ratings', 'The ratings must be a list of ratings, each a competency and a rating'],
    ['a rating that is not an object', { ratings: [4] }, 'ratings.0', 'Rating 1 must give a competency and a rating'],
    ['a due date that is not a date', { actionItems: [{ text: 'x', dueDate: 'next Friday' }] }, 'actionItems.0.dueDate', 'Give the due date of action item 1 as a real day, written 2026-12-02 for 2 Dec 2026'],
    ['an impossible due date', { actionItems: [{ text: 'x', dueDate: '2026-02-30' }] }, 'actionItems.0.dueDate', 'Give the due date of action item 1 as a real day, written 2026-12-02 for 2 Dec 2026'],
    ['an action item without text', { actionItems: [{ text: '  ', dueDate: null }] }, 'actionItems.0.text', 'Action item 1 needs a text'],
    ['an unknown owner', { actionItems: [{ text: 'x', owner: 'boss' }] }, 'actionItems.0.owner', 'The owner of action item 1 must be the mentor or the mentee ("mentor" or "mentee")'],
    ['done that is not a boolean', { actionItems: [{ text: 'x', done: 'yes' }] }, 'actionItems.0.done', 'Say whether action item 1 is done (true or false)'],
    ['a date with a time', { date: '2026-03-10T10:00:00Z' }, 'date', 'Give the date as a real day, written 2026-12-02 for 2 Dec 2026'],
    ['no duration', { durationMinutes: undefined }, 'durationMinutes', 'Give a duration'],
    ['a zero duration', { durationMinutes: 0 }, 'durationMinutes', 'The duration must be a whole number of minutes from 1 to 1440'],
    ['a duration over a day', { durationMinutes: 1441 }, 'durationMinutes', 'The duration must be a whole number of minutes from 1 to 1440'],
    ['a duration as text', { durationMinutes: 'an hour' }, 'durationMinutes', 'The duration must be a whole number of minutes from 1 to 1440'],
    ['no relationship', { relationship: undefined }, 'relationship', 'Choose a relationship'],
    ['a blank relationship', { relationship: '' }, 'relationship', 'Choose a relationship'],
    ['notes that are not text', { confidentialNotes: 42 }, 'confidentialNotes', 'The confidential notes must be text'],
    ['notes that are too long', { sharedNotes: 'x'.repeat(20001) }, 'sharedNotes', 'The shared notes must be at most 20000 characters'],
    ['a revision on create', { revision: 2 }, 'revision', 'A new session has no revision: it is only for changes to an existing session'],
  ])('refuses %s, naming the field', (_what, change, path, message) => {
    expect(refusal(sessionCreate, { ...session, ...change })).toContainEqual({ path, message });
  });

  it('refuses an unknown field, naming it', () => {
    expect(refusal(sessionCreate, { ...session, mood: 'great' })).toEqual([{ path: 'mood', message: 'This request has no field "mood"' }]);
    expect(paths(sessionCreate, { ...session, actionItems: [{ text: 'x', colour: 'red' }] })).toEqual(['actionItems.0.colour']);
  });

  it('lists every problem at once, in the order of the fields', () => {
    expect(
      paths(sessionCreate, { ...session, date: 'yesterday', ratings: [{ competency: 'c1', rating: 6 }], actionItems: [{ text: 'x', dueDate: 'soon' }] })
    ).toEqual(['date', 'ratings.0.rating', 'actionItems.0.dueDate']);
  });

  it('refuses a body that is not an object', () => {
    expect(paths(sessionCreate, [])).toEqual(['']);
    expect(paths(sessionCreate, 'text')).toEqual(['']);
  });

  it('takes a partial update, defaulting nothing', () => {
    expect(accepted(sessionUpdate, { topics: 'Only this', revision: 3 })).toEqual({ topics: 'Only this', revision: 3 });
    expect(paths(sessionUpdate, { revision: 0 })).toEqual(['revision']);
  });

  it('defaults an action item to the mentee, undated and open; accepts and drops echoed server fields', () => {
    expect(accepted(sessionUpdate, { actionItems: [{ text: ' Read ', doneAt: null, carriedFrom: 's0', carriedTo: null }] })).toEqual({
      actionItems: [{ text: 'Read', owner: 'mentee', dueDate: null, done: false }],
    });
    expect(accepted(sessionUpdate, { actionItems: [{ id: 'a1', text: 'Read', dueDate: '' }] }).actionItems).toEqual([
      { id: 'a1', text: 'Read', owner: 'mentee', dueDate: null, done: false },
    ]);
  });

  it('reads null lists as empty ones', () => {
    expect(accepted(sessionUpdate, { ratings: null, actionItems: null })).toEqual({ ratings: [], actionItems: [] });
  });

  it('bounds the lists', () => {
    const ratings = Array.from({ length: 51 }, (_, index) => ({ competency: `c${index}`, rating: 3 }));
    expect(refusal(sessionUpdate, { ratings })).toEqual([{ path: 'ratings', message: 'A session can hold at most 50 ratings' }]);
  });
});

describe('a relationship as sent to POST /pmo/mentoring/relationships', () => {
  const relationship = { mentor: 'p1', mentee: 'p2', goals: 'Lead a programme', focusCompetencies: ['c1', 'c2'], startDate: '2026-01-05' };

  it('accepts a complete relationship', () => {
    expect(accepted(relationshipCreate, relationship)).toEqual(relationship);
  });

  it.each([
    ['mentoring oneself', { mentee: 'p1' }, 'mentee', 'Choose a mentee other than the mentor'],
    ['no mentee', { mentee: undefined }, 'mentee', 'Choose a mentee'],
    ['a blank mentee', { mentee: '' }, 'mentee', 'Choose a mentee'],
    ['no start date', { startDate: undefined }, 'startDate', 'Give a start date'],
    ['a start date that is not a date', { startDate: '05/01/2026' }, 'startDate', 'Give the start date as a real day, written 2026-12-02 for 2 Dec 2026'],
    ['an unknown status', { status: 'archived' }, 'status', 'The status must be one of active, paused, completed'],
    ['focus competencies that are not a list', { focusCompetencies: 'c1' }, 'focusCompetencies', 'The focus competencies must be a list of competencies'],
    ['a blank focus competency', { focusCompetencies: ['c1', ''] }, 'focusCompetencies.1', 'Choose focus competency 2'],
    ['an end before the start', { endDate: '2026-01-04' }, 'endDate', 'The end date must be on or after the start date (5 Jan 2026)'],
  ])('refuses %s', (_what, change, path, message) => {
    expect(refusal(relationshipCreate, { ...relationship, ...change })).toContainEqual({ path, message });
  });

  it('takes an end on the start day, or none, and drops repeated focus competencies', () => {
    expect(accepted(relationshipCreate, { ...relationship, endDate: '2026-01-05' }).endDate).toBe('2026-01-05');
    expect(accepted(relationshipCreate, { ...relationship, endDate: '' }).endDate).toBeNull();
    expect(accepted(relationshipCreate, { ...relationship, focusCompetencies: ['c1', 'c1'] }).focusCompetencies).toEqual(['c1']);
  });

  it('takes a partial change, checking the dates it is given', () => {
    expect(accepted(relationshipUpdate, { goals: null, status: 'paused' })).toEqual({ goals: null, status: 'paused' });
    expect(paths(relationshipUpdate, { startDate: '2026-02-01', endDate: '2026-01-31' })).toEqual(['endDate']);
  });

  it('names endDate when it comes before a stored startDate', () => {
    expect(endsBeforeStart('2026-01-05', '2026-01-04')).toEqual([{ path: ['endDate'], message: 'The end date must be on or after the start date (5 Jan 2026)' }]);
    expect(endsBeforeStart('2026-01-05', '2026-01-05')).toEqual([]);
    expect(endsBeforeStart('2026-01-05', null)).toEqual([]);
  });
});

describe('query strings', () => {
  const q = (contract: { query: Parameters<typeof parseWith>[0] }, value: Record<string, unknown>) => accepted(contract.query, value, 'query');
  const bad = (contract: { query: Parameters<typeof parseWith>[0] }, value: Record<string, unknown>) => refusal(contract.query, value, 'query');

  it('reads the relationship list filters', () => {
    expect(q(routes.listRelationships, {})).toEqual({ as: 'any', status: null });
    expect(q(routes.listRelationships, { as: 'mentor', status: 'active' })).toMatchObject({ as: 'mentor', status: 'active' });
    expect(q(routes.listRelationships, { status: '' })).toMatchObject({ as: 'any', status: null });
    expect(bad(routes.listRelationships, { as: 'boss' })).toEqual([{ path: 'as', message: 'The view must be one of any, mentor, mentee, mine' }]);
    expect(bad(routes.listRelationships, { as: ['mentor', 'mentee'] }).map((p) => p.path)).toEqual(['as']);
    expect(bad(routes.listRelationships, { sort: 'x' })).toEqual([{ path: 'sort', message: 'This address has no query parameter "sort"' }]);
  });

  it('defaults action items to open, as of the day the service reads (none given), and refuses a bad asOf', () => {
    expect(q(routes.actionItems, {})).toEqual({ status: 'open', asOf: null, relationship: null });
    expect(q(routes.actionItems, { status: 'overdue', asOf: '2026-03-10' })).toMatchObject({ status: 'overdue', asOf: '2026-03-10' });
    expect(bad(routes.actionItems, { asOf: 'yesterday' })).toEqual([{ path: 'asOf', message: 'Give the as-of date as a real day, written 2026-12-02 for 2 Dec 2026' }]);
    expect(bad(routes.actionItems, { status: 'closed' }).map((p) => p.path)).toEqual(['status']);
  });

  it('reads the export options and refuses a period that ends before it starts', () => {
    expect(q(routes.hoursCsv, { delimiter: ';', bom: '1', from: '2026-01-01' })).toEqual({
      from: '2026-01-01',
      to: null,
      mentor: null,
      delimiter: ';',
      bom: true,
    });
    expect(q(routes.hoursCsv, {})).toMatchObject({ delimiter: ',', bom: false });
    expect(bad(routes.hoursCsv, { from: '2026-02-01', to: '2026-01-01' })).toEqual([{ path: 'to', message: 'The end of the period must be on or after its start (1 Feb 2026)' }]);
    expect(bad(routes.hours, { from: '2026-02-01', to: '2026-01-01' }).map((p) => p.path)).toEqual(['to']);
    expect(bad(routes.hoursCsv, { delimiter: '|' }).map((p) => p.path)).toEqual(['delimiter']);
  });

  it('needs exactly one of relationship and mentee for ratings', () => {
    const message = 'Choose a relationship or a mentee (one of them, not both)';
    expect(bad(routes.ratings, {})).toEqual([{ path: 'relationship', message }]);
    expect(bad(routes.ratings, { relationship: 'r', mentee: 'm' })).toEqual([{ path: 'relationship', message }]);
    expect(q(routes.ratings, { mentee: 'm' })).toEqual({ relationship: null, mentee: 'm' });
  });

  it('bounds the search', () => {
    expect(q(routes.searchSessions, { q: ' risk ', page: '2', pageSize: '10' })).toEqual({ q: 'risk', relationship: null, from: null, to: null, page: 2, pageSize: 10 });
    expect(q(routes.searchSessions, { q: '  ' })).toEqual({ q: null, relationship: null, from: null, to: null });
    for (const pageSize of ['0', '101', '1.5', 'ten']) {
      expect(bad(routes.searchSessions, { pageSize }).map((p) => p.path)).toEqual(['pageSize']);
    }
    // The old `limit` (up to 200) is gone: every list pages with page and pageSize.
    expect(bad(routes.searchSessions, { limit: '10' }).map((p) => p.path)).toEqual(['limit']);
    expect(bad(routes.searchSessions, { q: 'x'.repeat(201) })).toEqual([{ path: 'q', message: 'The search text must be at most 200 characters' }]);
  });

  it('reads whether only active competencies are wanted', () => {
    expect(q(routes.competencies, { active: 'true' })).toEqual({ active: true });
    expect(q(routes.competencies, {})).toEqual({});
    expect(bad(routes.competencies, { active: 'yes' }).map((p) => p.path)).toEqual(['active']);
  });
});

describe('ticking an action item', () => {
  it('needs done to be a boolean', () => {
    expect(accepted(tickInput, { done: true })).toEqual({ done: true });
    expect(refusal(tickInput, { done: 'yes' })).toEqual([{ path: 'done', message: 'Say whether the action item is done (true or false)' }]);
    expect(refusal(tickInput, {})).toEqual([{ path: 'done', message: 'Say whether the action item is done (true or false)' }]);
  });
});

import {
  datesProblems,
  parseActionItemsQuery,
  parseHoursExportQuery,
  parseRatingsQuery,
  parseRelationshipInput,
  parseRelationshipListQuery,
  parseSessionInput,
  parseSessionSearchQuery,
  parseTickInput,
} from './input';

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

const paths = (problems: Array<{ path: string }>) => problems.map((p) => p.path);

describe('a session as sent to POST /pmo/mentoring/sessions', () => {
  it('accepts a complete session', () => {
    const { value, problems } = parseSessionInput(session, 'create');
    expect(problems).toEqual([]);
    expect(value).toEqual(session);
  });

  it.each([
    ['a rating of 6', { ratings: [{ competency: 'c1', rating: 6 }] }, 'ratings[0].rating'],
    ['a rating of 0', { ratings: [{ competency: 'c1', rating: 0 }] }, 'ratings[0].rating'],
    ['a rating of 3.5', { ratings: [{ competency: 'c1', rating: 3.5 }] }, 'ratings[0].rating'],
    ['a rating as text', { ratings: [{ competency: 'c1', rating: '4' }] }, 'ratings[0].rating'],
    ['the same competency rated twice', { ratings: [{ competency: 'c1', rating: 4 }, { competency: 'c1', rating: 2 }] }, 'ratings[1].competency'],
    ['ratings that are not a list', { ratings: { c1: 4 } }, 'ratings'],
    ['a due date that is not a date', { actionItems: [{ text: 'x', dueDate: 'next Friday' }] }, 'actionItems[0].dueDate'],
    ['an impossible due date', { actionItems: [{ text: 'x', dueDate: '2026-02-30' }] }, 'actionItems[0].dueDate'],
    ['an action item without text', { actionItems: [{ text: '  ', dueDate: null }] }, 'actionItems[0].text'],
    ['an unknown owner', { actionItems: [{ text: 'x', owner: 'boss' }] }, 'actionItems[0].owner'],
    ['done that is not a boolean', { actionItems: [{ text: 'x', done: 'yes' }] }, 'actionItems[0].done'],
    ['a date with a time', { date: '2026-03-10T10:00:00Z' }, 'date'],
    ['no duration', { durationMinutes: undefined }, 'durationMinutes'],
    ['a zero duration', { durationMinutes: 0 }, 'durationMinutes'],
    ['a duration over a day', { durationMinutes: 1441 }, 'durationMinutes'],
    ['no relationship', { relationship: undefined }, 'relationship'],
    ['an unknown field', { mood: 'great' }, 'mood'],
    ['notes that are not text', { confidentialNotes: 42 }, 'confidentialNotes'],
    ['a revision on create', { revision: 2 }, 'revision'],
  ])('refuses %s, naming the field', (_what, change, path) => {
    const { problems } = parseSessionInput({ ...session, ...change }, 'create');
    expect(paths(problems)).toContain(path);
    expect(problems.find((p) => p.path === path)!.message.startsWith(path)).toBe(true);
  });

  it('lists every problem at once', () => {
    const { problems } = parseSessionInput(
      { ...session, ratings: [{ competency: 'c1', rating: 6 }], actionItems: [{ text: 'x', dueDate: 'soon' }] },
      'create'
    );
    expect(paths(problems)).toEqual(['ratings[0].rating', 'actionItems[0].dueDate']);
  });

  it('refuses a body that is not an object', () => {
    expect(paths(parseSessionInput([], 'create').problems)).toEqual(['body']);
    expect(paths(parseSessionInput(null, 'create').problems)).toEqual(['body']);
  });

  it('takes a partial update, defaulting nothing', () => {
    const { value, problems } = parseSessionInput({ topics: 'Only this', revision: 3 }, 'update');
    expect(problems).toEqual([]);
    expect(value).toEqual({ topics: 'Only this', revision: 3 });
  });

  it('defaults an action item to the mentee, undated and open; accepts echoed server fields', () => {
    const { value } = parseSessionInput(
      { actionItems: [{ text: 'Read', doneAt: null, carriedFrom: 's0', carriedTo: null }] },
      'update'
    );
    expect(value.actionItems).toEqual([{ text: 'Read', owner: 'mentee', dueDate: null, done: false }]);
  });
});

describe('a relationship as sent to POST /pmo/mentoring/relationships', () => {
  const relationship = { mentor: 'p1', mentee: 'p2', goals: 'Lead a programme', focusCompetencies: ['c1', 'c2'], startDate: '2026-01-05' };

  it('accepts a complete relationship', () => {
    expect(parseRelationshipInput(relationship, 'create')).toEqual({ value: relationship, problems: [] });
  });

  it.each([
    ['mentoring oneself', { mentee: 'p1' }, 'mentee'],
    ['no start date', { startDate: undefined }, 'startDate'],
    ['a start date that is not a date', { startDate: '05/01/2026' }, 'startDate'],
    ['an unknown status', { status: 'archived' }, 'status'],
    ['focus competencies that are not a list', { focusCompetencies: 'c1' }, 'focusCompetencies'],
    ['a blank focus competency', { focusCompetencies: ['c1', ''] }, 'focusCompetencies[1]'],
  ])('refuses %s', (_what, change, path) => {
    expect(paths(parseRelationshipInput({ ...relationship, ...change }, 'create').problems)).toContain(path);
  });

  it('names endDate when it comes before startDate', () => {
    expect(paths(datesProblems('2026-01-05', '2026-01-04'))).toEqual(['endDate']);
    expect(datesProblems('2026-01-05', '2026-01-05')).toEqual([]);
    expect(datesProblems('2026-01-05', null)).toEqual([]);
  });
});

describe('query strings', () => {
  it('reads the relationship list filters', () => {
    expect(parseRelationshipListQuery({ as: 'mentor', status: 'active' }).value).toEqual({ as: 'mentor', status: 'active' });
    expect(paths(parseRelationshipListQuery({ as: 'boss' }).problems)).toEqual(['as']);
    expect(paths(parseRelationshipListQuery({ as: ['mentor', 'mentee'] }).problems)).toEqual(['as']);
    expect(paths(parseRelationshipListQuery({ sort: 'x' }).problems)).toEqual(['sort']);
  });

  it('defaults action items to open as of today, and refuses a bad asOf', () => {
    expect(parseActionItemsQuery({}, new Date('2026-03-10T12:00:00Z')).value).toEqual({ status: 'open', asOf: '2026-03-10', relationship: null });
    expect(paths(parseActionItemsQuery({ asOf: 'yesterday' }).problems)).toEqual(['asOf']);
    expect(paths(parseActionItemsQuery({ status: 'closed' }).problems)).toEqual(['status']);
  });

  it('reads the export options and refuses a period that ends before it starts', () => {
    expect(parseHoursExportQuery({ delimiter: ';', bom: '1', from: '2026-01-01' }).value).toEqual({
      from: '2026-01-01',
      to: null,
      mentor: null,
      delimiter: ';',
      bom: true,
    });
    expect(paths(parseHoursExportQuery({ from: '2026-02-01', to: '2026-01-01' }).problems)).toEqual(['to']);
    expect(paths(parseHoursExportQuery({ delimiter: '|' }).problems)).toEqual(['delimiter']);
  });

  it('needs exactly one of relationship and mentee for ratings', () => {
    expect(paths(parseRatingsQuery({}).problems)).toEqual(['relationship']);
    expect(paths(parseRatingsQuery({ relationship: 'r', mentee: 'm' }).problems)).toEqual(['relationship']);
    expect(parseRatingsQuery({ mentee: 'm' }).problems).toEqual([]);
  });

  it('bounds the search', () => {
    expect(parseSessionSearchQuery({ q: ' risk ', limit: '10' }).value).toMatchObject({ q: 'risk', limit: 10 });
    expect(paths(parseSessionSearchQuery({ limit: '1000' }).problems)).toEqual(['limit']);
    expect(paths(parseSessionSearchQuery({ q: 'x'.repeat(201) }).problems)).toEqual(['q']);
  });

  it('needs done to be a boolean to tick an item', () => {
    expect(parseTickInput({ done: true })).toEqual({ value: { done: true }, problems: [] });
    expect(paths(parseTickInput({ done: 'yes' }).problems)).toEqual(['done']);
  });
});

import type { ActionItem } from './action-items';
import { hoursFromMinutes, ratingSeries, storedRatings, summarise, type SessionFacts } from './reports';

const leadership = { documentId: 'c-lead', key: 'leadership', name: 'Leadership' };
const communication = { documentId: 'c-comm', key: 'communication', name: 'Verbal and written communication' };
const tools = { documentId: 'c-tools', key: 'use-of-tools', name: 'Use of tools' };
const framework = [leadership, communication, tools];

const item = (over: Partial<ActionItem>): ActionItem => ({
  id: 'i',
  text: 'Do it',
  owner: 'mentee',
  dueDate: null,
  done: false,
  doneAt: null,
  carriedFrom: null,
  carriedTo: null,
  ...over,
});

const session = (over: Partial<SessionFacts>): SessionFacts => ({
  documentId: 's',
  relationship: 'r1',
  date: '2026-01-15',
  durationMinutes: 60,
  ratings: [],
  actionItems: [],
  ...over,
});

describe('ratings over time', () => {
  const sessions = [
    session({ documentId: 's2', date: '2026-02-10', ratings: [{ competency: 'c-lead', rating: 3 }, { competency: 'c-tools', rating: 2 }] }),
    session({ documentId: 's1', date: '2026-01-10', ratings: [{ competency: 'c-lead', rating: 2 }] }),
    session({ documentId: 's3', date: '2026-03-10', ratings: [{ competency: 'c-lead', rating: 4 }] }),
  ];

  it('gives each focus competency its points oldest first, with first, latest and change', () => {
    const [lead] = ratingSeries(sessions, [leadership, communication], framework);
    expect(lead.points.map((p) => [p.date, p.rating])).toEqual([
      ['2026-01-10', 2],
      ['2026-02-10', 3],
      ['2026-03-10', 4],
    ]);
    expect(lead).toMatchObject({ focus: true, first: 2, latest: 4, change: 2 });
  });

  it('shows an unrated focus competency with no points, and a rated non-focus one after the focus ones', () => {
    const series = ratingSeries(sessions, [leadership, communication], framework);
    expect(series.map((s) => [s.competency.key, s.focus, s.points.length])).toEqual([
      ['leadership', true, 3],
      ['communication', true, 0],
      ['use-of-tools', false, 1],
    ]);
    expect(series[1]).toMatchObject({ first: null, latest: null, change: null });
  });

  it('drops stored ratings that are out of range rather than charting them', () => {
    expect(storedRatings([{ competency: 'c', rating: 6 }, { competency: 'c', rating: 5 }, { rating: 3 }, null])).toEqual([
      { competency: 'c', rating: 5 },
    ]);
  });
});

describe('a relationship\'s summary', () => {
  const sessions = [
    session({
      documentId: 's1',
      date: '2026-01-10',
      actionItems: [
        item({ id: 'late', dueDate: '2026-02-01' }),
        item({ id: 'done', dueDate: '2026-01-20', done: true }),
        item({ id: 'moved', dueDate: '2026-01-20', carriedTo: 's2' }),
        item({ id: 'undated' }),
      ],
    }),
    session({ documentId: 's2', relationship: 'r2', date: '2026-02-10', actionItems: [item({ id: 'soon', dueDate: '2026-03-30' })] }),
  ];

  it('summarises a relationship: sessions, minutes, last session, open and overdue items', () => {
    expect(summarise(sessions, '2026-03-01')).toEqual({
      sessions: 2,
      minutes: 120,
      lastSessionDate: '2026-02-10',
      openActionItems: 3,
      overdueActionItems: 1,
    });
  });
});

describe('mentoring hours', () => {

  it('writes hours with two decimals', () => {
    expect([1, 50, 60, 61, 600, 1439].map(hoursFromMinutes)).toEqual(['0.02', '0.83', '1.00', '1.02', '10.00', '23.98']);
  });
});

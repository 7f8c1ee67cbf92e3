import type { ActionItem } from './action-items';
import { actionItemRows, hoursFromMinutes, hoursPerMentorPerQuarter, ratingSeries, storedRatings, summarise, type SessionFacts } from './reports';

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

describe('action items across relationships', () => {
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

  it('lists open items, the earliest due first and undated last, marking the overdue ones', () => {
    const rows = actionItemRows(sessions, 'open', '2026-03-01');
    expect(rows.map((r) => [r.id, r.overdue])).toEqual([
      ['late', true],
      ['soon', false],
      ['undated', false],
    ]);
    expect(rows[0]).toMatchObject({ session: { documentId: 's1', date: '2026-01-10' }, relationship: 'r1' });
  });

  it('lists only overdue items when asked', () => {
    expect(actionItemRows(sessions, 'overdue', '2026-03-01').map((r) => r.id)).toEqual(['late']);
  });

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

describe('mentoring hours per mentor per quarter', () => {
  const ann = { documentId: 'p-ann', fullName: 'Ann Mentor', email: 'ann@example.org' };
  const bob = { documentId: 'p-bob', fullName: 'Bob Mentor', email: 'bob@example.org' };

  it('sums whole minutes per mentor and calendar quarter, by quarter then name', () => {
    const rows = hoursPerMentorPerQuarter([
      { date: '2026-04-01', durationMinutes: 30, mentor: ann },
      { date: '2026-03-31', durationMinutes: 45, mentor: bob },
      { date: '2026-01-01', durationMinutes: 50, mentor: bob },
      { date: '2026-02-14', durationMinutes: 90, mentor: ann },
      { date: '2025-12-31', durationMinutes: 60, mentor: ann },
      { date: '2026-02-14', durationMinutes: 60, mentor: null },
    ]);
    expect(rows.map((r) => [r.quarter, r.mentor.fullName, r.sessions, r.minutes, r.hours])).toEqual([
      ['2025-Q4', 'Ann Mentor', 1, 60, '1.00'],
      ['2026-Q1', 'Ann Mentor', 1, 90, '1.50'],
      ['2026-Q1', 'Bob Mentor', 2, 95, '1.58'],
      ['2026-Q2', 'Ann Mentor', 1, 30, '0.50'],
    ]);
  });

  it('writes hours with two decimals', () => {
    expect([1, 50, 60, 61, 600, 1439].map(hoursFromMinutes)).toEqual(['0.02', '0.83', '1.00', '1.02', '10.00', '23.98']);
  });
});

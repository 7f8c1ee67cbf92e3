import { sessionView } from './views';
import { accessTo } from './visibility';

const parties = { mentor: 'p-mentor', mentee: 'p-mentee' };
const stored = {
  documentId: 's1',
  relationship: 'r1',
  date: '2026-03-01',
  durationMinutes: 45,
  topics: 'Budget',
  ratings: [{ competency: 'c1', rating: 4 }, { competency: 'c-gone', rating: 2 }],
  sharedNotes: 'Shared',
  confidentialNotes: 'Confidential',
  actionItems: [
    { id: 'a', text: 'x', owner: 'mentee' as const, dueDate: '2026-03-05', done: false, doneAt: null, carriedFrom: null, carriedTo: null },
  ],
  revision: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};
const competencies = new Map([['c1', { documentId: 'c1', key: 'leadership', name: 'Leadership' }]]);

describe('a session as the routes answer it', () => {
  it('carries the confidential notes for the mentee', () => {
    const view = sessionView(stored, accessTo({ isSuperAdmin: false, roles: [], personIds: ['p-mentee'] }, parties), competencies, '2026-03-10');
    expect(view.confidentialNotes).toBe('Confidential');
  });

  it('has no confidentialNotes key at all for a PMO manager, even if they were loaded', () => {
    const view = sessionView(stored, accessTo({ isSuperAdmin: false, roles: ['pmo-manager'], personIds: [] }, parties), competencies, '2026-03-10');
    expect(Object.keys(view)).not.toContain('confidentialNotes');
    expect(JSON.stringify(view)).not.toContain('Confidential');
  });

  it('names rated competencies, keeps ratings of a removed one, and flags overdue items', () => {
    const view = sessionView(stored, accessTo({ isSuperAdmin: false, roles: [], personIds: ['p-mentor'] }, parties), competencies, '2026-03-10');
    expect(view.ratings.map((r) => [r.competency.name, r.rating])).toEqual([
      ['Leadership', 4],
      ['Removed competency', 2],
    ]);
    expect(view.actionItems[0].overdue).toBe(true);
  });
});

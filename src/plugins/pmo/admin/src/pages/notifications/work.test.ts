import type { WorkItemAnswer } from '../../../../shared/contracts/my-work';
import { adminRoute, kindFilter, kindsOf, pageFilter, sortWork } from './work';

const item = (title: string, kind: WorkItemAnswer['kind'], dueDate: string | null, overdue = false): WorkItemAnswer => ({
  kind,
  title,
  dueDate,
  overdue,
  uid: 'api::document.document',
  documentId: title,
  url: `/admin/content-manager/collection-types/api::document.document/${title}`,
});

describe('my work', () => {
  const items = [
    item('Later', 'document-review', '2026-12-20'),
    item('Undated', 'vote', null),
    item('Late report', 'status-report', '2026-11-30', true),
    item('Soon', 'gate-review', '2026-12-06'),
    item('Older late', 'action-item', '2026-11-01', true),
  ];

  it('lists overdue work first, then by due date, undated last', () => {
    expect(sortWork(items).map((entry) => entry.title)).toEqual(['Older late', 'Late report', 'Soon', 'Later', 'Undated']);
  });

  it('counts each kind that has work, in the kinds’ order, with its name', () => {
    expect(kindsOf([...items, item('Second late', 'action-item', '2026-11-02', true)])).toEqual([
      { kind: 'vote', name: 'Vote waiting', count: 1, overdue: 0 },
      { kind: 'gate-review', name: 'Gate review to hold', count: 1, overdue: 0 },
      { kind: 'document-review', name: 'Document to review', count: 1, overdue: 0 },
      { kind: 'status-report', name: 'Status report to write', count: 1, overdue: 1 },
      { kind: 'action-item', name: 'Action item', count: 2, overdue: 2 },
    ]);
  });

  it('takes only known kinds as a filter', () => {
    expect(kindFilter('vote')).toBe('vote');
    expect(kindFilter('constructor')).toBeUndefined();
    expect(kindFilter(null)).toBeUndefined();
  });

  it('takes a whole page number from 1 as the page, else the first', () => {
    expect(pageFilter('3')).toBe(3);
    expect([pageFilter(null), pageFilter('0'), pageFilter('-2'), pageFilter('1.5'), pageFilter('two')]).toEqual([1, 1, 1, 1, 1]);
  });

  it('opens an item inside the admin router', () => {
    expect(adminRoute('/admin/plugins/pmo/change-requests/abc')).toBe('/plugins/pmo/change-requests/abc');
    expect(adminRoute('/plugins/pmo/x')).toBe('/plugins/pmo/x');
  });
});

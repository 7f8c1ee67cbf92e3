import type { WorkItemAnswer } from '../../../shared/contracts/my-work';
import { byUrgency } from './my-work';

const item = (title: string, dueDate: string | null, overdue: boolean): WorkItemAnswer => ({ kind: 'action-item', title, dueDate, overdue, uid: 'x', documentId: title, url: `/admin/${title}` });

describe('my work order', () => {
  it('puts overdue work first, then the earliest due, undated last', () => {
    const items = [item('later', '2033-05-01', false), item('undated', null, false), item('old', '2033-01-01', true), item('older', '2032-12-01', true), item('soon', '2033-04-01', false)];
    expect(items.sort(byUrgency).map((entry) => entry.title)).toEqual(['older', 'old', 'soon', 'later', 'undated']);
  });
});

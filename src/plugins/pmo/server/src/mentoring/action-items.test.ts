import {
  isOpen,
  isOverdue,
  itemsForNewSession,
  itemsForUpdate,
  markCarried,
  prefillItems,
  releaseCarried,
  storedItems,
  tickItem,
  type ActionItem,
} from './action-items';

const NOW = '2026-03-10T09:00:00.000Z';
let counter = 0;
const newId = () => `new-${++counter}`;
beforeEach(() => {
  counter = 0;
});

const item = (over: Partial<ActionItem> = {}): ActionItem => ({
  id: 'a1',
  text: 'Draft the risk register',
  owner: 'mentee',
  dueDate: '2026-03-01',
  done: false,
  doneAt: null,
  carriedFrom: null,
  carriedTo: null,
  ...over,
});

describe('open and overdue', () => {
  it('is overdue only when open and due before the day asked about', () => {
    expect(isOverdue(item(), '2026-03-02')).toBe(true);
    expect(isOverdue(item(), '2026-03-01')).toBe(false);
    expect(isOverdue(item({ done: true }), '2026-04-01')).toBe(false);
    expect(isOverdue(item({ dueDate: null }), '2030-01-01')).toBe(false);
  });

  it('no longer counts an item carried to a later session as open where it was', () => {
    expect(isOpen(item({ carriedTo: 's2' }))).toBe(false);
    expect(isOverdue(item({ carriedTo: 's2' }), '2026-04-01')).toBe(false);
  });
});

describe('logging a new session', () => {
  it('gives new items an id and carries forward the ones sent with an open item id', () => {
    const open = [{ sessionId: 's1', item: item() }];
    const result = itemsForNewSession(
      [
        { id: 'a1', text: 'Draft the risk register (v2)', owner: 'mentee', dueDate: '2026-03-20', done: false },
        { text: 'Read PRINCE2 chapter 4', owner: 'mentee', dueDate: null, done: false },
      ],
      open,
      newId,
      NOW
    );
    expect(result.problems).toEqual([]);
    expect(result.carried).toEqual([{ sessionId: 's1', itemId: 'a1' }]);
    expect(result.items).toEqual([
      item({ text: 'Draft the risk register (v2)', dueDate: '2026-03-20', carriedFrom: 's1' }),
      item({ id: 'new-1', text: 'Read PRINCE2 chapter 4', dueDate: null }),
    ]);
  });

  it('refuses an id that is not an open item of the relationship, and a repeated id', () => {
    const result = itemsForNewSession(
      [
        { id: 'ghost', text: 'x', owner: 'mentee', dueDate: null, done: false },
        { id: 'a1', text: 'y', owner: 'mentee', dueDate: null, done: false },
        { id: 'a1', text: 'z', owner: 'mentee', dueDate: null, done: false },
      ],
      [{ sessionId: 's1', item: item() }],
      newId,
      NOW
    );
    expect(result.problems.map((p) => p.path)).toEqual([['actionItems', 2, 'id'], ['actionItems', 0, 'id']]);
  });

  it('stamps doneAt on an item done when logged', () => {
    const [logged] = itemsForNewSession([{ text: 'Done already', owner: 'mentor', dueDate: null, done: true }], [], newId, NOW).items;
    expect(logged).toMatchObject({ done: true, doneAt: NOW });
  });
});

describe('editing a session', () => {
  it('replaces its own items, keeps ids, and keeps carried items as history', () => {
    const existing = [item({ id: 'a1' }), item({ id: 'a2', carriedTo: 's2' }), item({ id: 'a3' })];
    const { items, problems } = itemsForUpdate(
      existing,
      [
        { id: 'a1', text: 'Changed', owner: 'mentor', dueDate: null, done: true },
        { text: 'Brand new', owner: 'mentee', dueDate: '2026-04-01', done: false },
      ],
      newId,
      NOW
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(['a1', 'new-1', 'a2']);
    expect(items[0]).toMatchObject({ text: 'Changed', owner: 'mentor', done: true, doneAt: NOW });
  });

  it('refuses to change a carried item or an unknown one', () => {
    const { problems } = itemsForUpdate(
      [item({ id: 'a2', carriedTo: 's2' })],
      [
        { id: 'a2', text: 'x', owner: 'mentee', dueDate: null, done: false },
        { id: 'nope', text: 'y', owner: 'mentee', dueDate: null, done: false },
      ],
      newId,
      NOW
    );
    expect(problems.map((p) => p.path)).toEqual([['actionItems', 0, 'id'], ['actionItems', 1, 'id']]);
    expect(problems[0].message).toMatch(/carried to a later session/);
  });
});

describe('ticking, carrying and releasing', () => {
  it('ticks an item done and back, keeping the first doneAt while done', () => {
    const ticked = tickItem([item()], 'a1', true, NOW) as ActionItem[];
    expect(ticked[0]).toMatchObject({ done: true, doneAt: NOW });
    expect((tickItem(ticked, 'a1', true, 'later') as ActionItem[])[0].doneAt).toBe(NOW);
    expect((tickItem(ticked, 'a1', false, 'later') as ActionItem[])[0]).toMatchObject({ done: false, doneAt: null });
  });

  it('answers not-found and carried instead of ticking', () => {
    expect(tickItem([item()], 'zz', true, NOW)).toBe('not-found');
    expect(tickItem([item({ carriedTo: 's2' })], 'a1', true, NOW)).toBe('carried');
  });

  it('marks carried items and gives them back when the later session is deleted', () => {
    const carried = markCarried([item(), item({ id: 'a2' })], ['a1'], 's2');
    expect(carried.map((i) => i.carriedTo)).toEqual(['s2', null]);
    expect(releaseCarried(carried, 's2').map((i) => i.carriedTo)).toEqual([null, null]);
  });

  it('prefills the next session with every open item, ready to carry', () => {
    expect(prefillItems([{ sessionId: 's1', item: item() }])).toEqual([
      { id: 'a1', text: 'Draft the risk register', owner: 'mentee', dueDate: '2026-03-01', done: false, carriedFrom: 's1' },
    ]);
  });

  it('reads stored items defensively', () => {
    expect(storedItems(null)).toEqual([]);
    expect(storedItems([{ text: 'no id' }, 'junk', { id: 'x', text: 'ok', owner: 'boss' }])).toEqual([
      item({ id: 'x', text: 'ok', owner: 'mentee', dueDate: null }),
    ]);
  });
});

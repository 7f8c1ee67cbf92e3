import { activeProjects } from './figures';

const lifecycle = {
  key: 'project-lifecycle',
  name: 'Project lifecycle',
  version: 1,
  states: [
    { key: 'proposed', name: 'Proposed' },
    { key: 'executing', name: 'Executing' },
    { key: 'closed', name: 'Closed', terminal: true },
    { key: 'cancelled', name: 'Cancelled', terminal: true },
  ],
} as never;

describe('the home page governance figure', () => {
  it('counts every matching project by state, not the cards of the first page', () => {
    // 10,000 projects: the page holds 50 cards, the counts hold them all.
    expect(activeProjects({ lifecycle, counts: { proposed: 1200, executing: 7300, closed: 1400, cancelled: 100 } })).toBe(8500);
  });

  it('leaves out the end states only', () => {
    expect(activeProjects({ lifecycle, counts: { closed: 3, cancelled: 2 } })).toBe(0);
    expect(activeProjects({ lifecycle, counts: { executing: 1 } })).toBe(1);
  });

  it('counts every project when there is no lifecycle', () => {
    expect(activeProjects({ lifecycle: null, counts: { draft: 4, closed: 2 } })).toBe(6);
  });
});

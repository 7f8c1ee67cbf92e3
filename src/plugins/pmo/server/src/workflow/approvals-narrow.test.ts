import { overdueBeforeOn } from './approvals-narrow';

describe('when a waiting vote is overdue (more than 2 working days)', () => {
  it('on a Wednesday: items that entered their state by the Sunday before (Monday to Wednesday is 3 working days)', () => {
    // 9 March 2022 was a Wednesday.
    expect(overdueBeforeOn('2022-03-09', 2)).toEqual(new Date(2022, 2, 7));
  });

  it('on a Tuesday: items that entered by the Thursday before; Friday has waited only Monday and Tuesday', () => {
    expect(overdueBeforeOn('2022-03-08', 2)).toEqual(new Date(2022, 2, 4));
  });

  it('on a Monday: by the Wednesday before', () => {
    expect(overdueBeforeOn('2022-03-07', 2)).toEqual(new Date(2022, 2, 3));
  });
});

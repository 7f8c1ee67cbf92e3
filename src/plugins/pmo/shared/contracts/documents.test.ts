import { parseWith } from './common';
import { reviewUpdate } from './documents';

describe('the document review contract', () => {
  it('takes a status, a review today or a review on a day', () => {
    expect(parseWith(reviewUpdate, { status: 'approved' })).toEqual({ ok: true, value: { status: 'approved' } });
    expect(parseWith(reviewUpdate, { reviewed: true, reviewedOn: '2026-02-28' })).toMatchObject({ ok: true });
  });

  it('names the field at fault', () => {
    expect(parseWith(reviewUpdate, { status: 'final', reviewed: 'yes', reviewedOn: '2026-02-30', colour: 'red' })).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { path: ['status'], message: 'status must be one of draft, in-review, approved, superseded' },
        { path: ['reviewed'], message: 'reviewed must be true or false' },
        { path: ['reviewedOn'], message: 'reviewedOn must be a real date written YYYY-MM-DD' },
        { path: ['colour'], message: 'unknown field: colour' },
      ]),
    });
  });

  it('refuses a change that changes nothing', () => {
    for (const value of [{}, { reviewed: false }]) {
      expect(parseWith(reviewUpdate, value)).toEqual({
        ok: false,
        problems: [{ path: [], message: 'Nothing to change: send status, reviewed or reviewedOn' }],
      });
    }
  });
});

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
        { path: ['status'], message: 'The status must be one of "draft", "in-review", "approved" or "superseded"' },
        { path: ['reviewed'], message: 'Say whether the document was reviewed today (true or false)' },
        { path: ['reviewedOn'], message: 'Give the review date as a real day, written 2026-12-02 for 2 Dec 2026' },
        { path: ['colour'], message: 'This request has no field "colour"' },
      ]),
    });
  });

  it('refuses a change that changes nothing', () => {
    for (const value of [{}, { reviewed: false }]) {
      expect(parseWith(reviewUpdate, value)).toEqual({
        ok: false,
        problems: [{ path: [], message: 'Nothing to change: give a status, mark it reviewed or give the review date' }],
      });
    }
  });
});

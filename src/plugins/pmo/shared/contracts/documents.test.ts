import { parseWith } from './common';
import { STATUS_BY_WORKFLOW, newVersionInput, nextVersionNumber, reviewUpdate } from './documents';

describe('the document review contract', () => {
  it('takes a review today or a review on a day', () => {
    expect(parseWith(reviewUpdate, { reviewed: true })).toMatchObject({ ok: true, value: { reviewed: true } });
    expect(parseWith(reviewUpdate, { reviewed: true, reviewedOn: '2026-02-28' })).toMatchObject({ ok: true });
  });

  it('sends a status to the workflow, in words', () => {
    expect(parseWith(reviewUpdate, { status: 'approved', reviewed: true })).toEqual({
      ok: false,
      problems: [{ path: ['status'], message: STATUS_BY_WORKFLOW }],
    });
  });

  it('names the field at fault', () => {
    expect(parseWith(reviewUpdate, { reviewed: 'yes', reviewedOn: '2026-02-30', colour: 'red' })).toEqual({
      ok: false,
      problems: expect.arrayContaining([
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
        problems: [{ path: [], message: 'Nothing to change: mark it reviewed or give the review date' }],
      });
    }
  });
});

describe('a new version', () => {
  it('is numbered the next major by default', () => {
    expect(nextVersionNumber('1.3')).toBe('2.0');
    expect(nextVersionNumber('0.9')).toBe('1.0');
    expect(nextVersionNumber('12')).toBe('13.0');
    expect(nextVersionNumber(' 2.1.4 ')).toBe('3.0');
    expect(nextVersionNumber('draft B')).toBeNull();
    expect(nextVersionNumber(null)).toBeNull();
  });

  it('takes a version of at most 32 characters, and nothing else', () => {
    expect(parseWith(newVersionInput, {})).toEqual({ ok: true, value: {} });
    expect(parseWith(newVersionInput, { version: ' 3.0 ' })).toEqual({ ok: true, value: { version: '3.0' } });
    expect(parseWith(newVersionInput, { version: 'x'.repeat(33) })).toMatchObject({ ok: false, problems: [{ path: ['version'], message: 'The version must be at most 32 characters' }] });
    expect(parseWith(newVersionInput, { version: 2 })).toMatchObject({ ok: false, problems: [{ path: ['version'], message: 'The version must be text, such as 2.0' }] });
    expect(parseWith(newVersionInput, { file: 1 })).toMatchObject({ ok: false, problems: [{ path: ['file'] }] });
  });
});

import { toIsoDay } from '../platform/dates';
import { isOverdue, nextReviewDue } from './review-cycle';

describe('nextReviewDue', () => {
  it('counts the review cycle from the last review', () => {
    expect(nextReviewDue({ lastReviewedAt: '2026-01-31', reviewCycleDays: 30 })).toBe('2026-03-02');
  });
  it('falls back to the approval date when never reviewed', () => {
    expect(nextReviewDue({ approvedAt: '2026-02-10T15:30:00.000Z', reviewCycleDays: 90 })).toBe('2026-05-11');
  });
  it('prefers the last review over the approval', () => {
    expect(
      nextReviewDue({ approvedAt: '2025-01-01', lastReviewedAt: '2026-01-01', reviewCycleDays: 1 })
    ).toBe('2026-01-02');
  });
  it('counts from an approval later than the last review', () => {
    expect(nextReviewDue({ approvedAt: '2026-03-01T09:00:00.000Z', lastReviewedAt: '2026-01-01', reviewCycleDays: 10 })).toBe('2026-03-11');
  });
  it('crosses a leap day', () => {
    expect(nextReviewDue({ lastReviewedAt: '2028-02-28', reviewCycleDays: 1 })).toBe('2028-02-29');
  });
  it('has no due date for a draft never approved or reviewed, or without a cycle', () => {
    expect(nextReviewDue({ reviewCycleDays: 90 })).toBeNull();
    expect(nextReviewDue({ lastReviewedAt: '2026-01-01', reviewCycleDays: null })).toBeNull();
    expect(nextReviewDue({ lastReviewedAt: '2026-01-01', reviewCycleDays: 0 })).toBeNull();
  });
  it('accepts Date objects', () => {
    expect(nextReviewDue({ lastReviewedAt: new Date('2026-03-01T00:00:00Z'), reviewCycleDays: 10 })).toBe('2026-03-11');
  });
});

describe('toIsoDay and isOverdue', () => {
  it('refuses impossible dates', () => {
    expect(toIsoDay('2026-02-30')).toBeNull();
    expect(toIsoDay('yesterday')).toBeNull();
  });
  it('is overdue only strictly after the due date', () => {
    expect(isOverdue('2026-11-24', '2026-11-25')).toBe(true);
    expect(isOverdue('2026-11-25', '2026-11-25')).toBe(false);
    expect(isOverdue(null, '2026-11-25')).toBe(false);
  });
  it('never counts a superseded document overdue', () => {
    expect(isOverdue('2026-11-24', '2026-11-25', 'approved')).toBe(true);
    expect(isOverdue('2026-11-24', '2026-11-25', 'superseded')).toBe(false);
  });
});

/**
 * Document currency: when a document is next due for review. Pure: no Strapi import.
 *
 * The review clock starts at the later of the last review and the approval (an approval is a
 * review: a document approved after an older review counts from its approval); a document with
 * neither (a draft) has no due date yet.
 */

import { addDays, toIsoDay, type DateLike } from '../platform/dates';

export type ReviewFacts = {
  lastReviewedAt?: DateLike;
  approvedAt?: DateLike;
  reviewCycleDays?: number | null;
};

export function nextReviewDue(facts: ReviewFacts): string | null {
  const reviewed = toIsoDay(facts.lastReviewedAt);
  const approved = toIsoDay(facts.approvedAt);
  const start = reviewed && approved ? (reviewed > approved ? reviewed : approved) : reviewed ?? approved;
  const cycle = facts.reviewCycleDays;
  if (!start || !cycle || cycle < 1) return null;
  return addDays(start, cycle);
}

/**
 * Overdue when the due date is before `today` (both `YYYY-MM-DD`) and the document is still in
 * force: a superseded document is never reviewed again, so it is never overdue.
 */
export function isOverdue(due: string | null, today: string, status?: string | null): boolean {
  return due !== null && due < today && status !== 'superseded';
}

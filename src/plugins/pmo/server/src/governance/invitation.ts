/**
 * The iCalendar invitation a gate review's reminder carries (the `ics` package): an all-day event
 * on the scheduled date, its title, a description with the link to the review, and a UID stable
 * per review, so a later invitation (the review moved) updates the same event in the reviewers'
 * calendars; its SEQUENCE grows with the time it was sent. Pure: no Strapi here.
 */
import { createEvent } from 'ics';
import { addDays } from '../platform/dates';

export type Invitation = { filename: string; contentType: string; content: string };

/** The event's UID: one per gate review, whatever its date. */
export const invitationUid = (reviewDocumentId: string) => `gate-review-${reviewDocumentId}@pmo-hub`;

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** Minutes since 2020-01-01 (UTC): a SEQUENCE that is larger for every later invitation. */
export const sequenceAt = (at: Date) => Math.max(0, Math.floor((at.getTime() - Date.UTC(2020, 0, 1)) / 60000));

export function gateReviewInvitation(input: {
  reviewDocumentId: string;
  /** `YYYY-MM-DD`. */
  date: string;
  title: string;
  /** The absolute link to the review in PMO Hub. */
  link: string;
  at: Date;
}): Invitation {
  const { error, value } = createEvent({
    productId: 'PMO Hub',
    method: 'REQUEST',
    uid: invitationUid(input.reviewDocumentId),
    sequence: sequenceAt(input.at),
    start: parts(input.date),
    end: parts(addDays(input.date, 1)),
    title: input.title,
    description: `${input.title}\n\nOpen the gate review in PMO Hub: ${input.link}`,
    url: input.link,
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw new Error(`The invitation to ${input.title} could not be written: ${error?.message ?? 'no calendar'}`);
  return { filename: 'gate-review.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: value };
}

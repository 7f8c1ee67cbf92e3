import { gateReviewInvitation, invitationUid } from './invitation';

const field = (ics: string, name: string) => new RegExp(`^${name}[;:](.*)$`, 'm').exec(ics.replace(/\r\n[ \t]/g, ''))?.[1];

describe('the gate review invitation', () => {
  const input = { reviewDocumentId: 'rev123', date: '2033-03-14', title: 'Gate 3 (investment decision) review of Alpha', link: 'http://pmo.test/admin/plugins/pmo/governance/reviews/rev123' };

  it('is an all-day event on the scheduled date, with the link, and a UID of the review', () => {
    const { filename, contentType, content } = gateReviewInvitation({ ...input, at: new Date('2033-03-08T07:00:00Z') });
    expect(filename).toBe('gate-review.ics');
    expect(contentType).toMatch(/^text\/calendar/);
    expect(field(content, 'METHOD')).toBe('REQUEST');
    expect(field(content, 'DTSTART')).toBe('VALUE=DATE:20330314');
    expect(field(content, 'DTEND')).toBe('VALUE=DATE:20330315');
    expect(field(content, 'UID')).toBe(invitationUid('rev123'));
    expect(field(content, 'SUMMARY')).toBe(input.title);
    expect(field(content, 'DESCRIPTION')).toContain(input.link);
  });

  it('keeps its UID and raises its SEQUENCE when sent again', () => {
    const first = gateReviewInvitation({ ...input, at: new Date('2033-03-08T07:00:00Z') }).content;
    const second = gateReviewInvitation({ ...input, date: '2033-03-16', at: new Date('2033-03-09T07:00:00Z') }).content;
    expect(field(second, 'UID')).toBe(field(first, 'UID'));
    expect(Number(field(second, 'SEQUENCE'))).toBeGreaterThan(Number(field(first, 'SEQUENCE')));
    expect(field(second, 'DTSTART')).toBe('VALUE=DATE:20330316');
  });
});
